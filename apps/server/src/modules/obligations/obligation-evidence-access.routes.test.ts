// A task owner who holds only obligations.work may attach their own evidence to their task, but not
// someone else's: linking it would show it to them through the task (and through the evidence routes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  type Client,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { insertEvidence, insertTestFramework, TEST_FRAMEWORK } from './obligations.testkit.js';

describe.each(testDialects())('linking evidence to obligation tasks on %s', (dialect) => {
  let p: TestPlatform;
  let engineer: Client;
  let owner: { client: Client; user: { id: string } };
  let taskId: string;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    await insertTestFramework(p);
    const admin = (await userClient(p, ['admin'])).client;
    engineer = (await userClient(p, ['security_engineer'])).client;
    owner = await userClient(p, ['asset_owner']);
    expect((await admin.put('/api/org', { responsibilityLevel: 'B' })).statusCode).toBe(200);
    await engineer.patch('/api/obligations/profile', { frameworksInUse: [TEST_FRAMEWORK] });
    expect((await engineer.post('/api/obligations/generate')).statusCode).toBe(200);
    taskId = (await engineer.get('/api/obligation-tasks?status=open&limit=1')).json().items[0].id;
    await engineer.patch(`/api/obligation-tasks/${taskId}`, { ownerId: owner.user.id });
  });
  afterAll(async () => p?.close());

  it('someone else’s evidence is unknown to a work-only owner and stays hidden', async () => {
    const foreign = await insertEvidence(p, 'HR salary export');
    expectError(
      await owner.client.post(`/api/obligation-tasks/${taskId}/evidence`, { evidenceId: foreign }),
      400,
      'obligation.evidence_unknown',
    );
    const detail = (await owner.client.get(`/api/obligation-tasks/${taskId}`)).json();
    expect(detail.evidence).toEqual([]);
    expectError(await owner.client.get(`/api/evidence/${foreign}`), 404, 'not_found');
  });

  it('their own evidence links; a manager may link anything', async () => {
    const mine = await insertEvidence(p, 'My scan', owner.user.id);
    const res = await owner.client.post(`/api/obligation-tasks/${taskId}/evidence`, { evidenceId: mine });
    expect(res.statusCode, res.body).toBe(200);
    const other = await insertEvidence(p, 'Vendor report');
    const byManager = await engineer.post(`/api/obligation-tasks/${taskId}/evidence`, { evidenceId: other });
    expect(byManager.statusCode, byManager.body).toBe(200);
    // Linked to the owner's task by the manager, it is now theirs to see.
    expect((await owner.client.get(`/api/evidence/${other}`)).statusCode).toBe(200);
  });
});
