import { randomUUID } from 'node:crypto';
import { caseClosedV1, caseDistributedV1 } from '@arende/contracts';
import { expectEventually } from '@arende/testing';
import { type Harness, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

function givenCase(number: string, customer: string, notices: { onRegistration?: boolean; onClose?: boolean }) {
  const templateId = `mall-${number}`;
  h.cases.add(number);
  h.customers.set(number, customer);
  h.templates.set(templateId, {
    title: 'Gatubelysning',
    solutionText: 'Lyktan är lagad.',
    sla: { feedbackHours: 16 },
    customerNotices: { onRegistration: false, onClose: false, ...notices },
  });
  h.caseViews.set(number, { title: 'Gatlykta släckt', templateId, assigneeName: 'Karin Öberg', sla: null });
}

const distributed = (number: string, overrides: Partial<typeof caseDistributedV1.example> = {}) => ({
  ...caseDistributedV1.example,
  caseId: randomUUID(),
  entryId: randomUUID(),
  number,
  notifyCustomer: null,
  ...overrides,
});

describe('customer notices', () => {
  it('tells the customer the case number and when to expect feedback when the case is sent on, once', async () => {
    givenCase('2026-000301', 'eva301@example.org', { onRegistration: true });
    const caseId = randomUUID();
    await h.publish(caseDistributedV1, distributed('2026-000301', { caseId }));
    await h.publish(caseDistributedV1, distributed('2026-000301', { caseId }));
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('eva301@example.org');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail.subject).toBe('Ärende 2026-000301: Gatlykta släckt');
    expect(mail.text).toContain('Hej Eva!');
    expect(mail.text).toContain('har fått nummer 2026-000301');
    expect(mail.text).toMatch(/återkoppling senast \d{1,2} \w+ 20\d\d/);
    expect(mail.text).toContain('https://minasidor.kommun.example/arenden/2026-000301');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.sink.messages('eva301@example.org')).toHaveLength(1);
  });

  it('sends a distribution’s customer message, to the address it names', async () => {
    givenCase('2026-000302', 'eva302@example.org', {});
    await h.publish(
      caseDistributedV1,
      distributed('2026-000302', {
        notifyCustomer: { message: 'Ditt ärende har skickats till vår entreprenör.', email: 'annan@example.org' },
      }),
    );
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('annan@example.org');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail.text).toContain('Ditt ärende har skickats till vår entreprenör.');
    expect(h.sink.messages('eva302@example.org')).toEqual([]);
  });

  it('sends the solution text when the case closes, if the template says so', async () => {
    givenCase('2026-000303', 'eva303@example.org', { onClose: true });
    givenCase('2026-000304', 'eva304@example.org', { onClose: false });
    for (const number of ['2026-000304', '2026-000303'])
      await h.publish(caseClosedV1, { ...caseClosedV1.example, caseId: randomUUID(), number });
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('eva303@example.org');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail.text).toContain('Ditt ärende 2026-000303 är nu avslutat.');
    expect(mail.text).toContain('Lyktan är lagad.');
    expect(h.sink.messages('eva304@example.org')).toEqual([]);
  });
});
