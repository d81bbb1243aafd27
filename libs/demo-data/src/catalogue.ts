/**
 * Demo reference data for a city like Solna, taken from the examples in Solna's requirement specification.
 * Routing owns it (reference data, inboxes, templates); `npm run up` and the e2e platform seed routing with it
 * through the API (`seedRoutingDemo`). Ids are stable slugs: a rename keeps the id.
 */
export interface OrgUnit {
  id: string;
  name: string;
}

export interface CaseType {
  id: string;
  name: string;
  orgUnitId: string;
  categoryId: string;
}

export interface Category {
  id: string;
  name: string;
}

export interface ServicePoint {
  id: string;
  name: string;
}

export interface Inbox {
  id: string;
  name: string;
  kind: 'work_group' | 'specialist_group' | 'external_party';
  assignmentMode: 'dispatcher' | 'pick_next' | 'pick_own';
  orgUnitId: string;
  servicePointId: string;
  /** Identity group whose members see the inbox (Keycloak group path). */
  group: string;
  /** External parties only: the contractor organisation (the `organisation` of its contractor accounts). */
  externalOrganisationId: string | null;
  /** Where the inbox is told of new cases. */
  email: string;
}

/** Svarsställen: they partition settings and statistics. */
export const SERVICE_POINTS: readonly ServicePoint[] = [
  { id: 'kundtjanst', name: 'Kundtjänst Solna' },
  { id: 'aldreomsorg', name: 'Kundtjänst äldreomsorg' },
];

export const ORG_UNITS: readonly OrgUnit[] = [
  { id: 'kundtjanst', name: 'Kundtjänst' },
  { id: 'barn-utbildning', name: 'Barn och utbildning' },
  { id: 'stadsbyggnad', name: 'Stadsbyggnad' },
  { id: 'socialtjansten', name: 'Socialtjänsten' },
  { id: 'omvardnad', name: 'Omvårdnadsförvaltningen' },
  { id: 'kompetens', name: 'Kompetensförvaltningen' },
  { id: 'kultur-fritid', name: 'Kultur och fritid' },
];

export const CATEGORIES: readonly Category[] = [
  { id: 'fraga', name: 'Fråga' },
  { id: 'ansokan', name: 'Ansökan' },
  { id: 'klagomal', name: 'Klagomål eller synpunkt' },
  { id: 'felanmalan', name: 'Felanmälan' },
  { id: 'faktura', name: 'Faktura' },
  { id: 'status', name: 'Status i ärende' },
];

