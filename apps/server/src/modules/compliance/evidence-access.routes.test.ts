// Who sees which evidence: the evidence routes open to obligations.work holders (asset owners), who must
// see only what they created, own or what is linked to their own tasks; downloads are in the audit trail;
// uploaded names cannot hide what a file is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  createTestPlatform,
  expectError,
  makeRole,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { insertTestFramework, TEST_FRAMEWORK } from '../obligations/obligations.testkit.js';
import { PNG } from './compliance.testkit.js';

describe.each(testDialects())('evidence visibility and downloads on %s', (dialect) => {
  let p: TestPlatform;
  let engineer: Client;
  let auditor: Client;
  let obligationsReader: Client;
  let ownerA: { client: Client; user: { id: string } };
  let ownerB: { client: Client; user: { id: string } };
  let engineerLink: string;
  let linkedToA: string;
  let fileOfA: string;
  let linkOfB: string;
  let ownedByA: string;
  let taskOfA: string;

  const upload = (c: Client, query: string, body: Buffer, type = 'application/octet-stream') =>
    c.request({
      method: 'POST',
      url: `/api/evidence/files?${query}`,
      payload: body,
      headers: { 'content-type': type },
    });
  const link = async (c: Client, title: string, extra: Record<string, unknown> = {}) => {
    const res = await c.post('/api/evidence', {
      kind: 'link',
      title,
      url: 'https://intra.example.tw/x',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const ids = async (c: Client, query = '') => {
    const res = await c.get(`/api/evidence${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: string }[]).map((x) => x.id).sort();
  };

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    await insertTestFramework(p);
    const admin = (await userClient(p, ['admin'])).client;
    const e = await userClient(p, ['security_engineer']);
    engineer = e.client;
    auditor = (await userClient(p, ['auditor'])).client;
    obligationsReader = (await userClient(p, [await makeRole(p, ['obligations.read'])])).client;
    ownerA = await userClient(p, ['asset_owner']);
    ownerB = await userClient(p, ['asset_owner']);

    expect((await admin.put('/api/org', { responsibilityLevel: 'B' })).statusCode).toBe(200);
    await engineer.patch('/api/obligations/profile', { frameworksInUse: [TEST_FRAMEWORK] });
    expect((await engineer.post('/api/obligations/generate')).statusCode).toBe(200);
    const open = (await engineer.get('/api/obligation-tasks?status=open&limit=1')).json().items;
    taskOfA = open[0].id;
    await engineer.patch(`/api/obligation-tasks/${taskOfA}`, { ownerId: ownerA.user.id });

    engineerLink = await link(engineer, 'Firewall rule review');
    linkedToA = await link(engineer, 'Scanner licence');
    ownedByA = await link(engineer, 'Owner’s drill record', { ownerId: ownerA.user.id });
    const linked = await engineer.post(`/api/obligation-tasks/${taskOfA}/evidence`, {
      evidenceId: linkedToA,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const f = await upload(ownerA.client, 'title=Scan&fileName=scan.txt', Buffer.from('scan ok\n'));
    expect(f.statusCode, f.body).toBe(201);
    fileOfA = f.json().id;
    linkOfB = await link(ownerB.client, 'B’s training list');
  });
  afterAll(async () => p?.close());

  it('an obligations.work holder lists only evidence they created, own or that is linked to their tasks', async () => {
    expect(await ids(ownerA.client)).toEqual([fileOfA, linkedToA, ownedByA].sort());
    expect(await ids(ownerB.client)).toEqual([linkOfB]);
    expect(await ids(ownerB.client, '?kind=link')).toEqual([linkOfB]);
    expect(await ids(ownerB.client, `?q=${encodeURIComponent('Firewall')}`)).toEqual([]);
  });

  it('someone else’s evidence does not exist for them: item and content answer 404', async () => {
    for (const id of [engineerLink, linkedToA, fileOfA]) {
      expectError(await ownerB.client.get(`/api/evidence/${id}`), 404, 'not_found');
      expectError(await ownerB.client.get(`/api/evidence/${id}/content`), 404, 'not_found');
    }
    expect((await ownerA.client.get(`/api/evidence/${linkedToA}`)).statusCode).toBe(200);
    expect((await ownerA.client.get(`/api/evidence/${fileOfA}/content`)).statusCode).toBe(200);
  });

  it('compliance and obligations readers see the whole store', async () => {
    const all = [engineerLink, linkedToA, fileOfA, linkOfB, ownedByA].sort();
    for (const c of [engineer, auditor, obligationsReader]) {
      const seen = await ids(c);
      expect(all.filter((x) => seen.includes(x))).toEqual(all);
    }
    expect((await obligationsReader.get(`/api/evidence/${linkOfB}`)).statusCode).toBe(200);
  });

  it('a download of an evidence file is recorded in the audit trail', async () => {
    const res = await auditor.get(`/api/evidence/${fileOfA}/content`);
    expect(res.statusCode).toBe(200);
    const entry = (await auditOf(p, fileOfA)).filter((x) => x.action === 'evidence.downloaded').at(-1);
    expect(entry?.outcome).toBe('success');
    expect(entry?.details).toMatchObject({ fileName: 'scan.txt', sha256: expect.any(String) });
  });

  it('uploaded names cannot traverse, hide characters or lie about the type', async () => {
    const name = encodeURIComponent('..\\..\\invoice\u202Etxt.hta\u0007');
    const res = await upload(engineer, `title=Tricky&fileName=${name}`, Buffer.from('<script>x</script>\n'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fileName).toBe('invoicetxt.hta.txt');
    const dl = await engineer.get(`/api/evidence/${res.json().id}/content`);
    expect(String(dl.headers['content-disposition'])).toBe(
      `attachment; filename="invoicetxt.hta.txt"; filename*=UTF-8''invoicetxt.hta.txt`,
    );
    const png = await upload(engineer, 'title=Logo&fileName=logo.svg', PNG);
    expect(png.json().fileName).toBe('logo.svg.png');
  });
});
