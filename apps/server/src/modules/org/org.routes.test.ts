import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  countRows,
  createTestPlatform,
  expectError,
  makeUser,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  headUserId: string | null;
  memberCount: number;
}

describe.each(testDialects())('organisation and units on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    admin = (await userClient(p, ['admin'])).client;
  });
  afterAll(async () => p?.close());

  const units = async (): Promise<Unit[]> => (await admin.get('/api/units')).json().items;
  const unit = async (id: string) => (await units()).find((u) => u.id === id);
  async function createUnit(body: object): Promise<Unit> {
    const res = await admin.post('/api/units', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('updates the profile, recording what it was and what it became', async () => {
    const first = await admin.put('/api/org', {
      name: '臺北市政府資訊局',
      responsibilityLevel: 'B',
      timeZone: 'Asia/Taipei',
    });
    expect(first.json()).toMatchObject({
      name: '臺北市政府資訊局',
      responsibilityLevel: 'B',
      timeZone: 'Asia/Taipei',
    });
    const second = await admin.put('/api/org', { responsibilityLevel: 'A' });
    expect(second.json()).toMatchObject({ name: '臺北市政府資訊局', responsibilityLevel: 'A' });
    expect((await admin.get('/api/org')).json().responsibilityLevel).toBe('A');
    const last = (await auditOf(p, 'default')).filter((e) => e.action === 'org.updated').at(-1);
    expect(last?.details).toMatchObject({
      from: { responsibilityLevel: 'B' },
      to: { responsibilityLevel: 'A' },
    });
    expect(
      (await admin.put('/api/org', { responsibilityLevel: null })).json().responsibilityLevel,
    ).toBeNull();
  });

  it('refuses a responsibility level outside A–E, an unknown time zone or an empty name, changing nothing', async () => {
    await admin.put('/api/org', { name: '測試機關', responsibilityLevel: 'C', timeZone: 'Asia/Taipei' });
    const before = (await admin.get('/api/org')).body;
    const trail = await countRows(p, 'audit_entries');
    for (const body of [
      { responsibilityLevel: 'F' },
      { responsibilityLevel: 'c' },
      { timeZone: 'Mars/Olympus' },
      { timeZone: '+08:00' },
      { timeZone: '' },
      { name: '   ' },
    ]) {
      const res = await admin.put('/api/org', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
    }
    expect((await admin.get('/api/org')).body).toBe(before);
    expect(await countRows(p, 'audit_entries')).toBe(trail);
  });

  it('stores a time zone in its canonical spelling, whatever the letter case sent', async () => {
    expect((await admin.put('/api/org', { timeZone: 'asia/tokyo' })).json().timeZone).toBe('Asia/Tokyo');
    expect((await admin.get('/api/org')).json().timeZone).toBe('Asia/Tokyo');
    await admin.put('/api/org', { timeZone: 'Asia/Taipei' });
  });

  it('builds a nested unit tree with a head of unit and members', async () => {
    const head = await makeUser(p);
    const dept = await createUnit({ name: '資訊處', code: 'IT', headUserId: head.id });
    const section = await createUnit({ name: '資安科', parentId: dept.id });
    const team = await createUnit({ name: '資安監控股', parentId: section.id });
    expect(dept.headUserId).toBe(head.id);
    expect(await unit(team.id)).toMatchObject({ parentId: section.id, name: '資安監控股' });
    expect(await unit(section.id)).toMatchObject({ parentId: dept.id });

    await admin.patch(`/api/users/${head.id}`, { unitId: section.id });
    expect((await unit(section.id))?.memberCount).toBe(1);
    const unknownHead = await admin.post('/api/units', { name: 'x', headUserId: randomUUID() });
    expectError(unknownHead, 400, 'user.unknown');
    expectError(await admin.post('/api/units', { name: 'x', parentId: randomUUID() }), 400, 'unit.unknown');
    expectError(await admin.post('/api/units', { name: '另一個資訊處', code: 'IT' }), 409, 'unit.code_taken');
    expectError(await admin.patch(`/api/units/${team.id}`, { code: 'IT' }), 409, 'unit.code_taken');
    expectError(await admin.patch(`/api/units/${randomUUID()}`, { name: 'x' }), 404, 'not_found');
  });

  it('refuses to put a unit under itself or its own sub-unit', async () => {
    const a = await createUnit({ name: '甲' });
    const b = await createUnit({ name: '乙', parentId: a.id });
    const c = await createUnit({ name: '丙', parentId: b.id });
    expectError(await admin.patch(`/api/units/${a.id}`, { parentId: c.id }), 400, 'unit.cycle');
    expectError(await admin.patch(`/api/units/${b.id}`, { parentId: b.id }), 400, 'unit.cycle');
    expect((await unit(a.id))?.parentId).toBeNull();
    // Moving a branch elsewhere is fine, and so is making a unit top-level again.
    expect((await admin.patch(`/api/units/${c.id}`, { parentId: a.id })).json().parentId).toBe(a.id);
    expect((await admin.patch(`/api/units/${b.id}`, { parentId: null })).json().parentId).toBeNull();
  });

  it('refuses to delete a unit with sub-units; deleting a leaf frees its members', async () => {
    const parent = await createUnit({ name: '總務處' });
    const child = await createUnit({ name: '文書科', parentId: parent.id });
    const member = await makeUser(p, { unitId: child.id });
    expectError(await admin.delete(`/api/units/${parent.id}`), 409, 'unit.has_children');
    expect(await unit(parent.id)).toBeDefined();

    expect((await admin.delete(`/api/units/${child.id}`)).statusCode).toBe(200);
    expect(await unit(child.id)).toBeUndefined();
    expect((await admin.get(`/api/users/${member.id}`)).json().unitId).toBeNull();
    expect((await auditOf(p, child.id)).map((e) => e.action)).toEqual(['unit.created', 'unit.deleted']);
    expect((await admin.delete(`/api/units/${parent.id}`)).statusCode).toBe(200);
    expectError(await admin.delete(`/api/units/${parent.id}`), 404, 'not_found');
  });

  it('creates one unit and answers 409, never 500, when the same code arrives twice at once', async () => {
    const before = await countRows(p, 'units');
    const body = { name: '重複', code: 'DUP-1' };
    const results = await Promise.all([admin.post('/api/units', body), admin.post('/api/units', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await countRows(p, 'units')).toBe(before + 1);
  });

  it('lets a viewer read the profile and units but change neither', async () => {
    const viewer = (await userClient(p, ['viewer'])).client;
    expect((await viewer.get('/api/org')).statusCode).toBe(200);
    expect((await viewer.get('/api/units')).statusCode).toBe(200);
    expectError(await viewer.put('/api/org', { name: '檢視者改的' }), 403, 'auth.forbidden');
    expectError(await viewer.post('/api/units', { name: 'x' }), 403, 'auth.forbidden');
  });
});
