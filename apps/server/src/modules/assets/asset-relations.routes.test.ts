import type { AssetValuationSettings, AssetView } from '@vigil/contracts';
import { DEFAULT_ASSET_VALUATION } from '@vigil/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  countRows,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

describe.each(testDialects())('asset relations and valuation settings on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    admin = (await userClient(p, ['admin'])).client;
  });
  afterAll(async () => p?.close());

  async function create(body: object): Promise<AssetView> {
    const res = await admin.post('/api/assets', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function relate(from: string, to: string, kind: string) {
    return admin.post(`/api/assets/${from}/relations`, { toAssetId: to, kind });
  }

  it('navigates relations both ways and draws the graph around an asset', async () => {
    const sys = await create({ name: '公文系統', type: 'information_system' });
    const app = await create({ name: '公文應用程式', type: 'software' });
    const db = await create({ name: '公文資料庫', type: 'information' });
    const host = await create({ name: '主機', type: 'hardware' });
    const r1 = await relate(sys.id, app.id, 'contains');
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json()).toMatchObject({
      kind: 'contains',
      from: { id: sys.id },
      to: { id: app.id, archived: false },
    });
    await relate(sys.id, db.id, 'contains');
    await relate(app.id, host.id, 'depends_on');
    const ofApp = (await admin.get(`/api/assets/${app.id}/relations`)).json();
    expect(ofApp.outgoing.map((r: { to: { id: string } }) => r.to.id)).toEqual([host.id]);
    expect(ofApp.incoming.map((r: { from: { id: string } }) => r.from.id)).toEqual([sys.id]);
    expect(ofApp.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [sys.id, app.id, db.id, host.id].sort(),
    );
    expect(ofApp.graph.edges).toHaveLength(3);
    expect(ofApp.graph.truncated).toBe(false);
    const history = (await admin.get(`/api/assets/${host.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'asset.relation_add',
      changes: { dependedOnBy: [null, app.code] },
    });
    // Remove from either end.
    const relId = ofApp.outgoing[0].id;
    expectError(await admin.delete(`/api/assets/${db.id}/relations/${relId}`), 404, 'not_found');
    expect((await admin.delete(`/api/assets/${host.id}/relations/${relId}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/assets/${host.id}/relations`)).json().incoming).toEqual([]);
    expect((await auditOf(p, app.id)).at(-1)).toMatchObject({ action: 'asset.relation_remove' });
  });

  it('refuses self-relations, duplicates, unknown targets and containment cycles', async () => {
    const a = await create({ name: 'A', type: 'information_system' });
    const b = await create({ name: 'B', type: 'information_system' });
    const c = await create({ name: 'C', type: 'information_system' });
    expectError(await relate(a.id, a.id, 'contains'), 400, 'asset.relation_self');
    await relate(a.id, b.id, 'contains');
    await relate(b.id, c.id, 'contains');
    expectError(await relate(a.id, b.id, 'contains'), 409, 'asset.relation_exists');
    expectError(await relate(c.id, a.id, 'contains'), 409, 'asset.relation_cycle');
    expectError(await relate(b.id, a.id, 'contains'), 409, 'asset.relation_cycle');
    // A dependency back up the chain is fine.
    expect((await relate(c.id, a.id, 'depends_on')).statusCode).toBe(201);
    expectError(
      await relate(a.id, '00000000-0000-4000-8000-000000000000', 'contains'),
      400,
      'asset.unknown_target',
    );
    expectError(await relate(a.id, b.id, 'owns'), 400, 'validation.failed');
  });

  it('cuts the graph at three hops and says so', async () => {
    const chain: AssetView[] = [];
    for (let i = 0; i < 6; i++) chain.push(await create({ name: `chain ${i}`, type: 'hardware' }));
    for (let i = 0; i < 5; i++) await relate(chain[i]!.id, chain[i + 1]!.id, 'depends_on');
    const g = (await admin.get(`/api/assets/${chain[0]!.id}/relations`)).json().graph;
    expect(g.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      chain
        .slice(0, 4)
        .map((c) => c.id)
        .sort(),
    );
    expect(g.truncated).toBe(true);
  });

  it('serves default valuation settings, refuses changes that strand ratings or classifications in use, recomputes values', async () => {
    expect((await admin.get('/api/assets/valuation-settings')).json()).toEqual(DEFAULT_ASSET_VALUATION);
    const a = await create({
      name: 'rated',
      type: 'hardware',
      confidentiality: 3,
      integrity: 2,
      availability: 1,
      classification: 'secret',
    });
    expect(a.value).toBe(3);
    const trail = await countRows(p, 'audit_entries');
    const smaller: AssetValuationSettings = { ...DEFAULT_ASSET_VALUATION, scaleMax: 2 };
    const refused = await admin.put('/api/assets/valuation-settings', smaller);
    expectError(refused, 409, 'asset.settings_in_use');
    expect(refused.json().error.details).toMatchObject({ ratingsOutOfRange: 1 });
    const fewer = {
      ...DEFAULT_ASSET_VALUATION,
      classifications: DEFAULT_ASSET_VALUATION.classifications.slice(0, 3),
    };
    const refused2 = await admin.put('/api/assets/valuation-settings', fewer);
    expectError(refused2, 409, 'asset.settings_in_use');
    expect(refused2.json().error.details.classificationsInUse).toEqual({ secret: 1 });
    expect(await countRows(p, 'audit_entries')).toBe(trail);
    const sum = { ...DEFAULT_ASSET_VALUATION, scaleMax: 5, valueRule: 'sum', legalRating: true };
    const saved = await admin.put('/api/assets/valuation-settings', sum);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await admin.get(`/api/assets/${a.id}`)).json().value).toBe(6);
    const withLegal = await admin.patch(`/api/assets/${a.id}`, { legal: 5 });
    expect(withLegal.json().value).toBe(11);
    // Turning the legal rating off keeps it stored but stops counting it.
    await admin.put('/api/assets/valuation-settings', { ...sum, legalRating: false });
    expect((await admin.get(`/api/assets/${a.id}`)).json()).toMatchObject({ value: 6, legal: 5 });
    expectError(
      await admin.put('/api/assets/valuation-settings', {
        ...sum,
        classifications: [sum.classifications[0], sum.classifications[0]],
      }),
      400,
      'asset.duplicate_classification',
    );
    const owner = (await userClient(p, ['asset_owner'])).client;
    expect((await owner.get('/api/assets/valuation-settings')).json().scaleMax).toBe(5);
    expectError(await owner.put('/api/assets/valuation-settings', sum), 403, 'auth.forbidden');
  });
});
