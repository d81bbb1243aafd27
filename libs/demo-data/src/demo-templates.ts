import type { saveTemplateV1 } from '@arende/contracts';
import type { z } from 'zod';

export type DemoTemplate = z.input<typeof saveTemplateV1.request> & { id: string };

/** Templates (mallärenden) a demo day starts with, each with the rules that pick it for an incoming message. */
export const DEMO_TEMPLATES: readonly DemoTemplate[] = [
  {
    id: 'nyhetsbrev',
    title: 'Nyhetsbrev och automatiska svar',
    position: 0,
    servicePointId: 'kundtjanst',
    inboxId: 'kundtjanst',
    description: 'Nyhetsbrev och automatiska svar behöver ingen handläggning.',
    closeAtOnce: true,
    rules: [
      {
        name: 'Avsändare för utskick',
        conditions: [{ field: 'from', match: 'regex', pattern: '^(nyhetsbrev|newsletter|no-?reply)@' }],
      },
    ],
  },
  {
    id: 'vattenlacka',
    title: 'Vattenläcka',
    position: 10,
    categoryId: 'felanmalan',
    orgUnitId: 'stadsbyggnad',
    servicePointId: 'kundtjanst',
    inboxId: 'stadsbyggnad',
    description: 'Vattenläcka eller översvämning på allmän plats.',
    solutionText: 'Tack för att du hörde av dig. Vi har larmat jourhavande som åtgärdar läckan så snart som möjligt.',
    sla: { responseMinutes: 30, resolutionHours: 4 },
    defaultPriority: 'urgent',
    steps: ['Fråga efter exakt plats', 'Ring jourhavande på Stadsbyggnad', 'Skriv in vem som tog emot larmet'],
    alarm: { enabled: true, keywords: ['vattenläcka', 'översvämning'] },
    rules: [
      {
        name: 'Vattenläcka i ämne eller text',
        conditions: [{ field: 'subject', match: 'keywords', keywords: ['vattenläck*', 'översvämning'] }],
      },
      { conditions: [{ field: 'body', match: 'keywords', keywords: ['vattenläck*', 'översvämning'] }] },
    ],
  },
  {
    id: 'snorojning-utebliven',
    title: 'Snöröjning har uteblivit',
    position: 20,
    caseTypeId: 'snorojning-utebliven',
    categoryId: 'felanmalan',
    orgUnitId: 'stadsbyggnad',
    servicePointId: 'kundtjanst',
    inboxId: 'snorojning-ab',
    description: 'Gata, gångväg eller cykelväg är inte snöröjd eller halkbekämpad.',
    solutionText:
      'Tack för din felanmälan. Vi har skickat den till vår entreprenör för snöröjning, som åtgärdar platsen så snart som möjligt.',
    alternativeSolutionTexts: [
      'Gatan ingår i plogningsplanen och plogas inom 24 timmar efter avslutat snöfall.',
      'Vägen sköts inte av kommunen. Kontakta Trafikverket eller fastighetsägaren.',
    ],
    sla: { responseMinutes: 240, resolutionHours: 24 },
    defaultPriority: 'prioritised',
    steps: [
      'Fråga efter exakt adress eller plats',
      'Fråga om det är halt eller inte plogat',
      'Skicka till entreprenören',
    ],
    rules: [
      {
        name: 'Snöröjning i ämnet',
        conditions: [
          {
            field: 'subject',
            match: 'keywords',
            keywords: ['snöröjning', 'snöröj*', 'plogning', 'plog*', 'halka', 'halk*', 'sandning'],
          },
        ],
      },
      {
        name: 'Snöröjning i texten',
        conditions: [
          {
            field: 'body',
            match: 'keywords',
            keywords: ['snöröjning', 'snöröj*', 'plogning', 'plog*', 'halka', 'halkbekämpning'],
          },
        ],
      },
    ],
  },
  {
    id: 'bygglov',
    title: 'Fråga om bygglov',
    position: 30,
    caseTypeId: 'bygglov',
    categoryId: 'ansokan',
    orgUnitId: 'stadsbyggnad',
    servicePointId: 'kundtjanst',
    inboxId: 'stadsbyggnad',
    description: 'Frågor om bygglov, bygganmälan och attefallsåtgärder.',
    solutionText:
      'Du ansöker om bygglov i e-tjänsten på kommunens webbplats. Där finns också vad ansökan ska innehålla.',
    sla: { responseMinutes: 480, resolutionHours: 40 },
    steps: ['Hänvisa till e-tjänsten för bygglov', 'Gäller det ett pågående ärende: skicka till Stadsbyggnad'],
    rules: [
      {
        name: 'Bygglov',
        conditions: [{ field: 'subject', match: 'keywords', keywords: ['bygglov*', 'bygganmälan', 'attefall*'] }],
      },
      { conditions: [{ field: 'body', match: 'keywords', keywords: ['bygglov*', 'bygganmälan', 'attefall*'] }] },
    ],
  },
  {
    id: 'hemtjanst',
    title: 'Ansöka om hemtjänst',
    position: 40,
    caseTypeId: 'hemtjanst',
    categoryId: 'ansokan',
    orgUnitId: 'omvardnad',
    servicePointId: 'aldreomsorg',
    inboxId: 'aldreomsorg',
    description: 'Ansökan om hemtjänst, trygghetslarm eller matdistribution.',
    solutionText: 'En biståndshandläggare kontaktar dig inom fem arbetsdagar för att höra vad du behöver.',
    sla: { responseMinutes: 480, resolutionHours: 120 },
    steps: ['Notera vem ansökan gäller', 'Skicka till biståndshandläggarna'],
    rules: [
      {
        name: 'Hemtjänst',
        conditions: [
          { field: 'body', match: 'keywords', keywords: ['hemtjänst*', 'trygghetslarm', 'matdistribution'] },
        ],
      },
    ],
  },
  {
    id: 'barnomsorg-faktura',
    title: 'Fråga om faktura för barnomsorg',
    position: 50,
    caseTypeId: 'barnomsorg-faktura',
    categoryId: 'faktura',
    orgUnitId: 'barn-utbildning',
    servicePointId: 'kundtjanst',
    inboxId: 'kundtjanst',
    description: 'Frågor om avgift och faktura för förskola och fritidshem.',
    solutionText:
      'Avgiften för förskola och fritidshem beror på hushållets inkomst. Fakturan kommer i slutet av månaden.',
    rules: [
      {
        name: 'Faktura och barnomsorg',
        conditions: [
          { field: 'body', match: 'keywords', keywords: ['faktura*', 'avgift*'] },
          { field: 'body', match: 'keywords', keywords: ['barnomsorg*', 'förskol*', 'fritids*'] },
        ],
      },
    ],
  },
];
