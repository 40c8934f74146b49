import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  Client,
  createTestPlatform,
  expectError,
  makeRole,
  makeUser,
  signIn,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { insertEvidence, insertTestFramework, TEST_FRAMEWORK } from './obligations.testkit.js';

interface Task {
  id: string;
  ref: string;
  kind: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  owner: { id: string } | null;
  can: { complete: boolean };
}

describe.each(testDialects())('obligations calendar on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  let engineer: Client;
  let engineerId: string;
  let auditor: Client;

  const tasks = async (c: Client, query = 'status=open&limit=1000'): Promise<Task[]> => {
    const res = await c.get(`/api/obligation-tasks?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const byRef = (list: Task[]) => {
    const out: Record<string, string[]> = {};
    for (const t of list) out[t.ref] = [...(out[t.ref] ?? []), t.dueOn];
    return out;
  };

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    await insertTestFramework(p);
    const a = await userClient(p, ['admin']);
    admin = a.client;
    const e = await userClient(p, ['security_engineer']);
    engineer = e.client;
    engineerId = e.user.id;
    auditor = (await userClient(p, ['auditor'])).client;
  });
  afterAll(async () => p?.close());

  it('asks for the level first and refuses to generate without it', async () => {
    const res = await engineer.get('/api/obligations/profile');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      level: null,
      anchorOn: null,
      timeZone: 'Asia/Taipei',
      today: '2026-06-01',
    });
    expectError(await engineer.post('/api/obligations/generate'), 400, 'obligation.level_not_set');
  });

  it('level B gives the expected obligations and dated tasks', async () => {
    expect((await admin.put('/api/org', { responsibilityLevel: 'B' })).statusCode).toBe(200);
    const prof = await engineer.patch('/api/obligations/profile', {
      frameworksInUse: [TEST_FRAMEWORK],
      defaultOwnerId: engineerId,
    });
    expect(prof.statusCode, prof.body).toBe(200);
    // The anchor defaults to the day the level was set (in Taipei).
    expect(prof.json()).toMatchObject({
      level: 'B',
      anchorOn: '2026-06-01',
      anchorIsDefault: true,
      needsRefresh: true,
    });

    const gen = await engineer.post('/api/obligations/generate');
    expect(gen.statusCode, gen.body).toBe(200);
    expect(gen.json().obligations).toMatchObject({ added: 8, active: 8 });

    const open = await tasks(auditor);
    const refs = byRef(open);
    expect(refs.IA).toEqual(['2027-06-01', '2028-06-01']); // internal audit once a year
    expect(refs.VS).toEqual(['2027-06-01', '2028-06-01']); // vulnerability scan once a year
    expect(refs.PT).toEqual(['2028-06-01']); // penetration test every two years
    expect(refs.SE).toEqual(['2026-12-01', '2027-06-01', '2027-12-01', '2028-06-01']); // twice a year
    expect(refs.SOC).toHaveLength(24); // monthly, by the 5th
    expect(refs.SOC?.[0]).toBe('2026-06-05');
    expect(refs.SOC?.[7]).toBe('2027-01-05');
    expect(refs.SOC?.every((d) => d.endsWith('-05'))).toBe(true);
    expect(refs.EDR).toEqual(['2027-06-01']); // within a year
    expect(refs.TR).toEqual(['2027-06-01', '2028-06-01']);
    expect(refs.RA).toBeUndefined(); // every 3 years: beyond the 24-month horizon
    expect(gen.json().tasks).toMatchObject({ created: open.length, cancelled: 0 });
    expect(open.every((t) => t.owner?.id === engineerId)).toBe(true);

    const soc = open.find((t) => t.ref === 'SOC');
    const detail = await auditor.get(`/api/obligation-tasks/${soc?.id}`);
    expect(detail.json()).toMatchObject({
      titleZh: 'SOC 每月設備狀態表',
      dueAt: '2026-06-05T15:59:59.000Z',
      schedule: { kind: 'monthly', day: 5 },
    });
    const trail = await auditOf(p, 'org');
    expect(trail.map((x) => x.action)).toContain('obligation.calendar_generated');
  });

  it('refreshing is idempotent', async () => {
    const before = await tasks(auditor, 'limit=1000');
    const again = await engineer.post('/api/obligations/generate');
    expect(again.json().tasks).toMatchObject({ created: 0, cancelled: 0, reopened: 0, kept: before.length });
    expect(again.json().obligations).toMatchObject({ added: 0, updated: 0, retired: 0 });
    expect((await tasks(auditor, 'limit=1000')).map((t) => t.id).sort()).toEqual(
      before.map((t) => t.id).sort(),
    );
  });

  it('completing needs evidence; with evidence the task is done and recorded', async () => {
    const [first] = await tasks(engineer, 'kind=soc_monthly_report&status=open');
    if (!first) throw new Error('no SOC task');
    expectError(
      await engineer.post(`/api/obligation-tasks/${first.id}/complete`, {}),
      400,
      'obligation.evidence_required',
    );
    expect((await auditor.get(`/api/obligation-tasks/${first.id}`)).json().status).toBe('open');
    expectError(
      await engineer.post(`/api/obligation-tasks/${first.id}/evidence`, { evidenceId: crypto.randomUUID() }),
      400,
      'obligation.evidence_unknown',
    );
    const ev = await insertEvidence(p, 'June device-status form');
    const linked = await engineer.post(`/api/obligation-tasks/${first.id}/evidence`, { evidenceId: ev });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().evidence).toEqual([
      expect.objectContaining({ id: ev, title: 'June device-status form' }),
    ]);
    const done = await engineer.post(`/api/obligation-tasks/${first.id}/complete`, { note: 'sent to N-SOC' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      completionNote: 'sent to N-SOC',
      completedBy: { id: engineerId },
    });
    expectError(
      await engineer.post(`/api/obligation-tasks/${first.id}/complete`, {}),
      409,
      'obligation.not_open',
    );
    const trail = (await auditOf(p, first.id)).map((x) => x.action);
    expect(trail).toEqual([
      'obligation_task.created',
      'obligation_task.evidence_linked',
      'obligation_task.completed',
    ]);
  });

  it('owners see and complete only their own tasks; managers assign', async () => {
    const owner = await makeUser(p, { roles: ['asset_owner'] });
    const other = await makeUser(p, { roles: ['asset_owner'] });
    const ownerClient = await signIn(p, owner.username, owner.password);
    const otherClient = await signIn(p, other.username, other.password);
    const [scan] = await tasks(engineer, 'kind=vulnerability_scan&status=open');
    if (!scan) throw new Error('no scan task');
    expect(await tasks(ownerClient)).toEqual([]);
    expectError(
      await engineer.patch(`/api/obligation-tasks/${scan.id}`, { ownerId: crypto.randomUUID() }),
      400,
      'obligation.unknown_user',
    );
    const assigned = await engineer.patch(`/api/obligation-tasks/${scan.id}`, {
      ownerId: owner.id,
      dueOn: '2027-05-20',
    });
    expect(assigned.json()).toMatchObject({
      owner: { id: owner.id },
      dueOn: '2027-05-20',
      scheduledOn: '2027-06-01',
    });
    expectError(
      await ownerClient.patch(`/api/obligation-tasks/${scan.id}`, { ownerId: other.id }),
      403,
      'auth.forbidden',
    );

    const mine = await tasks(ownerClient);
    expect(mine.map((t) => t.id)).toEqual([scan.id]);
    expect(mine[0]?.can.complete).toBe(true);
    // Someone else's task does not exist for a work-only caller.
    expectError(await otherClient.get(`/api/obligation-tasks/${scan.id}`), 404, 'not_found');
    expectError(await otherClient.post(`/api/obligation-tasks/${scan.id}/complete`, {}), 404, 'not_found');
    // A reader who is not the owner may look but not complete.
    const ev = await insertEvidence(p, 'Scan report', owner.id);
    expectError(
      await auditor.post(`/api/obligation-tasks/${scan.id}/evidence`, { evidenceId: ev }),
      403,
      'auth.forbidden',
    );
    const reader = await signIn(p, ...(await makeReaderWorker(p)));
    expectError(
      await reader.post(`/api/obligation-tasks/${scan.id}/evidence`, { evidenceId: ev }),
      403,
      'obligation.not_owner',
    );

    expect(
      (await ownerClient.post(`/api/obligation-tasks/${scan.id}/evidence`, { evidenceId: ev })).statusCode,
    ).toBe(200);
    const done = await ownerClient.post(`/api/obligation-tasks/${scan.id}/complete`, {});
    expect(done.json()).toMatchObject({ status: 'done', completedBy: { id: owner.id } });
    const summary = await ownerClient.get('/api/obligations/summary');
    expect(summary.json()).toMatchObject({ overdue: 0, dueSoon: 0, items: [] });
  });

  it('a level change cancels what no longer applies, adds the new items and keeps done tasks', async () => {
    const doneBefore = await tasks(auditor, 'status=done');
    expect(doneBefore).toHaveLength(2);
    expect((await admin.put('/api/org', { responsibilityLevel: 'C' })).statusCode).toBe(200);
    // The date level C took effect is set by hand: the same as B's, so recurring slots line up.
    expect(
      (await engineer.patch('/api/obligations/profile', { anchorOn: '2026-06-01' })).json(),
    ).toMatchObject({
      level: 'C',
      anchorIsDefault: false,
      needsRefresh: true,
    });
    const gen = await engineer.post('/api/obligations/generate');
    expect(gen.statusCode, gen.body).toBe(200);
    expect(gen.json().obligations).toMatchObject({ retired: 2, active: 6 }); // SOC and EDR not required at C
    const refs = byRef(await tasks(auditor));
    expect(refs.IA).toEqual(['2028-06-01']);
    expect(refs.VS).toEqual(['2028-06-01']);
    expect(refs.SOC).toBeUndefined();
    expect(refs.EDR).toBeUndefined();
    expect(refs.SE).toHaveLength(4);
    const cancelled = await tasks(auditor, 'status=cancelled&limit=1000');
    expect(cancelled.length).toBe(gen.json().tasks.cancelled);
    expect(cancelled.map((t) => t.ref)).toContain('IA');
    expect(cancelled.filter((t) => t.ref === 'SOC')).toHaveLength(23);
    // Done tasks stay done, whatever the level.
    expect((await tasks(auditor, 'status=done')).map((t) => t.id).sort()).toEqual(
      doneBefore.map((t) => t.id).sort(),
    );
    const trail = (await auditOf(p, cancelled[0]?.id ?? '')).map((x) => x.action);
    expect(trail).toContain('obligation_task.cancelled');

    // Back to B: the cancelled tasks come back (reopened), nothing is duplicated.
    await admin.put('/api/org', { responsibilityLevel: 'B' });
    await engineer.patch('/api/obligations/profile', { anchorOn: '2026-06-01' });
    const back = await engineer.post('/api/obligations/generate');
    expect(back.json().tasks.created).toBe(0);
    expect(back.json().tasks.reopened).toBeGreaterThan(20);
    expect(byRef(await tasks(auditor)).SOC).toHaveLength(23);
  });

  it('401 without a session, 403 without permission, 400 for bad input', async () => {
    const anon = await signIn(p, ...(await viewer(p)));
    expectError(await new Client(p.app).get('/api/obligation-tasks'), 401, 'auth.unauthenticated');
    expectError(await anon.get('/api/obligation-tasks'), 403, 'auth.forbidden');
    expectError(await anon.get('/api/obligations/summary'), 403, 'auth.forbidden');
    expectError(await auditor.post('/api/obligations/generate'), 403, 'auth.forbidden');
    expectError(await engineer.get('/api/obligation-tasks?status=late'), 400, 'validation.failed');
    expectError(
      await engineer.patch('/api/obligations/profile', { anchorOn: '2026-02-30' }),
      400,
      'validation.failed',
    );
    expectError(
      await engineer.patch('/api/obligations/profile', { anchorOn: '2030-01-01' }),
      400,
      'obligation.anchor_in_future',
    );
    expectError(
      await engineer.patch('/api/obligations/profile', { frameworksInUse: ['nope'] }),
      400,
      'obligation.unknown_framework',
    );
    expectError(
      await engineer.patch(`/api/obligation-tasks/${crypto.randomUUID()}`, { dueOn: '2027-01-01' }),
      404,
      'not_found',
    );
  });
});

async function makeReaderWorker(p: TestPlatform): Promise<[string, string]> {
  const role = await makeRole(p, ['obligations.read', 'obligations.work']);
  const u = await makeUser(p, { roles: [role] });
  return [u.username, u.password];
}

async function viewer(p: TestPlatform): Promise<[string, string]> {
  const u = await makeUser(p, { roles: ['viewer'] });
  return [u.username, u.password];
}
