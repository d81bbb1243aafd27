/** Level of assurance for citizens who log in with Swedish e-legitimation (BankID, Freja eID+). */
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

/** The resource servers our clients call: `gateway` (staff) and `portal` (contractors, citizens). */
export type Audience = 'gateway' | 'portal';

/** A local account, shaped like a Keycloak user in the `arende` realm. */
export interface DemoUser {
  username: string;
  /** DEMO ONLY: every demo user's password is `demo`. */
  password: string;
  /** Stable subject (Keycloak user ids are UUIDs). */
  subject: string;
  givenName: string;
  familyName: string;
  email: string;
  /** Realm roles (`realm_access.roles`). */
  roles: string[];
  /** Group paths (`groups`): `/inbox/<id>` = member of that inbox, `/secrecy/<id>` = may see its secret cases. */
  groups: string[];
  /** Supervisors and admins: the service points they oversee (`service_points`, from the user attribute `service_point`). */
  servicePoints?: string[];
  /** Contractor accounts: the organisation they work for. */
  organisation?: string;
  /** Citizens: personnummer, 12 digits. */
  personalIdentityNumber?: string;
  /**
   * Level of assurance (`acr`). Keycloak's `acr` scope says `1` after a password login at the agent web client;
   * the portal client carries only the e-legitimation broker's value, so contractors at the portal have none.
   */
  acr?: string;
  /** The resource server this user normally calls. */
  audience: Audience;
}

/**
 * The demo cast for a city like Solna. DEMO ONLY: the password is `demo` for everyone,
 * and these accounts must never exist in a real realm.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'anna',
    password: 'demo',
    subject: '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a01',
    givenName: 'Anna',
    familyName: 'Lindqvist',
    email: 'anna.lindqvist@solna.example',
    roles: ['agent'],
    groups: ['/inbox/kundtjanst'],
    acr: '1',
    audience: 'gateway',
  },
  {
    username: 'bertil',
    password: 'demo',
    subject: '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a02',
    givenName: 'Bertil',
    familyName: 'Nyström',
    email: 'bertil.nystrom@solna.example',
    roles: ['agent'],
    groups: ['/inbox/kundtjanst'],
    acr: '1',
    audience: 'gateway',
  },
  {
    username: 'cecilia',
    password: 'demo',
    subject: '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a03',
    givenName: 'Cecilia',
    familyName: 'Holm',
    email: 'cecilia.holm@solna.example',
    roles: ['supervisor', 'agent'],
    groups: ['/inbox/kundtjanst', '/secrecy/kundtjanst'],
    servicePoints: ['kundtjanst'],
    acr: '1',
    audience: 'gateway',
  },
  {
    username: 'david',
    password: 'demo',
    subject: '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a04',
    givenName: 'David',
    familyName: 'Ekström',
    email: 'david.ekstrom@solna.example',
    roles: ['admin'],
    groups: [],
    servicePoints: ['kundtjanst'],
    acr: '1',
    audience: 'gateway',
  },
  {
    username: 'elin',
    password: 'demo',
    subject: '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a05',
    givenName: 'Elin',
    familyName: 'Sjöberg',
    email: 'elin.sjoberg@solna.example',
    roles: ['officer'],
    groups: ['/inbox/stadsbyggnad'],
    acr: '1',
    audience: 'gateway',
  },
  {
    username: 'rut',
    password: 'demo',
    subject: '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a06',
    givenName: 'Rut',
    familyName: 'Öberg',
    email: 'rut.oberg@solna.example',
    roles: ['reporting'],
    groups: [],
    acr: '1',
    audience: 'gateway',
  },
  {
    username: 'fredrik',
    password: 'demo',
    subject: '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a07',
    givenName: 'Fredrik',
    familyName: 'Berg',
    email: 'fredrik.berg@snorojning.example',
    roles: ['contractor'],
    groups: [],
    organisation: 'snorojning-ab',
    audience: 'portal',
  },
  {
    username: 'sara',
    password: 'demo',
    subject: '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a08',
    givenName: 'Sara',
    familyName: 'Andersson',
    email: 'sara.andersson@example.com',
    roles: ['citizen'],
    groups: [],
    // Skatteverket's published test personnummer 19121212-1212.
    personalIdentityNumber: '191212121212',
    acr: LOA3,
    audience: 'portal',
  },
];
