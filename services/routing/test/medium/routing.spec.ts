import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@arende/config';
import { type RpcContext, RpcClient, ensureStreams, outboxTablesSql } from '@arende/messaging';
import { createLogger, createMetrics } from '@arende/observability';
import { type TestContext, createTestContext, expectEventually, factory, readStream } from '@arende/testing';
import {
  type Actor,
  matchTemplateV1,
  saveInboxV1,
  saveReferenceV1,
  saveTemplateV1,
  searchTemplatesV1,
} from '@arende/contracts';
import { startRouting } from '../../src/boot.js';
import { routingConfig } from '../../src/config.js';
import { SCHEMA } from '../../src/schema.js';
import { ReferenceRepository } from '../../src/repositories/reference.repository.js';
import { TemplateRepository } from '../../src/repositories/template.repository.js';
import { MatchService } from '../../src/services/match.service.js';

let ctx: TestContext;
let app: INestApplicationContext;
let rpc: RpcClient;

const as = (actor: Partial<Actor> = {}): RpcContext => ({
  actor: factory.actor(actor),
  correlationId: factory.correlationId(),
});
const admin = () => as({ id: 'admin-1', roles: ['admin'] });

beforeAll(async () => {
  ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
  await ensureStreams(ctx.jsm, ctx.names, ['routing']);
  app = await startRouting({
    config: loadConfig(routingConfig, { NATS_PREFIX: ctx.prefix }),
    dataSource: ctx.dataSource,
    nc: ctx.nc,
    js: ctx.js,
    names: ctx.names,
    logger: createLogger({ service: 'routing', level: 'silent' }),
    metrics: createMetrics('routing'),
  });
  rpc = new RpcClient({ nc: ctx.nc, names: ctx.names });
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('reference data', () => {
  it('is changed by administrators only, and a rename keeps the id and bumps the version', async () => {
    await expect(
      rpc.request(saveReferenceV1, { kind: 'case-type', id: 'bygglov', name: 'Bygglov' }, as()),
    ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const created = await rpc.request(
      saveReferenceV1,
      { kind: 'case-type', id: 'bygglov', name: 'Bygglov', instruction: 'Hänvisa till e-tjänsten.' },
      admin(),
    );
    expect(created).toMatchObject({ id: 'bygglov', version: 1, instruction: 'Hänvisa till e-tjänsten.' });
    const renamed = await rpc.request(
      saveReferenceV1,
      { kind: 'case-type', id: 'bygglov', name: 'Bygglov och anmälan', instruction: 'Ny instruktion', version: 1 },
      admin(),
    );
    expect(renamed).toMatchObject({ id: 'bygglov', name: 'Bygglov och anmälan', version: 2 });
    await expect(
      rpc.request(saveReferenceV1, { kind: 'case-type', id: 'bygglov', name: 'X', version: 1 }, admin()),
    ).rejects.toMatchObject({ code: 'ROUTING.VERSION_CONFLICT' });
    await expect(
      rpc.request(saveReferenceV1, { kind: 'case-type', id: 'bygglov', name: 'Bygglov' }, admin()),
    ).rejects.toMatchObject({ code: 'ROUTING.VERSION_CONFLICT' });
    await expect(
      rpc.request(saveReferenceV1, { kind: 'area', id: 'saknas', name: 'Saknas', version: 1 }, admin()),
    ).rejects.toMatchObject({ code: 'ROUTING.NOT_FOUND' });
  });

  it('keeps org units in departments and units, and instructions on case types', async () => {
    await rpc.request(
      saveReferenceV1,
      { kind: 'org-unit', id: 'sbf', name: 'Stadsbyggnadsförvaltningen', orgLevel: 'department' },
      admin(),
    );
    const unit = await rpc.request(
      saveReferenceV1,
      { kind: 'org-unit', id: 'bygglovsenheten', name: 'Bygglovsenheten', orgLevel: 'unit', parentId: 'sbf' },
      admin(),
    );
    expect(unit.parentId).toBe('sbf');
    await expect(
      rpc.request(
        saveReferenceV1,
        { kind: 'org-unit', id: 'u2', name: 'Under en enhet', orgLevel: 'unit', parentId: 'bygglovsenheten' },
        admin(),
      ),
    ).rejects.toMatchObject({ code: 'ROUTING.REFERENCE_INVALID' });
    await expect(
      rpc.request(saveReferenceV1, { kind: 'org-unit', id: 'u3', name: 'Utan nivå' }, admin()),
    ).rejects.toMatchObject({ code: 'ROUTING.REFERENCE_INVALID' });
    await expect(
      rpc.request(saveReferenceV1, { kind: 'area', id: 'norr', name: 'Norr', instruction: 'Nej' }, admin()),
    ).rejects.toMatchObject({ code: 'ROUTING.REFERENCE_INVALID' });
    await expect(
      rpc.request(
        saveReferenceV1,
        { kind: 'org-unit', id: 'u4', name: 'Okänd förvaltning', orgLevel: 'unit', parentId: 'finns-inte' },
        admin(),
      ),
    ).rejects.toMatchObject({ code: 'ROUTING.REFERENCE_UNKNOWN' });
  });
});

describe('templates', () => {
  beforeAll(async () => {
    await rpc.request(saveReferenceV1, { kind: 'case-type', id: 'gata', name: 'Gata och park' }, admin());
    await rpc.request(saveReferenceV1, { kind: 'service-point', id: 'kc', name: 'Kontaktcenter' }, admin());
    await rpc.request(saveReferenceV1, { kind: 'answer-group', id: 'gata-svar', name: 'Gatusvar' }, admin());
    await rpc.request(
      saveInboxV1,
      {
        id: 'snorojning-entreprenor',
        name: 'Snöröjning (entreprenör)',
        kind: 'external_party',
        group: '/inbox/snorojning-entreprenor',
        externalOrganisationId: 'snorojning-ab',
      },
      admin(),
    );
  });

  it('hold everything they pre-fill, and are refused with unknown references or refused patterns', async () => {
    const saved = await rpc.request(
      saveTemplateV1,
      {
        id: 'snorojning',
        title: 'Snöröjning',
        position: 10,
        caseTypeId: 'gata',
        servicePointId: 'kc',
        answerGroupId: 'gata-svar',
        inboxId: 'snorojning-entreprenor',
        description: 'Snöröjning på gata eller gångväg.',
        solutionText: 'Tack, vi har skickat det till entreprenören.',
        alternativeSolutionTexts: ['Gatan plogas enligt plan inom 24 timmar.'],
        sla: { responseMinutes: 60, resolutionHours: 24, calendarId: 'kontorstid' },
        defaultStatus: 'open',
        defaultPriority: 'prioritised',
        steps: ['Kontrollera adressen', 'Skicka till entreprenören'],
        alarm: { enabled: true, keywords: ['olycka'] },
        rules: [{ name: 'Snö', conditions: [{ field: 'subject', match: 'keywords', keywords: ['snöröj*'] }] }],
      },
      admin(),
    );
    expect(saved).toMatchObject({
      id: 'snorojning',
      version: 1,
      sla: { responseMinutes: 60, resolutionHours: 24, calendarId: 'kontorstid' },
      defaultPriority: 'prioritised',
      closeAtOnce: false,
    });
    await expect(
      rpc.request(saveTemplateV1, { title: 'Fel', caseTypeId: 'kc', areaId: 'ingen' }, admin()),
    ).rejects.toMatchObject({
      code: 'ROUTING.REFERENCE_UNKNOWN',
      details: {
        references: [
          { field: 'caseTypeId', kind: 'case-type', id: 'kc' },
          { field: 'areaId', kind: 'area', id: 'ingen' },
        ],
      },
    });
    await expect(
      rpc.request(
        saveTemplateV1,
        { title: 'Bakåtreferens', rules: [{ conditions: [{ field: 'body', match: 'regex', pattern: '(a)\\1' }] }] },
        admin(),
      ),
    ).rejects.toMatchObject({ code: 'ROUTING.RULE_INVALID', details: { refused: [{ rule: 0, condition: 0 }] } });
    await expect(rpc.request(saveTemplateV1, { title: 'Agent' }, as())).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('match over NATS, first rule first, and a change is matched at once', async () => {
    const agent = as();
    await rpc.request(
      saveTemplateV1,
      {
        id: 'nyhetsbrev',
        title: 'Nyhetsbrev',
        position: 1,
        closeAtOnce: true,
        rules: [{ conditions: [{ field: 'from', match: 'regex', pattern: '^(nyhetsbrev|newsletter)@' }] }],
      },
      admin(),
    );
    const mail = {
      channel: 'email' as const,
      subject: 'Snöröjningen på Storgatan',
      body: 'Det är inte plogat',
      from: 'nyhetsbrev@leverantor.se',
      to: ['kundtjanst@solna.se'],
    };
    const first = await rpc.request(matchTemplateV1, mail, agent);
    expect(first.template).toMatchObject({ id: 'nyhetsbrev', closeAtOnce: true });
    expect(first.reason?.conditions).toEqual([{ field: 'from', matched: 'nyhetsbrev@' }]);

    const fromAnna = await rpc.request(matchTemplateV1, { ...mail, from: 'anna@example.se' }, agent);
    expect(fromAnna.template?.id).toBe('snorojning');
    expect(fromAnna.alarm).toBeNull();

    const current = await rpc.request(
      saveTemplateV1,
      { id: 'nyhetsbrev', title: 'Nyhetsbrev', active: false, version: 1 },
      admin(),
    );
    expect(current.version).toBe(2);
    expect((await rpc.request(matchTemplateV1, mail, agent)).template?.id).toBe('snorojning');
  });

  it('are found for quick registration by a word of a case type, title or keyword', async () => {
    const found = await rpc.request(searchTemplatesV1, { q: 'gata' }, as());
    expect(found.caseTypes.map((t) => t.id)).toEqual(['gata']);
    expect(found.templates.map((t) => t.id)).toEqual(['snorojning']);
    expect((await rpc.request(searchTemplatesV1, { q: 'snörö' }, as())).templates.map((t) => t.id)).toEqual([
      'snorojning',
    ]);
    expect(await rpc.request(searchTemplatesV1, { q: 'simhall' }, as())).toEqual({ caseTypes: [], templates: [] });
  });

  it('match a catastrophic pattern in linear time, and skip and report a stored rule that no longer compiles', async () => {
    await rpc.request(
      saveTemplateV1,
      {
        id: 'katastrof',
        title: 'Katastrofalt mönster',
        position: 0,
        rules: [
          { conditions: [{ field: 'body', match: 'regex', pattern: '(a+)+$' }] },
          { conditions: [{ field: 'body', match: 'regex', pattern: '^(a|aa)+b$' }] },
        ],
      },
      admin(),
    );
    // A rule stored before RE2 checked it (or by hand): look-ahead, which RE2 refuses.
    await ctx.dataSource.query(
      `UPDATE "${SCHEMA.schema}".template
       SET fields = jsonb_set(fields, '{rules,0,conditions,0,pattern}', '"(?=a)a+$"'), version = version + 1
       WHERE id = 'katastrof'`,
    );
    await rpc.request(saveTemplateV1, { id: 'snorojning-x', title: 'Byter cache', position: 99 }, admin());
    const started = performance.now();
    const outcome = await rpc.request(
      matchTemplateV1,
      { channel: 'email', subject: 'Snöröjning', body: `${'a'.repeat(200_000)}!` },
      as(),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outcome.template?.id).toBe('snorojning');
    expect(outcome.skipped).toEqual([{ templateId: 'katastrof', ruleIndex: 0, error: expect.any(String) as string }]);
    await rpc.request(saveTemplateV1, { id: 'katastrof', title: 'Av', active: false, version: 2 }, admin());
  });

  it('are recompiled on another replica within its refresh', async () => {
    const replica = new MatchService(
      new TemplateRepository(ctx.dataSource, SCHEMA.schema),
      new ReferenceRepository(ctx.dataSource, SCHEMA.schema),
      createLogger({ service: 'routing', level: 'silent' }),
    );
    const mail = { channel: 'sms' as const, subject: 'Vattenläcka på Storgatan', body: '', from: '', to: [] };
    expect((await replica.match(mail)).template).toBeNull();
    await rpc.request(
      saveTemplateV1,
      {
        id: 'vattenlacka',
        title: 'Vattenläcka',
        alarm: { enabled: true, keywords: ['vattenläcka'] },
        rules: [{ conditions: [{ field: 'channel', match: 'keywords', keywords: ['sms'] }] }],
      },
      admin(),
    );
    expect((await replica.match(mail)).template).toBeNull();
    await replica.refresh();
    const outcome = await replica.match(mail);
    expect(outcome.template?.id).toBe('vattenlacka');
    expect(outcome.alarm).toEqual({ keywords: ['vattenläcka'] });
  });

  it('and their changes reach the routing stream', async () => {
    await expectEventually(async () => {
      const stored = await readStream(ctx.js, ctx.jsm, ctx.names.stream('routing'));
      expect(stored.map((m) => m.subject)).toContain(ctx.names.subject('routing.evt.template-saved.v1'));
      expect(stored.map((m) => m.subject)).toContain(ctx.names.subject('routing.evt.reference-saved.v1'));
    });
  });
});
