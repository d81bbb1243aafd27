import type { CaseView } from '@arende/contracts';
import { expectEventually } from '@arende/testing';
import { type Platform, startPlatform } from '../src/platform.js';
import { Api } from './api.js';

// An administrator words the customer notices and signs them through the gateway; the customer's mail in the
// SMTP sink carries both.

let platform: Platform;
let api: Api;

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  await platform.seedRouting();
});

afterAll(async () => {
  await platform?.stop();
});

const run = Date.now().toString(36);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function mailTo(address: string, subject: string) {
  return expectEventually(
    () => {
      const got = platform.sink.messages(address).filter((m) => m.subject.includes(subject));
      expect(got).toHaveLength(1);
      return got[0];
    },
    { timeoutMs: 15_000 },
  );
}

describe('message templates and signatures', () => {
  it('an admin’s template and signature reach the customer’s registration and closing notices', async () => {
    const registration = await api.call('PUT', '/api/v1/message-templates/customer_registration/sv', {
      as: 'david',
      body: {
        subject: 'Mottaget: {title}',
        body: 'Hej {customerName}!\n\nVi har tagit emot ärende {caseNumber}. Återkoppling senast {expectedFeedback}.',
      },
    });
    expect(registration).toMatchObject({ status: 200, body: { builtIn: false } });
    const closing = await api.call('PUT', '/api/v1/message-templates/customer_close/sv', {
      as: 'david',
      body: {
        subject: 'Klart: {title}',
        body: 'Hej {customerName}!\n\n{solution}\n\nÄrende {caseNumber} är avslutat.',
      },
    });
    expect(closing.status).toBe(200);
    const signature = await api.call('PUT', '/api/v1/signatures/scope?servicePointId=kundtjanst', {
      as: 'david',
      body: {
        text: `Kundtjänsten, Solna stad ${run}`,
        html: `<p><b>Kundtjänsten</b>, Solna stad ${run}</p>`,
        logo: `data:image/png;base64,${PNG.toString('base64')}`,
      },
    });
    expect(signature.status).toBe(200);

    // What the gateway refuses: an agent writing, and a placeholder the purpose does not know.
    expect(
      (
        await api.call('PUT', '/api/v1/message-templates/customer_close/sv', {
          body: { subject: 'x', body: 'y' },
        })
      ).status,
    ).toBe(403);
    const unknown = await api.call('PUT', '/api/v1/message-templates/customer_close/sv', {
      as: 'david',
      body: { subject: '{title}', body: 'Hej {kundnamn}!' },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { code: 'NOTIFICATIONS.PLACEHOLDER_UNKNOWN', details: { unknown: ['kundnamn'] } },
    });

    const templateId = `e2e-notiser-${run}`;
    const template = await api.call('POST', '/api/v1/templates', {
      as: 'david',
      body: {
        id: templateId,
        title: 'Gatlykta släckt',
        inboxId: 'kundtjanst',
        solutionText: 'Lyktan är lagad.',
        sla: { feedbackHours: 16 },
        customerNotices: { onRegistration: true, onClose: true },
      },
    });
    expect(template.status).toBe(201);
    const customerEmail = `eva-${run}@example.se`;
    const created = await api.call<CaseView>('POST', '/api/v1/cases', {
      body: { title: `Gatlykta ${run}`, channel: 'phone', templateId, servicePointId: 'kundtjanst' },
    });
    expect(created.status).toBe(201);
    const { number } = created.body;
    const customer = await api.call<{ id: string }>('POST', '/api/v1/customers', {
      body: { firstName: 'Eva', lastName: 'Svensson', email: customerEmail },
    });
    expect((await api.call('PUT', `/api/v1/cases/${number}/customers/${customer.body.id}`)).status).toBe(200);
    const current = await api.call<CaseView>('GET', `/api/v1/cases/${number}`);
    const distributed = await api.call('POST', `/api/v1/cases/${number}/distribute`, {
      body: { version: current.body.version, kind: 'work_group', inboxId: 'aldreomsorg' },
    });
    expect(distributed.status).toBe(200);

    const registered = await mailTo(customerEmail, 'Mottaget');
    expect(registered.subject).toBe(`Ärende ${number}: Mottaget: Gatlykta ${run}`);
    expect(registered.text).toContain(`Hej Eva!\n\nVi har tagit emot ärende ${number}.`);
    expect(registered.text).toMatch(/Återkoppling senast \d{1,2} \w+ 20\d\d\./);
    expect(registered.text).toContain(`\n-- \nKundtjänsten, Solna stad ${run}\n`);
    expect(registered.html).toContain(`<p><b>Kundtjänsten</b>, Solna stad ${run}</p>`);
    expect(registered.attachments).toMatchObject([{ contentType: 'image/png', size: PNG.length, inline: true }]);

    const before = await api.call<CaseView>('GET', `/api/v1/cases/${number}`, { as: 'david' });
    const closed = await api.call('POST', `/api/v1/cases/${number}/status`, {
      as: 'david',
      body: { version: before.body.version, to: 'closed' },
    });
    expect(closed.status).toBe(200);
    const closingMail = await mailTo(customerEmail, 'Klart');
    expect(closingMail.subject).toBe(`Ärende ${number}: Klart: Gatlykta ${run}`);
    expect(closingMail.text).toContain('Hej Eva!\n\nLyktan är lagad.');
    expect(closingMail.text).toContain(`\n-- \nKundtjänsten, Solna stad ${run}\n`);
  });
});
