import { type Transporter, createTransport } from 'nodemailer';
import pg from 'pg';
import type { CaseRelations, CaseView, EntryView } from '@arende/contracts';
import { expectEventually } from '@arende/testing';
import {
  type CorpusMessage,
  fillCaseNumbers,
  loadCorpus,
  messageBytes,
  outcomeOf,
} from '../../services/intake/test/corpus/corpus.js';
import { type Platform, startPlatform } from '../src/platform.js';
import { Api } from './api.js';

// The intake e-mail corpus (services/intake/test/corpus) sent in order to the whole platform over SMTP: each
// message must end as the case or entry its expectations say, checked through the gateway API.
const corpus = loadCorpus();

let platform: Platform;
let api: Api;
let db: pg.Client;
let transport: Transporter;
/** Case numbers of the pre-made cases by key, then of every message that reached a case by label. */
const numbers: Record<string, string> = {};
const caseOfLabel = new Map<string, string>();

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  db = new pg.Client(platform.databaseUrl);
  await db.connect();
  transport = createTransport({ host: '127.0.0.1', port: platform.smtpPort, secure: false, ignoreTLS: true });
  for (const [key, premade] of Object.entries(corpus.cases)) {
    const created = await api.call<CaseView>('POST', '/api/v1/cases', {
      body: { title: premade.title, channel: 'email', inboxId: 'kundtjanst' },
    });
    if (created.status !== 201) throw new Error(`register ${key}: ${created.status} ${JSON.stringify(created.body)}`);
    const number = created.body.number;
    const to = premade.status === 'closed' ? 'closed' : 'open';
    const moved = await api.call('POST', `/api/v1/cases/${number}/status`, {
      body: { version: created.body.version, to },
    });
    if (moved.status !== 200) throw new Error(`status of ${key}: ${moved.status} ${JSON.stringify(moved.body)}`);
    if (premade.closedDaysAgo !== undefined) {
      await db.query(`UPDATE case_core."case" SET closed_at = now() - make_interval(days => $2) WHERE number = $1`, [
        number,
        premade.closedDaysAgo,
      ]);
    }
    numbers[key] = number;
  }
}, 120_000);

afterAll(async () => {
  transport?.close();
  await db?.end();
  await platform?.stop();
});

async function caseNumbers(): Promise<Set<string>> {
  const { rows } = await db.query<{ number: string }>(`SELECT number FROM case_core."case"`);
  return new Set(rows.map((row) => row.number));
}

async function entryCount(): Promise<number> {
  const { rows } = await db.query<{ count: string }>(`SELECT count(*) AS count FROM case_core.entry`);
  return Number(rows[0].count);
}

/** Waits until case-core has applied intake's event for this intake id (its processed-message mark). */
async function waitUntilApplied(intakeId: string): Promise<void> {
  await expectEventually(
    async () => {
      const { rows } = await db.query(
        `SELECT 1 FROM intake.outbox o
           JOIN case_core.processed_message p ON p.message_id::text = o.payload->>'id'
          WHERE o.payload->'data'->>'intakeId' = $1`,
        [intakeId],
      );
      expect(rows).toHaveLength(1);
    },
    { timeoutMs: 15_000 },
  );
}

async function getCase(number: string): Promise<CaseView> {
  const response = await api.call<CaseView>('GET', `/api/v1/cases/${number}`);
  expect(response.status).toBe(200);
  return response.body;
}

async function entriesOf(number: string): Promise<EntryView[]> {
  const response = await api.call<{ items: EntryView[] }>('GET', `/api/v1/cases/${number}/entries?limit=100`);
  expect(response.status).toBe(200);
  return response.body.items;
}

function caseFor(target: string): string {
  const number = numbers[target] ?? caseOfLabel.get(target);
  if (number === undefined) throw new Error(`No case known for "${target}"`);
  return number;
}

