import { expect } from 'vitest';
import type { Notice } from '../../platform/notify/notify.service.js';
import { type Client, makeRole, signIn, type TestPlatform, userClient } from '../../test/harness.js';

/** The people of a document workflow test: a document manager, two reviewers, an approver and a bystander. */
export async function documentCast(p: TestPlatform) {
  const manager = await userClient(p, [await makeRole(p, ['documents.read', 'documents.manage'])]);
  const reviewer = await userClient(p, ['viewer']);
  const reviewer2 = await userClient(p, ['viewer']);
  const approverRole = await makeRole(p, ['documents.read', 'documents.approve']);
  const approver = await userClient(p, [approverRole]);
  const otherApprover = await userClient(p, [approverRole]);
  const reader = await userClient(p, [await makeRole(p, ['documents.read'])]);
  const bystander = await userClient(p, ['viewer']);
  return { manager, reviewer, reviewer2, approver, otherApprover, reader, bystander, approverRole };
}

/** Every notice queued from now on (the delivery worker is another slice's). */
export function captureNotices(p: TestPlatform): Notice[] {
  const queued: Notice[] = [];
  p.services.notify.queue = async (_trx, notice) => {
    queued.push(notice);
  };
  return queued;
}

export async function createDocument(c: Client, ownerId: string, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/documents', { title: '資訊安全政策', levelId: 'policy', ownerId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

export async function draft(
  c: Client,
  documentId: string,
  body: string,
  format: 'markdown' | 'file' = 'markdown',
) {
  const res = await c.post(`/api/documents/${documentId}/versions`, { format, body, changeSummary: 'first' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

/** Takes a Markdown draft all the way to published with the given reviewer and approver. */
export async function publishVersion(
  c: Awaited<ReturnType<typeof documentCast>>,
  versionId: string,
  distribute?: { userIds?: string[]; roleIds?: string[] },
) {
  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);
  ok(
    await c.manager.client.post(`/api/document-versions/${versionId}/submit`, {
      reviewerIds: [c.reviewer.user.id],
      approverIds: [c.approver.user.id],
    }),
  );
  ok(await c.reviewer.client.post(`/api/document-versions/${versionId}/review`, { decision: 'approve' }));
  ok(await c.approver.client.post(`/api/document-versions/${versionId}/approval`, { decision: 'approve' }));
  const res = await c.manager.client.post(
    `/api/document-versions/${versionId}/publish`,
    distribute ? { distribute } : {},
  );
  ok(res);
  return res.json();
}

/** Signs every member of the cast in again (after the clock moved past the session lifetime). */
export async function signInAgain(p: TestPlatform, cast: Record<string, unknown>): Promise<void> {
  for (const member of Object.values(cast)) {
    if (typeof member !== 'object' || member === null || !('client' in member) || !('user' in member))
      continue;
    const m = member as { user: { username: string; password: string }; client: Client };
    m.client = await signIn(p, m.user.username, m.user.password);
  }
}
