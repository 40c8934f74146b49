import { readShippedContent } from '@vigil/frameworks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  Client,
  countRows,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

const file = (version: string, extra = '') => `key: acme-policy
version: "${version}"
name: { en: ACME internal baseline, zh-TW: ACME 內部基準 }
nodes:
  - ref: P
    kind: section
    title: { en: Passwords, zh-TW: 密碼 }
  - ref: P-1
    parent: P
    kind: requirement
    title: { en: Passwords are long, zh-TW: 密碼夠長 }
${extra}`;

describe.each(testDialects())('frameworks on %s', (dialect) => {
  let p: TestPlatform;
  let engineer: Client;
  let assistant: Client;
  let viewer: Client;

  const upload = (c: Client, body: string, opts: { type?: string; filename?: string } = {}) =>
    c.request({
      method: 'POST',
      url: `/api/frameworks/import${opts.filename ? `?filename=${encodeURIComponent(opts.filename)}` : ''}`,
      payload: body,
      headers: { 'content-type': opts.type ?? 'application/yaml' },
    });
  const frameworkCount = async () =>
    Number(
      (
        await p.database.db
          .selectFrom('framework_versions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    engineer = (await userClient(p, ['security_engineer'])).client;
    assistant = (await userClient(p, ['security_assistant'])).client;
    viewer = (await userClient(p, ['viewer'])).client;
  });
  afterAll(async () => p?.close());

  it('lists the shipped frameworks with their current version and counts', async () => {
    const res = await assistant.get('/api/frameworks');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      key: string;
      builtin: boolean;
      currentVersion: { requirementCount: number; status: string; nodeCount: number };
    }[];
    const byKey = new Map(items.map((i) => [i.key, i]));
    expect([...byKey.keys()].sort()).toEqual([
      'iso27001-2022',
      'nist-csf-2.0',
      'tw-responsibility-levels',
      'tw-schedule-10',
    ]);
    expect(byKey.get('nist-csf-2.0')?.currentVersion.requirementCount).toBe(106);
    expect(byKey.get('nist-csf-2.0')?.currentVersion.nodeCount).toBe(134);
    expect(byKey.get('iso27001-2022')?.builtin).toBe(true);
    expect(byKey.get('iso27001-2022')?.currentVersion.status).toBe('current');
  });

  it('shows a version with its requirements and their mappings both ways, titled from the other framework', async () => {
    const list = (await engineer.get('/api/frameworks')).json().items as {
      key: string;
      currentVersion: { id: string };
    }[];
    const id = (key: string) => list.find((f) => f.key === key)?.currentVersion.id;

    const s10 = (await engineer.get(`/api/framework-versions/${id('tw-schedule-10')}`)).json();
    const ac1 = s10.nodes.find((n: { ref: string }) => n.ref === 'AC-1');
    expect(ac1.applicability.protectionLevels).toEqual(['normal', 'medium', 'high']);
    expect(ac1.baseline.normal['zh-TW']).toContain('帳號');
    expect(ac1.mappings).toContainEqual({
      framework: 'iso27001-2022',
      frameworkName: {
        en: 'ISO/IEC 27001:2022 (clauses and Annex A)',
        'zh-TW': 'ISO/IEC 27001:2022（條文及附錄 A）',
      },
      versionId: id('iso27001-2022'),
      ref: 'A.5.16',
      title: { en: 'Identity life-cycle management', 'zh-TW': '身分生命週期管理' },
      relation: 'intersect',
    });

    const iso = (await engineer.get(`/api/framework-versions/${id('iso27001-2022')}`)).json();
    expect(iso.nodes.filter((n: { soa: boolean }) => n.soa)).toHaveLength(93);
    const a88 = iso.nodes.find((n: { ref: string }) => n.ref === 'A.8.8');
    const fromTw = a88.mappings.find((m: { ref: string }) => m.ref === 'TEC.01');
    // Stored as "vulnerability scan is a subset of A.8.8"; read from A.8.8 it is the superset.
    expect(fromTw).toMatchObject({
      framework: 'tw-responsibility-levels',
      relation: 'superset',
      title: { en: 'Vulnerability scan' },
    });
    expect(a88.mappings.map((m: { framework: string }) => m.framework)).toContain('nist-csf-2.0');

    const tw = (await engineer.get(`/api/framework-versions/${id('tw-responsibility-levels')}`)).json();
    const audit = tw.nodes.find((n: { ref: string }) => n.ref === 'MGT.06');
    expect(audit.obligation).toEqual({
      kind: 'internal_audit',
      byLevel: {
        A: { kind: 'every', months: 6 },
        B: { kind: 'every', months: 12 },
        C: { kind: 'every', months: 24 },
      },
    });
    expect(audit.mappings.map((m: { ref: string }) => m.ref)).toEqual(['9.2']);
  });

  it('answers the service calls other modules use', async () => {
    const f = p.services.frameworks;
    const current = await f.currentVersion('tw-responsibility-levels');
    expect(current?.status).toBe('current');
    expect(await f.currentVersion('no-such')).toBeNull();
    const nodes = await f.nodes(current?.id ?? '');
    expect(nodes.find((n) => n.ref === 'TEC.05')?.obligation?.byLevel.A).toEqual({ kind: 'monthly', day: 5 });
    expect((await f.node(current?.id ?? '', 'MGT.05'))?.obligation?.quantityByLevel).toEqual({
      A: 4,
      B: 2,
      C: 1,
    });
    expect(await f.node(current?.id ?? '', 'nope')).toBeNull();
    expect(await f.mappedRefs('iso27001-2022', '9.2')).toEqual([
      { framework: 'tw-responsibility-levels', ref: 'MGT.06', relation: 'equal' },
    ]);
    expect(await f.mappedRefs('tw-schedule-10', 'AU-5')).toEqual(
      expect.arrayContaining([
        { framework: 'iso27001-2022', ref: 'A.8.17', relation: 'equal' },
        { framework: 'nist-csf-2.0', ref: 'PR.PS-04', relation: 'intersect' },
      ]),
    );
  });

  it('imports a framework file and records it in the audit trail', async () => {
    const res = await upload(engineer, file('1.0'), { filename: 'acme.yaml' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.framework).toMatchObject({ key: 'acme-policy', builtin: false, versionCount: 1 });
    expect(body.version).toMatchObject({
      version: '1.0',
      status: 'current',
      nodeCount: 2,
      requirementCount: 1,
    });
    expect(body.supersededVersionId).toBeNull();
    const [entry] = await auditOf(p, body.version.id);
    expect(entry?.action).toBe('framework.imported');
    expect(entry?.details).toMatchObject({
      key: 'acme-policy',
      version: '1.0',
      file: 'acme.yaml',
      nodeCount: 2,
    });
    const list = (await engineer.get('/api/frameworks')).json().items;
    expect(list.map((f: { key: string }) => f.key)).toContain('acme-policy');
  });

  it('a new version becomes current and keeps the old version and its nodes', async () => {
    const before = (await engineer.get('/api/frameworks/acme-policy')).json();
    const oldId = before.currentVersion.id;
    const extra = `  - ref: P-2
    parent: P
    kind: requirement
    title: { en: Passwords are not reused, zh-TW: 密碼不重複使用 }
`;
    const res = await upload(engineer, file('2.0', extra));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().supersededVersionId).toBe(oldId);
    const detail = (await engineer.get('/api/frameworks/acme-policy')).json();
    expect(detail.versions.map((v: { version: string; status: string }) => [v.version, v.status])).toEqual([
      ['2.0', 'current'],
      ['1.0', 'superseded'],
    ]);
    const old = (await engineer.get(`/api/framework-versions/${oldId}`)).json();
    expect(old.version.status).toBe('superseded');
    expect(old.nodes.map((n: { ref: string }) => n.ref)).toEqual(['P', 'P-1']);
    const current = (await engineer.get(`/api/framework-versions/${detail.currentVersion.id}`)).json();
    expect(current.nodes.map((n: { ref: string }) => n.ref)).toEqual(['P', 'P-1', 'P-2']);
  });

  it('accepts the same framework as JSON and refuses a version label that exists', async () => {
    const again = await upload(
      engineer,
      file('2.0').replace('Passwords are long', 'Passwords are very long'),
    );
    expectError(again, 409, 'framework.version_exists');
    const json = JSON.stringify({
      key: 'acme-json',
      version: '1',
      name: { en: 'J', 'zh-TW': '杰' },
      nodes: [{ ref: 'S', kind: 'section', title: { en: 'S', 'zh-TW': '節' } }],
    });
    const res = await upload(engineer, json, { type: 'application/json', filename: 'acme.json' });
    expect(res.statusCode, res.body).toBe(201);
    expectError(await upload(engineer, json, { type: 'application/json' }), 409, 'framework.version_exists');
  });

  it('refuses an invalid file with its validation report and stores nothing', async () => {
    const versions = await frameworkCount();
    const audit = await countRows(p, 'audit_entries');
    const bad = file('9.0', '  - ref: P-1\n    parent: Q\n    kind: requirement\n    title: { en: Dup }\n');
    const res = await upload(engineer, bad, { filename: 'broken.yaml' });
    expectError(res, 400, 'framework.invalid');
    const problems = res.json().error.details.problems as { file: string; line: number; message: string }[];
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'broken.yaml',
        line: 15,
        path: 'nodes[2].title.zh-TW',
        message: 'the zh-TW text is missing',
      }),
    );
    const syntax = await upload(engineer, 'key: [unclosed\nnodes: x\n', { filename: 'syntax.yaml' });
    expectError(syntax, 400, 'framework.invalid');
    expect(syntax.json().error.details.problems[0]).toMatchObject({ file: 'syntax.yaml', line: 2 });
    const dup = await upload(
      engineer,
      file('9.0', '  - ref: P-1\n    parent: Q\n    kind: requirement\n    title: { en: a, zh-TW: 甲 }\n'),
    );
    const messages = (dup.json().error.details.problems as { message: string; line: number }[]).map(
      (x) => `${x.line} ${x.message}`,
    );
    expect(messages).toEqual([
      '12 ref P-1 is used twice (first at nodes[1], line 8)',
      '13 unknown parent Q: no node has that ref',
    ]);
    expectError(await upload(engineer, ''), 400, 'framework.invalid');
    expectError(
      await engineer.request({
        method: 'POST',
        url: '/api/frameworks/import',
        payload: Buffer.from([0xff, 0xfe, 0x00]),
        headers: { 'content-type': 'application/octet-stream' },
      }),
      400,
      'framework.invalid',
    );
    expectError(
      await upload(engineer, file('9.1'), { type: 'image/png' }),
      415,
      'framework.unsupported_type',
    );
    expect(await frameworkCount()).toBe(versions);
    expect(await countRows(p, 'audit_entries')).toBe(audit);
  });

  it('refuses a file over the size limit', async () => {
    const huge = file('9.2', `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    expectError(await upload(engineer, huge), 413, 'request.too_large');
  });

  it('keeps readers out without compliance.read and importers out without compliance.manage', async () => {
    expectError(await viewer.get('/api/frameworks'), 403, 'auth.forbidden');
    expectError(await upload(viewer, file('5.0')), 403, 'auth.forbidden');
    expectError(await upload(assistant, file('5.0')), 403, 'auth.forbidden');
    expectError(await new Client(p.app).get('/api/frameworks'), 401, 'auth.unauthenticated');
    expectError(await engineer.get('/api/frameworks/no-such-framework'), 404, 'not_found');
    expectError(
      await engineer.get('/api/framework-versions/00000000-0000-4000-8000-000000000000'),
      404,
      'not_found',
    );
    expectError(await engineer.get('/api/framework-versions/not-a-uuid'), 400, 'validation.failed');
  });

  it('start-up installs a changed shipped file as a new version, keeps the old nodes, and is idempotent', async () => {
    const versions = await frameworkCount();
    await p.services.frameworks.bootstrap();
    expect(await frameworkCount()).toBe(versions);

    const shipped = readShippedContent();
    const csf = shipped.frameworks.find((f) => f.definition.key === 'nist-csf-2.0');
    if (!csf) throw new Error('CSF not shipped');
    const oldId = (await p.services.frameworks.currentVersion('nist-csf-2.0'))?.id;
    csf.definition.nodes[0] = {
      ...csf.definition.nodes[0],
      title: { en: 'Govern (edited)', 'zh-TW': '治理（修訂）' },
    } as (typeof csf.definition.nodes)[0];
    shipped.mappings = shipped.mappings.filter(
      (m) => !(m.from.ref === 'AU-5' && m.to.framework === 'nist-csf-2.0'),
    );
    // Two processes starting at once: both finish, one version is stored.
    await Promise.all([
      p.services.frameworks.shipped.install(shipped),
      p.services.frameworks.shipped.install(shipped),
    ]);
    expect(await frameworkCount()).toBe(versions + 1);
    const current = await p.services.frameworks.currentVersion('nist-csf-2.0');
    expect(current?.id).not.toBe(oldId);
    expect(current?.version).toMatch(/^2\.0\+[0-9a-f]{8}$/);
    expect((await p.services.frameworks.node(current?.id ?? '', 'GV'))?.title.en).toBe('Govern (edited)');
    expect((await p.services.frameworks.node(oldId ?? '', 'GV'))?.title.en).toBe('Govern');
    expect((await p.services.frameworks.nodes(oldId ?? '')).length).toBe(134);
    expect((await auditOf(p, current?.id ?? ''))[0]?.action).toBe('framework.installed');
    expect(
      (await p.services.frameworks.mappedRefs('tw-schedule-10', 'AU-5')).map((m) => m.framework),
    ).toEqual(['iso27001-2022']);
    // Removing a shipped mapping is a change to what evidence satisfies: it is in the audit trail.
    const synced = (await auditOf(p, 'builtin-mappings')).filter(
      (a) => a.action === 'framework.mappings_synced',
    );
    expect(synced.at(-1)?.details).toMatchObject({
      added: 0,
      changed: 0,
      removed: [{ from: 'tw-schedule-10:AU-5', to: expect.stringMatching(/^nist-csf-2\.0:/) }],
    });
    expect(synced[0]?.details).toMatchObject({ added: expect.any(Number), removed: [] });
    expect((synced[0]?.details.added as number) > 100).toBe(true);
  });
});
