import { randomUUID } from 'node:crypto';
import type { AssetView } from '@vigil/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  Client,
  countRows,
  createTestPlatform,
  expectError,
  makeUser,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

describe.each(testDialects())('asset inventory on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  let adminId: string;
  let owner: { id: string; client: Client };
  let other: { id: string; client: Client };
  let auditor: Client;
  let unitId: string;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    const a = await userClient(p, ['admin']);
    admin = a.client;
    adminId = a.user.id;
    const o = await userClient(p, ['asset_owner']);
    owner = { id: o.user.id, client: o.client };
    const x = await userClient(p, ['asset_owner']);
    other = { id: x.user.id, client: x.client };
    auditor = (await userClient(p, ['auditor'])).client;
    unitId = (await admin.post('/api/units', { name: '系統管理科', code: 'SYS' })).json().id;
  });
  afterAll(async () => p?.close());

  async function create(body: object): Promise<AssetView> {
    const res = await admin.post('/api/assets', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('creates an asset with a generated code per type, defaults and the derived value', async () => {
    const a = await create({
      name: '公文系統主機',
      type: 'hardware',
      confidentiality: 2,
      integrity: 3,
      availability: 1,
    });
    const b = await create({ name: '備援主機', type: 'hardware' });
    const sys = await create({ name: '公文管理系統', type: 'information_system' });
    expect(a.code).toMatch(/^HW-\d{4}$/);
    expect(Number(b.code.slice(3))).toBe(Number(a.code.slice(3)) + 1);
    expect(sys.code).toMatch(/^SYS-\d{4}$/);
    expect(a).toMatchObject({
      status: 'in_use',
      informationClass: 'non_core',
      coreSystem: false,
      personalData: false,
      identifiers: [],
      tags: [],
      value: 3,
      protectionLevel: null,
      archivedAt: null,
    });
    expect(b.value).toBeNull();
    expect((await admin.get(`/api/assets/${a.id}`)).json()).toEqual(a);
    const trail = await auditOf(p, a.id);
    expect(trail.map((e) => e.action)).toEqual(['asset.create']);
    expect(trail[0]?.actor_id).toBe(adminId);
  });

  it('skips a generated code somebody typed in by hand, and refuses a taken code', async () => {
    const first = await create({ name: 'x', type: 'site' });
    const n = Number(first.code.split('-')[1]);
    await create({ name: 'manual', type: 'site', code: `SITE-${String(n + 1).padStart(4, '0')}` });
    const next = await create({ name: 'y', type: 'site' });
    expect(next.code).toBe(`SITE-${String(n + 2).padStart(4, '0')}`);
    const before = await countRows(p, 'audit_entries');
    expectError(
      await admin.post('/api/assets', { name: 'dup', type: 'site', code: first.code }),
      409,
      'asset.code_taken',
    );
    const other = await create({ name: 'z', type: 'site' });
    expectError(await admin.patch(`/api/assets/${other.id}`, { code: first.code }), 409, 'asset.code_taken');
    expect(await countRows(p, 'audit_entries')).toBe(before + 1);
  });

  it('normalises identifiers and keeps hostnames, IPs, MACs and serials unique among active assets', async () => {
    const a = await create({
      name: 'web01',
      type: 'hardware',
      identifiers: [
        { kind: 'hostname', value: 'WEB01.Example.GOV.TW.' },
        { kind: 'ip', value: '2001:0DB8:0000:0000:0000:0000:0000:0001' },
        { kind: 'ip', value: '10.0.0.5' },
        { kind: 'mac', value: 'AA-BB-CC-00-11-22' },
        { kind: 'serial', value: 'sn-123' },
        { kind: 'url', value: 'https://web01.example.gov.tw/login' },
      ],
    });
    expect(a.identifiers).toEqual([
      { kind: 'hostname', value: 'web01.example.gov.tw' },
      { kind: 'ip', value: '2001:db8::1' },
      { kind: 'ip', value: '10.0.0.5' },
      { kind: 'mac', value: 'aa:bb:cc:00:11:22' },
      { kind: 'serial', value: 'SN-123' },
      { kind: 'url', value: 'https://web01.example.gov.tw/login' },
    ]);
    for (const ident of [
      { kind: 'mac', value: 'aabb.cc00.1122' },
      { kind: 'hostname', value: 'web01.example.gov.tw' },
      { kind: 'ip', value: '2001:db8:0::1' },
      { kind: 'serial', value: 'SN-123' },
    ]) {
      const res = await admin.post('/api/assets', { name: 'copy', type: 'hardware', identifiers: [ident] });
      expectError(res, 409, 'asset.duplicate_identifier');
      expect(res.json().error.details).toMatchObject({ assetCode: a.code, kind: ident.kind });
    }
    // URLs may repeat.
    await create({
      name: 'proxy',
      type: 'service',
      identifiers: [{ kind: 'url', value: 'https://web01.example.gov.tw/login' }],
    });
    for (const ident of [
      { kind: 'ip', value: '10.0.0.256' },
      { kind: 'ip', value: 'example' },
      { kind: 'mac', value: 'zz:bb:cc:00:11:22' },
      { kind: 'hostname', value: 'bad host' },
      { kind: 'url', value: 'ftp://example.org/' },
      { kind: 'url', value: 'not a url' },
    ])
      expectError(
        await admin.post('/api/assets', { name: 'bad', type: 'hardware', identifiers: [ident] }),
        400,
        'asset.bad_identifier',
      );
    // A disposed asset gives its identifiers up.
    await admin.patch(`/api/assets/${a.id}`, { status: 'disposed' });
    const again = await create({
      name: 'web01 new',
      type: 'hardware',
      identifiers: [{ kind: 'mac', value: 'aa:bb:cc:00:11:22' }],
    });
    expect(again.identifiers[0]?.value).toBe('aa:bb:cc:00:11:22');
  });

  it('refuses ratings outside the scale, the legal rating while it is off, unknown classifications and references', async () => {
    const cases: [object, number, string][] = [
      [{ confidentiality: 4 }, 400, 'asset.rating_out_of_range'],
      [{ integrity: 0 }, 400, 'asset.rating_out_of_range'],
      [{ legal: 2 }, 400, 'asset.legal_rating_off'],
      [{ classification: 'top_secret' }, 400, 'asset.unknown_classification'],
      [{ ownerId: randomUUID() }, 400, 'asset.unknown_owner'],
      [{ custodianId: randomUUID() }, 400, 'asset.unknown_custodian'],
      [{ unitId: randomUUID() }, 400, 'asset.unknown_unit'],
      [
        {
          protectionAnswers: {
            confidentiality: 'high',
            integrity: 'normal',
            availability: 'normal',
            legal: 'normal',
          },
        },
        400,
        'asset.protection_not_applicable',
      ],
      [{ commissionedOn: '2025-01-01', retiredOn: '2024-01-01' }, 400, 'asset.bad_dates'],
      [{ type: 'gadget' }, 400, 'validation.failed'],
      [{ status: 'lost' }, 400, 'validation.failed'],
      [{ unknownField: 1 }, 400, 'validation.failed'],
    ];
    const before = await countRows(p, 'audit_entries');
    for (const [extra, status, code] of cases)
      expectError(await admin.post('/api/assets', { name: 'r', type: 'hardware', ...extra }), status, code);
    expect(await countRows(p, 'audit_entries')).toBe(before);
  });

  it('refuses a disabled owner', async () => {
    const u = await makeUser(p, { roles: ['asset_owner'] });
    await p.database.db
      .updateTable('users')
      .set({ disabled_at: p.clock.now().toISOString() })
      .where('id', '=', u.id)
      .execute();
    const res = await admin.post('/api/assets', { name: 'r', type: 'hardware', ownerId: u.id });
    expectError(res, 400, 'asset.unknown_owner');
    expect(res.json().error.message).toContain('disabled');
  });

  it('derives the protection level from the Schedule 9 answers, for information systems and cloud services', async () => {
    const sys = await create({
      name: '戶政系統',
      type: 'information_system',
      coreSystem: true,
      criticalInfrastructure: true,
      informationClass: 'core',
      protectionAnswers: {
        confidentiality: 'medium',
        integrity: 'high',
        availability: 'normal',
        legal: 'normal',
      },
      mtpdHours: 4,
      rtoHours: 2,
      rpoHours: 0.5,
      personalData: true,
    });
    expect(sys).toMatchObject({
      protectionLevel: 'high',
      mtpdHours: 4,
      rtoHours: 2,
      rpoHours: 0.5,
      coreSystem: true,
    });
    const cloud = await create({
      name: '雲端郵件',
      type: 'cloud_service',
      protectionAnswers: {
        confidentiality: 'medium',
        integrity: 'normal',
        availability: 'normal',
        legal: 'normal',
      },
    });
    expect(cloud.protectionLevel).toBe('medium');
    const cleared = await admin.patch(`/api/assets/${cloud.id}`, { protectionAnswers: null });
    expect(cleared.json().protectionLevel).toBeNull();
    expectError(
      await admin.patch(`/api/assets/${sys.id}`, { type: 'hardware' }),
      400,
      'asset.protection_not_applicable',
    );
  });

  it('fills in the date of a status change and records every field change with its actor', async () => {
    const a = await create({ name: 'old switch', type: 'network_device', unitId, tags: ['機房A'] });
    p.clock.advanceMinutes(1);
    const res = await admin.patch(`/api/assets/${a.id}`, {
      status: 'retired',
      location: '機房B',
      tags: ['機房A', 'EOL'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'retired',
      retiredOn: '2026-06-01',
      location: '機房B',
      tags: ['機房A', 'EOL'],
    });
    const disposed = (await admin.patch(`/api/assets/${a.id}`, { status: 'disposed' })).json();
    expect(disposed.disposedOn).toBe('2026-06-01');
    // An update that changes nothing is not recorded.
    await admin.patch(`/api/assets/${a.id}`, { location: '機房B' });
    const hres = await admin.get(`/api/assets/${a.id}/history`);
    expect(hres.statusCode, hres.body).toBe(200);
    const history = hres.json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'asset.update',
      'asset.update',
      'asset.create',
    ]);
    expect(history[1].changes).toEqual({
      status: ['in_use', 'retired'],
      retiredOn: [null, '2026-06-01'],
      location: [null, '機房B'],
      tags: [['機房A'], ['機房A', 'EOL']],
    });
    expect(history[1].actor).toEqual(expect.any(String));
    expect((await auditor.get(`/api/assets/${a.id}/history`)).statusCode).toBe(200);
  });

  it('lists with filters, search over code, name, identifiers and tags, sort and paging', async () => {
    const tag = `t${Date.now() % 100000}`;
    const x = await create({
      name: 'Filter Target 甲',
      type: 'software',
      unitId,
      ownerId: owner.id,
      classification: 'sensitive',
      personalData: true,
      tags: [tag.toUpperCase()],
      identifiers: [{ kind: 'hostname', value: 'needle-host.example.tw' }],
      confidentiality: 3,
      integrity: 3,
      availability: 3,
    });
    await create({
      name: 'Filter Target 乙',
      type: 'software',
      unitId,
      confidentiality: 1,
      integrity: 1,
      availability: 2,
    });
    const list = async (qs: string) => {
      const res = await admin.get(`/api/assets?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: AssetView[]; total: number };
    };
    expect((await list('q=NEEDLE-HOST')).items.map((i) => i.id)).toEqual([x.id]);
    expect((await list(`q=${encodeURIComponent(x.code.toLowerCase())}`)).items.map((i) => i.id)).toEqual([
      x.id,
    ]);
    expect((await list(`q=${tag}`)).items.map((i) => i.id)).toEqual([x.id]);
    expect((await list(`tag=${tag}`)).items.map((i) => i.id)).toEqual([x.id]);
    expect((await list(`q=${encodeURIComponent('target 甲')}`)).total).toBe(1);
    expect((await list('q=%25')).total).toBe(0);
    expect((await list(`ownerId=${owner.id}`)).items.map((i) => i.id)).toContain(x.id);
    expect((await list('classification=sensitive&personalData=true')).items.map((i) => i.id)).toEqual([x.id]);
    const software = await list(`type=software&unitId=${unitId}&sort=value&order=desc`);
    expect(software.items.map((i) => i.value)).toEqual([3, 2]);
    const all = await list('limit=2&offset=0&sort=name');
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const next = await list('limit=2&offset=2&sort=name');
    expect(next.items[0]?.id).not.toBe(all.items[0]?.id);
    expect((await list('coreSystem=true&protectionLevel=high')).items.every((i) => i.coreSystem)).toBe(true);
    expectError(await admin.get('/api/assets?sort=owner'), 400, 'validation.failed');
  });

  it('shows an owner only the assets they own or keep; they cannot change any; an auditor reads all', async () => {
    const o = await userClient(p, ['asset_owner']);
    const owner = { id: o.user.id, client: o.client };
    const mine = await create({ name: 'owned', type: 'hardware', ownerId: owner.id });
    const kept = await create({ name: 'kept', type: 'hardware', custodianId: owner.id });
    const theirs = await create({ name: 'theirs', type: 'hardware', ownerId: other.id });
    const seen = (await owner.client.get('/api/assets?limit=500')).json();
    expect(seen.items.map((i: AssetView) => i.id).sort()).toEqual([mine.id, kept.id].sort());
    expect(seen.total).toBe(2);
    expect((await owner.client.get(`/api/assets/${mine.id}`)).statusCode).toBe(200);
    expectError(await owner.client.get(`/api/assets/${theirs.id}`), 404, 'not_found');
    expectError(await owner.client.get(`/api/assets/${theirs.id}/history`), 404, 'not_found');
    expectError(await owner.client.get(`/api/assets/${theirs.id}/relations`), 404, 'not_found');
    expectError(
      await owner.client.patch(`/api/assets/${mine.id}`, { name: 'hacked' }),
      403,
      'auth.forbidden',
    );
    expectError(await owner.client.delete(`/api/assets/${mine.id}`), 403, 'auth.forbidden');
    expectError(await owner.client.post('/api/assets', { name: 'n', type: 'site' }), 403, 'auth.forbidden');
    expect((await auditor.get(`/api/assets/${theirs.id}`)).statusCode).toBe(200);
    expect((await auditor.get('/api/assets?limit=500')).json().total).toBeGreaterThan(3);
    expectError(await auditor.patch(`/api/assets/${theirs.id}`, { name: 'x' }), 403, 'auth.forbidden');
    expectError(
      await auditor.put('/api/assets/valuation-settings', {
        scaleMax: 5,
        legalRating: false,
        valueRule: 'max',
        classifications: [{ key: 'a', en: 'A', zh: '甲' }],
      }),
      403,
      'auth.forbidden',
    );
    // An admin's "mine" narrows to their own.
    expect((await admin.get('/api/assets?mine=true')).json().total).toBe(0);
    const viewer = (await userClient(p, ['viewer'])).client;
    expectError(await viewer.get('/api/assets'), 403, 'auth.forbidden');
    expect((await new Client(p.app).get('/api/assets')).statusCode).toBe(401);
  });

  it('hard-deletes an asset nothing refers to, removing its relations with an entry on the other end', async () => {
    const a = await create({ name: 'temp', type: 'software' });
    const b = await create({ name: 'host', type: 'hardware' });
    await admin.post(`/api/assets/${a.id}/relations`, { toAssetId: b.id, kind: 'depends_on' });
    const res = await admin.delete(`/api/assets/${a.id}`);
    expect(res.json()).toEqual({ outcome: 'deleted', references: {} });
    expectError(await admin.get(`/api/assets/${a.id}`), 404, 'not_found');
    expect((await admin.get(`/api/assets/${b.id}/relations`)).json().incoming).toEqual([]);
    expect((await auditOf(p, a.id)).at(-1)?.action).toBe('asset.delete');
    expect((await auditOf(p, b.id)).at(-1)).toMatchObject({
      action: 'asset.relation_remove',
      details: { changes: { dependedOnBy: [a.code, null] } },
    });
    expectError(await admin.delete(`/api/assets/${a.id}`), 404, 'not_found');
  });

  it('archives an asset other records refer to, hides it from lists, and restores it', async () => {
    const a = await create({
      name: 'referenced',
      type: 'hardware',
      identifiers: [{ kind: 'ip', value: '192.0.2.77' }],
    });
    p.services.assets.registerReferrer('testRisks', async (_trx, id) => (id === a.id ? 2 : 0));
    const res = await admin.delete(`/api/assets/${a.id}`);
    expect(res.json()).toEqual({ outcome: 'archived', references: { testRisks: 2 } });
    const got = (await admin.get(`/api/assets/${a.id}`)).json();
    expect(got.archivedAt).toEqual(expect.any(String));
    expect((await admin.get(`/api/assets?q=referenced`)).json().total).toBe(0);
    expect((await admin.get(`/api/assets?q=referenced&includeArchived=true`)).json().total).toBe(1);
    expectError(await admin.patch(`/api/assets/${a.id}`, { name: 'x' }), 409, 'asset.archived');
    // Its identifier is free while it is archived; restoring then collides.
    const twin = await create({
      name: 'twin',
      type: 'hardware',
      identifiers: [{ kind: 'ip', value: '192.0.2.77' }],
    });
    expectError(await admin.post(`/api/assets/${a.id}/restore`), 409, 'asset.duplicate_identifier');
    await admin.patch(`/api/assets/${twin.id}`, { identifiers: [] });
    const restored = await admin.post(`/api/assets/${a.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().archivedAt).toBeNull();
    expectError(await admin.post(`/api/assets/${a.id}/restore`), 409, 'asset.not_archived');
    expect((await auditOf(p, a.id)).map((e) => e.action)).toEqual([
      'asset.create',
      'asset.archive',
      'asset.restore',
    ]);
  });
});
