import type { CreateArticleRequestV1 } from '@arende/contracts';
import type { z } from 'zod';

/** A knowledge article of the demo city, with the case types it serves (ids from the catalogue). */
export interface DemoArticle {
  article: z.input<typeof CreateArticleRequestV1>;
  caseTypeIds: string[];
}

/** Call scripts, checklists and information a demo day starts with; `npm run up` publishes them as an editor. */
export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    article: {
      kind: 'call_script',
      title: 'Snöröjning har uteblivit',
      summary: 'När en gata eller gångväg inte är plogad: vad du frågar, vad du lovar och vart ärendet går.',
      body: [
        '## Fråga',
        '- Vilken gata, och vid vilket nummer eller vilken korsning?',
        '- Gäller det körbanan, gångbanan eller cykelvägen?',
        '- Sedan när har det legat snö? Är det halt?',
        '',
        '## Svar',
        'Gång- och cykelvägar plogas först, sedan huvudgator och sist lokalgator. Vid mer än 5 cm snö börjar',
        'plogningen inom fyra timmar. Registrera ärendet som felanmälan så går det till entreprenören.',
      ].join('\n'),
      tags: ['snöröjning', 'plogning', 'halka'],
      ownerDepartment: 'stadsbyggnad',
      reviewDate: '2027-10-01',
    },
    caseTypeIds: ['snorojning-utebliven', 'snorojning-fraga'],
  },
  {
    article: {
      kind: 'checklist',
      title: 'Ansöka om hemtjänst',
      summary: 'Vad kundtjänst tar reda på innan ärendet går till biståndshandläggare.',
      body: [
        '- [ ] Vem behöver hjälp, och ringer personen själv eller en anhörig?',
        '- [ ] Vilken hjälp behövs: inköp, städning, personlig omvårdnad, trygghetslarm?',
        '- [ ] Bor personen ensam? Finns hjälp från anhöriga i dag?',
        '- [ ] Telefonnummer där biståndshandläggaren når personen',
        '',
        'Ansökan prövas enligt socialtjänstlagen. Handläggaren ringer inom fem arbetsdagar.',
      ].join('\n'),
      tags: ['hemtjänst', 'äldreomsorg', 'bistånd'],
      ownerDepartment: 'omvardnad',
      reviewDate: '2027-06-01',
    },
    caseTypeIds: ['hemtjanst', 'aldreomsorg-info'],
  },
  {
    article: {
      kind: 'information',
      title: 'Bygglov för altan och trädäck',
      summary: 'När en altan behöver bygglov, och hur man söker.',
      body: [
        'En altan lägre än 1,8 meter och minst 4,5 meter från tomtgränsen behöver inget bygglov.',
        'Är altanen högre, eller närmare gränsen, behövs bygglov, eller grannarnas medgivande.',
        '',
        'Bygglovet söks i e-tjänsten. Handläggningstiden är högst tio veckor från komplett ansökan.',
      ].join('\n'),
      tags: ['bygglov', 'altan', 'trädäck'],
      ownerDepartment: 'stadsbyggnad',
      reviewDate: '2027-03-01',
    },
    caseTypeIds: ['bygglov'],
  },
  {
    article: {
      kind: 'call_script',
      title: 'Plats i förskola',
      summary: 'Kö, placering och när barnet kan börja.',
      body: [
        '## Fråga',
        '- Barnets ålder och önskat startdatum',
        '- Står barnet redan i kö? Vilka förskolor är valda?',
        '',
        '## Svar',
        'Kommunen erbjuder plats inom fyra månader från ansökan. Besked om placering kommer i e-tjänsten.',
      ].join('\n'),
      tags: ['förskola', 'barnomsorg', 'kö'],
      ownerDepartment: 'barn-utbildning',
      reviewDate: '2027-08-01',
    },
    caseTypeIds: ['barnomsorg-fraga', 'barnomsorg-placering'],
  },
];

/** Words the demo city treats as one in search. */
export const DEMO_SYNONYMS: readonly string[][] = [
  ['snöröjning', 'plogning', 'snöplogning'],
  ['förskola', 'dagis'],
  ['sophämtning', 'avfallshämtning', 'soptömning'],
];