export const CASE_TYPES: readonly CaseType[] = [
  { id: 'barnomsorg-fraga', name: 'Fråga allmänt om barnomsorg', orgUnitId: 'barn-utbildning', categoryId: 'fraga' },
  {
    id: 'barnomsorg-faktura',
    name: 'Fråga om faktura (barnomsorg)',
    orgUnitId: 'barn-utbildning',
    categoryId: 'faktura',
  },
  {
    id: 'barnomsorg-plats',
    name: 'Ansöka om plats i barnomsorgen',
    orgUnitId: 'barn-utbildning',
    categoryId: 'ansokan',
  },
  { id: 'barnomsorg-placering', name: 'När blir barnet placerat', orgUnitId: 'barn-utbildning', categoryId: 'status' },
  { id: 'skola-klagomal', name: 'Klagomål på skola', orgUnitId: 'barn-utbildning', categoryId: 'klagomal' },
  { id: 'bygglov', name: 'Ansöka om bygglov', orgUnitId: 'stadsbyggnad', categoryId: 'ansokan' },
  { id: 'snorojning-fraga', name: 'När sker snöröjning', orgUnitId: 'stadsbyggnad', categoryId: 'fraga' },
  { id: 'snorojning-utebliven', name: 'Snöröjning har uteblivit', orgUnitId: 'stadsbyggnad', categoryId: 'felanmalan' },
  { id: 'stadsbyggnad-info', name: 'Information och öppettider', orgUnitId: 'stadsbyggnad', categoryId: 'fraga' },
  {
    id: 'social-hjalp',
    name: 'Hur får man hjälp i olika situationer',
    orgUnitId: 'socialtjansten',
    categoryId: 'fraga',
  },
  { id: 'social-koppla', name: 'Bli kopplad till handläggare', orgUnitId: 'socialtjansten', categoryId: 'fraga' },
  { id: 'forsorjningsstod', name: 'Ansöka om försörjningsstöd', orgUnitId: 'socialtjansten', categoryId: 'ansokan' },
  {
    id: 'social-synpunkt',
    name: 'Synpunkt eller klagomål (socialtjänst)',
    orgUnitId: 'socialtjansten',
    categoryId: 'klagomal',
  },
  { id: 'hemtjanst', name: 'Ansöka om hemtjänst', orgUnitId: 'omvardnad', categoryId: 'ansokan' },
  { id: 'aldreomsorg-info', name: 'Allmän information om äldreomsorg', orgUnitId: 'omvardnad', categoryId: 'fraga' },
  { id: 'omsorg-status', name: 'Status i omsorgsärende', orgUnitId: 'omvardnad', categoryId: 'status' },
  { id: 'omsorg-faktura', name: 'Fråga om faktura (omsorg)', orgUnitId: 'omvardnad', categoryId: 'faktura' },
  { id: 'vuxenutbildning-fraga', name: 'Allmän fråga om vuxenutbildning', orgUnitId: 'kompetens', categoryId: 'fraga' },
  {
    id: 'vuxenutbildning-plats',
    name: 'Ansöka om plats i vuxenutbildning',
    orgUnitId: 'kompetens',
    categoryId: 'ansokan',
  },
  { id: 'kultur-fraga', name: 'Allmän fråga (kultur och fritid)', orgUnitId: 'kultur-fritid', categoryId: 'fraga' },
  { id: 'kulturbidrag', name: 'Ansöka om kulturbidrag', orgUnitId: 'kultur-fritid', categoryId: 'ansokan' },
];

export const INBOXES: readonly Inbox[] = [
  {
    id: 'kundtjanst',
    name: 'Kundtjänst',
    kind: 'work_group',
    assignmentMode: 'pick_next',
    orgUnitId: 'kundtjanst',
    servicePointId: 'kundtjanst',
    group: '/inbox/kundtjanst',
    externalOrganisationId: null,
    email: 'kundtjanst@solna.example',
  },
  {
    id: 'aldreomsorg',
    name: 'Kundtjänst äldreomsorg',
    kind: 'work_group',
    assignmentMode: 'pick_next',
    orgUnitId: 'kundtjanst',
    servicePointId: 'aldreomsorg',
    group: '/inbox/aldreomsorg',
    externalOrganisationId: null,
    email: 'aldreomsorg@solna.example',
  },
  {
    id: 'stadsbyggnad',
    name: 'Stadsbyggnad',
    kind: 'specialist_group',
    assignmentMode: 'pick_own',
    orgUnitId: 'stadsbyggnad',
    servicePointId: 'kundtjanst',
    group: '/inbox/stadsbyggnad',
    externalOrganisationId: null,
    email: 'stadsbyggnad@solna.example',
  },
  {
    id: 'bistand',
    name: 'Biståndshandläggare äldreomsorg',
    kind: 'specialist_group',
    assignmentMode: 'dispatcher',
    orgUnitId: 'omvardnad',
    servicePointId: 'aldreomsorg',
    group: '/inbox/bistand',
    externalOrganisationId: null,
    email: 'bistand@solna.example',
  },
  {
    id: 'snorojning-ab',
    name: 'Snöröjning (entreprenör)',
    kind: 'external_party',
    assignmentMode: 'pick_own',
    orgUnitId: 'stadsbyggnad',
    servicePointId: 'kundtjanst',
    group: '/inbox/snorojning-ab',
    externalOrganisationId: 'snorojning-ab',
    email: 'arbetsorder@snorojning.example',
  },
];
