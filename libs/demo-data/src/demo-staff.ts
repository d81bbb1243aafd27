import type { saveReferenceV1, saveStaffV1 } from '@arende/contracts';
import type { z } from 'zod';
import { ORG_UNITS } from './catalogue.js';

/** A unit (avdelning) under a department of the catalogue. */
export interface DemoUnit {
  id: string;
  name: string;
  departmentId: string;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { id: 'kontaktcenter', name: 'Kontaktcenter', departmentId: 'kundtjanst' },
  { id: 'forskola', name: 'Förskoleenheten', departmentId: 'barn-utbildning' },
  { id: 'grundskola', name: 'Grundskoleenheten', departmentId: 'barn-utbildning' },
  { id: 'placering-avgifter', name: 'Placering och avgifter', departmentId: 'barn-utbildning' },
  { id: 'bygglovsenheten', name: 'Bygglovsenheten', departmentId: 'stadsbyggnad' },
  { id: 'gata-park', name: 'Gata och park', departmentId: 'stadsbyggnad' },
  { id: 'miljoenheten', name: 'Miljöenheten', departmentId: 'stadsbyggnad' },
  { id: 'ekonomiskt-bistand', name: 'Ekonomiskt bistånd', departmentId: 'socialtjansten' },
  { id: 'barn-familj', name: 'Barn och familj', departmentId: 'socialtjansten' },
  { id: 'bistandsenheten', name: 'Biståndsenheten', departmentId: 'omvardnad' },
  { id: 'hemtjansten', name: 'Hemtjänsten', departmentId: 'omvardnad' },
  { id: 'vuxenutbildningen', name: 'Vuxenutbildningen', departmentId: 'kompetens' },
  { id: 'arbetsmarknad', name: 'Arbetsmarknadsenheten', departmentId: 'kompetens' },
  { id: 'biblioteken', name: 'Biblioteken', departmentId: 'kultur-fritid' },
  { id: 'idrott-fritid', name: 'Idrott och fritid', departmentId: 'kultur-fritid' },
];

/** The org units the directory needs, as routing saves them: the catalogue's departments, then their units. */
export const DIRECTORY_ORG_UNITS: ReadonlyArray<z.input<typeof saveReferenceV1.request>> = [
  ...ORG_UNITS.map((unit) => ({ kind: 'org-unit' as const, ...unit, orgLevel: 'department' as const })),
  ...DEMO_UNITS.map(({ departmentId, ...unit }) => ({
    kind: 'org-unit' as const,
    ...unit,
    orgLevel: 'unit' as const,
    parentId: departmentId,
  })),
];

type DemoPerson = z.input<typeof saveStaffV1.request> & { id: string };

const person = (
  id: string,
  name: string,
  title: string,
  departmentId: string,
  unitId: string | null,
  skills: string[],
  extra: Partial<DemoPerson> = {},
): DemoPerson => {
  const [first, ...rest] = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').split(' ');
  return {
    id,
    name,
    title,
    departmentId,
    unitId,
    skills,
    email: `${first}.${rest.join('.')}@solna.example`,
    phone: `08-746 ${String(1000 + ((id.length * 37 + name.length * 11) % 9000)).padStart(4, '0')}`,
    ...extra,
  };
};

