import type { AssetView } from '@vigil/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  createTestPlatform,
  expectError,
  signIn,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

describe.each(testDialects())('inventory confirmation campaigns on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  let engineer: Client;
  let ownerA: { id: string; client: Client };
  let ownerB: { id: string; client: Client };
  let auditor: Client;
  let units: { sys: string; net: string; hr: string };
  const accounts: { username: string; password: string }[] = [];
  const login = async (roles: string[]) => {
    const u = await userClient(p, roles);
    accounts.push(u.user);
    return u;
  };
  /** Moving the clock by weeks ends every session; sign everyone in again. */
  async function advanceDays(days: number) {
    p.clock.advanceMinutes(60 * 24 * days);
    const again = await Promise.all(accounts.map((a) => signIn(p, a.username, a.password)));
    [admin, engineer, auditor, ownerA.client, ownerB.client] = again as [
      Client,
      Client,
      Client,
      Client,
      Client,
    ];
  }

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    admin = (await login(['admin'])).client;
    engineer = (await login(['security_engineer'])).client;
    auditor = (await login(['auditor'])).client;
    const a = await login(['asset_owner']);
    const b = await login(['asset_owner']);
    ownerA = { id: a.user.id, client: a.client };
    ownerB = { id: b.user.id, client: b.client };
    const unit = async (name: string) => (await admin.post('/api/units', { name })).json().id as string;
    units = { sys: await unit('系統管理科'), net: await unit('網路管理科'), hr: await unit('人事室') };
  });
  afterAll(async () => p?.close());

  async function create(body: object): Promise<AssetView> {
    const res = await admin.post('/api/assets', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('runs a campaign end to end: snapshot, owners confirm or correct, progress per unit, closing freezes a record', async () => {
    const a1 = await create({
      name: '伺服器 1',
      type: 'hardware',
      ownerId: ownerA.id,
      unitId: units.sys,
      location: '機房A',
    });
    const a2 = await create({ name: '伺服器 2', type: 'hardware', ownerId: ownerA.id, unitId: units.sys });
    const b1 = await create({
      name: '交換器',
      type: 'network_device',
      ownerId: ownerB.id,
      unitId: units.net,
    });
    await create({ name: '無主資產', type: 'hardware', unitId: units.sys });
    await create({
      name: '已報廢',
      type: 'hardware',
      ownerId: ownerA.id,
      unitId: units.sys,
      status: 'disposed',
    });
    await create({ name: '人事檔案', type: 'information', ownerId: ownerB.id, unitId: units.hr });

    const opened = await engineer.post('/api/assets/campaigns', {
      title: '115 年度資產盤點',
      deadline: '2026-06-30',
      unitIds: [units.sys, units.net],
      note: '請於期限內確認',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({
      status: 'open',
      unowned: 1,
      progress: { total: 3, pending: 3, confirmed: 0, corrected: 0, overdue: 0 },
    });
    expect(c.units.map((u: { name: string }) => u.name).sort()).toEqual(['系統管理科', '網路管理科'].sort());

    // Owner A sees their two items with the asset as it is now; B sees one.
    const mineA = (await ownerA.client.get('/api/assets/campaigns/mine')).json().items;
    expect(mineA.map((i: { asset: AssetView }) => i.asset.id).sort()).toEqual([a1.id, a2.id].sort());
    expect(mineA[0].campaign).toMatchObject({ id: c.id, title: '115 年度資產盤點', overdue: false });
    const itemA1 = mineA.find((i: { asset: AssetView }) => i.asset.id === a1.id);
    const itemA2 = mineA.find((i: { asset: AssetView }) => i.asset.id === a2.id);
    const mineB = (await ownerB.client.get('/api/assets/campaigns/mine')).json().items;
    expect(mineB).toHaveLength(1);

    // B cannot confirm A's item; nobody may correct fields outside the list.
    expectError(
      await ownerB.client.post(`/api/assets/campaigns/${c.id}/items/${itemA1.id}/confirm`, {}),
      404,
      'not_found',
    );
    expectError(
      await ownerA.client.post(`/api/assets/campaigns/${c.id}/items/${itemA1.id}/confirm`, {
        corrections: { ownerId: ownerB.id },
      }),
      400,
      'validation.failed',
    );
    expectError(
      await ownerA.client.post(`/api/assets/campaigns/${c.id}/items/${itemA1.id}/confirm`, {
        corrections: { confidentiality: 9 },
      }),
      400,
      'asset.rating_out_of_range',
    );

    const corrected = await ownerA.client.post(`/api/assets/campaigns/${c.id}/items/${itemA1.id}/confirm`, {
      corrections: { location: '機房B', tags: ['盤點'] },
      note: '已搬遷',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      status: 'corrected',
      confirmedBy: { id: ownerA.id },
      note: '已搬遷',
      changes: { location: ['機房A', '機房B'], tags: [[], ['盤點']] },
    });
    expect((await admin.get(`/api/assets/${a1.id}`)).json().location).toBe('機房B');
    const trail = await auditOf(p, a1.id);
    expect(trail.slice(-2).map((e) => [e.action, e.actor_id])).toEqual([
      ['asset.update', ownerA.id],
      ['asset.confirm', ownerA.id],
    ]);
    expect(trail.at(-2)?.details).toMatchObject({ campaignId: c.id });
    expectError(
      await ownerA.client.post(`/api/assets/campaigns/${c.id}/items/${itemA1.id}/confirm`, {}),
      409,
      'campaign.item_done',
    );
    const confirmed = await ownerA.client.post(
      `/api/assets/campaigns/${c.id}/items/${itemA2.id}/confirm`,
      {},
    );
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', changes: {} });
    expect((await ownerA.client.get('/api/assets/campaigns/mine')).json().items).toEqual([]);

    // After the deadline B's pending item is overdue.
    await advanceDays(40);
    const progress = (await auditor.get(`/api/assets/campaigns/${c.id}`)).json();
    expect(progress.progress).toEqual({ total: 3, confirmed: 1, corrected: 1, pending: 1, overdue: 1 });
    const byUnit = new Map<string, unknown>(
      progress.byUnit.map((u: { unit: { name: string } }) => [u.unit.name, u]),
    );
    expect(byUnit.get('系統管理科')).toMatchObject({
      total: 2,
      confirmed: 1,
      corrected: 1,
      pending: 0,
      overdue: 0,
    });
    expect(byUnit.get('網路管理科')).toMatchObject({ total: 1, pending: 1, overdue: 1 });
    expect((await ownerB.client.get('/api/assets/campaigns/mine')).json().items[0].campaign.overdue).toBe(
      true,
    );

    // Owners and the auditor cannot close; the engineer does.
    expectError(await ownerA.client.post(`/api/assets/campaigns/${c.id}/close`), 403, 'auth.forbidden');
    expectError(await auditor.post(`/api/assets/campaigns/${c.id}/close`), 403, 'auth.forbidden');
    const closed = (await engineer.post(`/api/assets/campaigns/${c.id}/close`)).json();
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: expect.any(String),
      progress: { pending: 1, overdue: 1 },
    });
    expect(closed.closedBy).not.toBeNull();
    expectError(
      await ownerB.client.post(`/api/assets/campaigns/${c.id}/items/${mineB[0].id}/confirm`, {}),
      409,
      'campaign.closed',
    );
    expectError(await engineer.post(`/api/assets/campaigns/${c.id}/close`), 409, 'campaign.closed');
    expect((await ownerB.client.get('/api/assets/campaigns/mine')).json().items).toEqual([]);

    // The closed campaign stays a record: who confirmed what and when, even after the asset changes.
    await admin.patch(`/api/assets/${a2.id}`, { name: '改名後' });
    const record = (await auditor.get(`/api/assets/campaigns/${c.id}/items?limit=10`)).json();
    expect(record.total).toBe(3);
    const a2Item = record.items.find((i: { asset: { id: string } }) => i.asset.id === a2.id);
    expect(a2Item).toMatchObject({
      asset: { name: '伺服器 2' },
      status: 'confirmed',
      confirmedBy: { id: ownerA.id },
    });
    expect(
      (await auditor.get(`/api/assets/campaigns/${c.id}/items?status=pending`)).json().items[0].asset.id,
    ).toBe(b1.id);
    expect((await auditor.get('/api/assets/campaigns?status=closed')).json().items[0].id).toBe(c.id);
    // Assets in a campaign record are archived, not deleted.
    expect((await admin.delete(`/api/assets/${a2.id}`)).json()).toMatchObject({
      outcome: 'archived',
      references: { campaignItems: 1 },
    });
  });

  it('hands an unconfirmed item to the new owner when the asset changes hands mid-campaign', async () => {
    const asset = await create({
      name: '移交測試主機',
      type: 'hardware',
      ownerId: ownerA.id,
      unitId: units.hr,
    });
    const opened = await engineer.post('/api/assets/campaigns', {
      title: '移交盤點',
      deadline: '2026-12-31',
      unitIds: [units.hr],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const mine = async (c: Client) =>
      ((await c.get('/api/assets/campaigns/mine')).json().items as { id: string; asset: AssetView }[]).filter(
        (i) => i.asset.id === asset.id,
      );
    const [item] = await mine(ownerA.client);
    expect(item).toBeDefined();
    expect((await admin.patch(`/api/assets/${asset.id}`, { ownerId: ownerB.id })).statusCode).toBe(200);
    expect(await mine(ownerA.client)).toEqual([]);
    expect((await mine(ownerB.client)).map((i) => i.id)).toEqual([item!.id]);
    const confirmed = await ownerB.client.post(
      `/api/assets/campaigns/${opened.json().id}/items/${item!.id}/confirm`,
      {},
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });

  it('refuses a past deadline, unknown units, an empty scope, and owners opening campaigns', async () => {
    expectError(
      await engineer.post('/api/assets/campaigns', { title: 't', deadline: '2020-01-01' }),
      400,
      'campaign.deadline_past',
    );
    expectError(
      await engineer.post('/api/assets/campaigns', {
        title: 't',
        deadline: '2099-01-01',
        unitIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      400,
      'campaign.unknown_unit',
    );
    const empty = (await admin.post('/api/units', { name: '空單位' })).json().id;
    expectError(
      await engineer.post('/api/assets/campaigns', { title: 't', deadline: '2099-01-01', unitIds: [empty] }),
      400,
      'campaign.no_assets',
    );
    expectError(
      await ownerA.client.post('/api/assets/campaigns', { title: 't', deadline: '2099-01-01' }),
      403,
      'auth.forbidden',
    );
    expectError(await ownerA.client.get('/api/assets/campaigns'), 403, 'auth.forbidden');
  });
});