/** The entry a message made: what it says, who sent it, its HTML and its files. */
function checkEntry(message: CorpusMessage, entry: EntryView): void {
  const bounce = message.bounce ?? false;
  expect(entry.kind).toBe(bounce ? 'system_event' : 'inbound_email');
  if (bounce) expect(entry.visibility).toBe('staff');
  else expect(entry.from).toBe(message.from.address);
  // A body too long for the event reaches the entry as a file, not as its text.
  if (!message.textByBlob) {
    for (const excerpt of message.text ?? []) expect(entry.text).toContain(fillCaseNumbers(excerpt, numbers));
    for (const excerpt of message.textNot ?? []) expect(entry.text).not.toContain(excerpt);
  }
  // A bounce is the platform's note about it (the bounce text), never the bounce's own HTML.
  if (message.html === null || bounce) expect(entry.html).toBeNull();
  else if (message.html !== undefined) {
    for (const excerpt of message.html.contains) expect(entry.html).toContain(excerpt);
    for (const excerpt of message.html.notContains) expect(entry.html).not.toContain(excerpt);
  }
  const files = entry.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType }));
  const expected = (message.attachments ?? []).map((a) => ({ contentType: a.contentType, named: a.filename }));
  for (const attachment of expected) {
    expect(files).toContainEqual(
      attachment.named === null
        ? expect.objectContaining({ contentType: attachment.contentType })
        : { fileName: attachment.named, contentType: attachment.contentType },
    );
  }
  // The mail's attachments, its text when too long for the entry, and last the raw message.
  if (message.textByBlob) expect(files.map((f) => f.contentType)).toContainEqual(expect.stringMatching(/^text\/plain/));
  expect(files).toHaveLength(expected.length + (message.textByBlob ? 1 : 0) + 1);
  expect(files.at(-1)).toEqual({ fileName: 'original.eml', contentType: 'message/rfc822' });
}

describe('the e-mail corpus through the platform', () => {
  for (const message of corpus.messages) {
    const outcome = outcomeOf(message);
    (message.knownGap ? it.failing : it)(`${message.file} → ${message.case}: ${message.about}`, async () => {
      const raw = messageBytes(message, numbers);
      const casesBefore = await caseNumbers();
      const entriesBefore = await entryCount();
      const target = 'target' in outcome && outcome.kind !== 'duplicateOf' ? caseFor(outcome.target) : null;
      const targetBefore = target === null ? null : await getCase(target);

      const info = await transport.sendMail({
        envelope: { from: message.from.address, to: [platform.intakeAddress] },
        raw,
      });
      const answer = info.response ?? '';
      expect(answer).toMatch(/^250 /);

      if (outcome.kind === 'duplicateOf') {
        // Intake applies a second delivery once: no event, so nothing reaches case-core.
        expect(answer).not.toContain('Queued as');
        const { rows } = await db.query(`SELECT 1 FROM intake.inbound_message WHERE message_id = $1`, [
          message.messageId,
        ]);
        expect(rows).toHaveLength(1);
        expect(await caseNumbers()).toEqual(casesBefore);
        expect(await entryCount()).toBe(entriesBefore);
        return;
      }

      const intakeId = /Queued as (\S+)/.exec(answer)?.[1];
      expect(intakeId).toBeDefined();
      await waitUntilApplied(intakeId!);
      const created = [...(await caseNumbers())].filter((number) => !casesBefore.has(number));
      const entriesAdded = (await entryCount()) - entriesBefore;

      switch (outcome.kind) {
        case 'noCase': {
          expect({ created, entriesAdded }).toEqual({ created: [], entriesAdded: 0 });
          return;
        }
        case 'newCase':
        case 'childOf': {
          expect({ created: created.length, entriesAdded }).toEqual({ created: 1, entriesAdded: 1 });
          const view = await getCase(created[0]);
          const subject = fillCaseNumbers(message.subject, numbers).trim();
          expect(view).toMatchObject({ title: subject || '(Inget ämne)', channel: 'email', inboxId: 'kundtjanst' });
          const entries = await entriesOf(view.number);
          expect(entries).toHaveLength(1);
          checkEntry(message, entries[0]);
          if (outcome.kind === 'childOf') {
            const relations = await api.call<CaseRelations>('GET', `/api/v1/cases/${view.number}/relations`);
            expect(relations.body.master?.number).toBe(target);
            expect((await getCase(target!)).status).toBe('closed');
          }
          caseOfLabel.set(message.label, view.number);
          return;
        }
        case 'entryOn':
        case 'reopens': {
          expect({ created, entriesAdded }).toEqual({ created: [], entriesAdded: 1 });
          const entries = await entriesOf(target!);
          checkEntry(message, entries.at(-1)!);
          const after = await getCase(target!);
          // Only a person's reply reopens a closed case; auto-replies and bounces leave its status alone.
          expect(after.status).toBe(outcome.kind === 'reopens' ? 'reopened' : targetBefore!.status);
          caseOfLabel.set(message.label, target!);
          return;
        }
      }
    });
  }
});