/** Staff of a city like Solna for the directory (telefonkatalog); the demo users are among them with their logins. */
export const DEMO_STAFF: readonly DemoPerson[] = [
  person(
    'anna-lindqvist',
    'Anna Lindqvist',
    'Kundtjänsthandläggare',
    'kundtjanst',
    'kontaktcenter',
    ['parkering', 'avfall', 'felanmälan'],
    { userName: 'anna', inboxIds: ['kundtjanst'] },
  ),
  person(
    'bertil-nystrom',
    'Bertil Nyström',
    'Kundtjänsthandläggare',
    'kundtjanst',
    'kontaktcenter',
    ['bygglov', 'snöröjning'],
    { userName: 'bertil', inboxIds: ['kundtjanst'] },
  ),
  person(
    'cecilia-holm',
    'Cecilia Holm',
    'Gruppledare kundtjänst',
    'kundtjanst',
    'kontaktcenter',
    ['statistik', 'kunskapsbas'],
    { userName: 'cecilia', inboxIds: ['kundtjanst', 'aldreomsorg'] },
  ),
  person(
    'david-ekstrom',
    'David Ekström',
    'Systemförvaltare',
    'kundtjanst',
    null,
    ['ärendehantering', 'behörigheter'],
    { userName: 'david' },
  ),
  person(
    'elin-sjoberg',
    'Elin Sjöberg',
    'Bygglovshandläggare',
    'stadsbyggnad',
    'bygglovsenheten',
    ['bygglov', 'strandskydd', 'attefallshus'],
    { userName: 'elin', inboxIds: ['stadsbyggnad'] },
  ),
  person(
    'mona-aberg',
    'Mona Åberg',
    'Kundtjänsthandläggare äldreomsorg',
    'kundtjanst',
    'kontaktcenter',
    ['hemtjänst', 'färdtjänst', 'trygghetslarm'],
    { inboxIds: ['aldreomsorg'] },
  ),
  person(
    'johan-ostlund',
    'Johan Östlund',
    'Bygglovsarkitekt',
    'stadsbyggnad',
    'bygglovsenheten',
    ['bygglov', 'detaljplan', 'marklov'],
    { inboxIds: ['stadsbyggnad'] },
  ),
  person(
    'sofia-bergstrom',
    'Sofia Bergström',
    'Bygglovsingenjör',
    'stadsbyggnad',
    'bygglovsenheten',
    ['kontrollplan', 'slutbesked', 'rivningslov'],
    { inboxIds: ['stadsbyggnad'] },
  ),
  person(
    'per-hedlund',
    'Per Hedlund',
    'Gatuingenjör',
    'stadsbyggnad',
    'gata-park',
    ['snöröjning', 'halkbekämpning', 'gatubelysning'],
    { inboxIds: ['stadsbyggnad', 'snorojning-ab'], mobile: '070-612 34 01' },
  ),
  person('lena-gustafsson', 'Lena Gustafsson', 'Parkingenjör', 'stadsbyggnad', 'gata-park', [
    'parker',
    'lekplatser',
    'träd',
  ]),
  person('ahmed-hassan', 'Ahmed Hassan', 'Trafikplanerare', 'stadsbyggnad', 'gata-park', [
    'parkering',
    'trafik',
    'cykelvägar',
  ]),
  person('karin-oberg', 'Karin Öberg', 'Miljöinspektör', 'stadsbyggnad', 'miljoenheten', [
    'livsmedel',
    'buller',
    'avlopp',
  ]),
  person('tomas-wikstrom', 'Tomas Wikström', 'Miljöinspektör', 'stadsbyggnad', 'miljoenheten', [
    'hälsoskydd',
    'radon',
    'värmepump',
  ]),
  person('maria-andersson', 'Maria Andersson', 'Förskolechef', 'barn-utbildning', 'forskola', [
    'förskola',
    'pedagogisk omsorg',
  ]),
  person('erik-johansson', 'Erik Johansson', 'Rektor', 'barn-utbildning', 'grundskola', ['grundskola', 'skolskjuts']),
  person('eva-karlsson', 'Eva Karlsson', 'Placeringshandläggare', 'barn-utbildning', 'placering-avgifter', [
    'barnomsorg',
    'köregler',
    'placering',
  ]),
  person('nils-persson', 'Nils Persson', 'Avgiftshandläggare', 'barn-utbildning', 'placering-avgifter', [
    'faktura',
    'barnomsorgsavgift',
    'maxtaxa',
  ]),
  person('fatima-ali', 'Fatima Ali', 'Socialsekreterare', 'socialtjansten', 'ekonomiskt-bistand', [
    'försörjningsstöd',
    'skuldrådgivning',
  ]),
  person('olof-lindberg', 'Olof Lindberg', 'Enhetschef', 'socialtjansten', 'ekonomiskt-bistand', [
    'försörjningsstöd',
    'överklagande',
  ]),
  person('sara-nordin', 'Sara Nordin', 'Socialsekreterare', 'socialtjansten', 'barn-familj', [
    'orosanmälan',
    'familjerätt',
    'umgänge',
  ]),
  person('jonas-sandberg', 'Jonas Sandberg', 'Familjebehandlare', 'socialtjansten', 'barn-familj', [
    'föräldrastöd',
    'samtal',
  ]),
  person(
    'ingrid-holmberg',
    'Ingrid Holmberg',
    'Biståndshandläggare',
    'omvardnad',
    'bistandsenheten',
    ['hemtjänst', 'särskilt boende', 'korttidsboende'],
    { inboxIds: ['bistand'] },
  ),
  person(
    'goran-lundqvist',
    'Göran Lundqvist',
    'Biståndshandläggare',
    'omvardnad',
    'bistandsenheten',
    ['hemtjänst', 'trygghetslarm', 'matdistribution'],
    { inboxIds: ['bistand'] },
  ),
  person(
    'birgitta-sundberg',
    'Birgitta Sundberg',
    'LSS-handläggare',
    'omvardnad',
    'bistandsenheten',
    ['LSS', 'ledsagarservice', 'daglig verksamhet'],
    { inboxIds: ['bistand'] },
  ),
  person('anders-sandersson', 'Anders Sandersson', 'Samordnare hemtjänst', 'omvardnad', 'hemtjansten', [
    'hemtjänst',
    'schemaläggning',
  ]),
  person('helene-andre', 'Hélène André', 'Enhetschef hemtjänst', 'omvardnad', 'hemtjansten', ['hemtjänst', 'franska']),
  person('mikael-eriksson', 'Mikael Eriksson', 'Studie- och yrkesvägledare', 'kompetens', 'vuxenutbildningen', [
    'vuxenutbildning',
    'SFI',
    'studievägledning',
  ]),
  person('linnea-wallin', 'Linnéa Wallin', 'Administratör', 'kompetens', 'vuxenutbildningen', ['antagning', 'betyg']),
  person('hassan-yusuf', 'Hassan Yusuf', 'Arbetsmarknadskonsulent', 'kompetens', 'arbetsmarknad', [
    'arbetsmarknad',
    'praktik',
    'somaliska',
  ]),
  person('asa-blomqvist', 'Åsa Blomqvist', 'Bibliotekarie', 'kultur-fritid', 'biblioteken', [
    'bibliotek',
    'läsfrämjande',
  ]),
  person('stefan-lind', 'Stefan Lind', 'Fritidskonsulent', 'kultur-fritid', 'idrott-fritid', [
    'föreningsbidrag',
    'kulturbidrag',
    'idrottshallar',
  ]),
  person('ann-strom', 'Ann Ström', 'Bokningsansvarig', 'kultur-fritid', 'idrott-fritid', ['lokalbokning', 'simhall']),
];
