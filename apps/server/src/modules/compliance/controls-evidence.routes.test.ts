import fs from 'node:fs';
import path from 'node:path';
import { MAX_EVIDENCE_BYTES } from '@vigil/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../platform/notify/notify.service.js';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  Client,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { ensureFrameworks, type FrameworkFacts, makeSystem, PNG } from './compliance.testkit.js';

function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes('.tmp'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe.each(testDialects())('applied controls and evidence on %s', (dialect) => {
  let p: TestPlatform;
  let facts: FrameworkFacts;
  let engineer: Client;
  let engineerId: string;
  let auditor: Client;
  let owner: Client;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    facts = await ensureFrameworks(p);
    const e = await userClient(p, ['security_engineer']);
    engineer = e.client;
    engineerId = e.user.id;
    auditor = (await userClient(p, ['auditor'])).client;
    owner = (await userClient(p, ['asset_owner'])).client;
  });
  afterAll(async () => p?.close());

  const upload = (c: Client, query: string, body: Buffer, type = 'application/pdf') =>
    c.request({
      method: 'POST',
      url: `/api/evidence/files?${query}`,
      payload: body,
      headers: { 'content-type': type },
    });

  describe('applied controls', () => {
    it('creates a control with its links, lists it by filter and audits it', async () => {
      const [a] = await facts.annexA();
      const system = await makeSystem(p, '公文系統', 'medium');
      const res = await engineer.post('/api/compliance/controls', {
        name: '多因子驗證',
        category: 'technical',
        status: 'implemented',
        ownerId: engineerId,
        requirements: [{ frameworkKey: 'iso27001-2022', ref: a?.ref }],
        assetIds: [system],
        reviewMonths: 12,
      });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c.code).toMatch(/^CTL-\d{4}$/);
      expect(c.owner.id).toBe(engineerId);
      expect(c.requirements).toEqual([{ frameworkKey: 'iso27001-2022', ref: a?.ref }]);
      expect(c.assets.map((x: { id: string }) => x.id)).toEqual([system]);
      expect(c.nextReviewOn).toBe('2027-06-01');
      expect(c.effectiveness).toBe('not_rated');
      expect((await auditOf(p, c.id)).map((x) => x.action)).toEqual(['applied_control.created']);

      const byRef = await engineer.get(
        `/api/compliance/controls?frameworkKey=iso27001-2022&ref=${encodeURIComponent(a?.ref ?? '')}`,
      );
      expect(byRef.json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
      const byStatus = await auditor.get('/api/compliance/controls?status=planned');
      expect(byStatus.json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    });

    it('records who rated effectiveness and when, and moves the next review', async () => {
      const c = (
        await engineer.post('/api/compliance/controls', {
          name: '備份',
          category: 'process',
          reviewMonths: 6,
        })
      ).json();
      const res = await engineer.patch(`/api/compliance/controls/${c.id}`, {
        effectiveness: 'partially_effective',
      });
      expect(res.statusCode, res.body).toBe(200);
      const rated = res.json();
      expect(rated.effectiveness).toBe('partially_effective');
      expect(rated.effectivenessRatedBy.id).toBe(engineerId);
      expect(rated.effectivenessRatedAt).toBe(p.clock.now().toISOString());
      expect(rated.nextReviewOn).toBe('2026-12-01');
      const audit = await auditOf(p, c.id);
      expect(audit.map((x) => x.action)).toEqual(['applied_control.created', 'applied_control.rated']);
      expect(audit[1]?.details.changes).toMatchObject({ effectiveness: 'partially_effective' });
    });

    it('refuses unknown requirements, duplicate codes and callers without permission, changing nothing', async () => {
      expectError(
        await engineer.post('/api/compliance/controls', {
          name: 'x',
          category: 'policy',
          requirements: [{ frameworkKey: 'iso27001-2022', ref: 'Z.99' }],
        }),
        400,
        'compliance.unknown_requirement',
      );
      expectError(
        await engineer.post('/api/compliance/controls', { name: 'x', category: 'nonsense' }),
        400,
        'validation.failed',
      );
      await engineer.post('/api/compliance/controls', { code: 'POL-1', name: 'Policy', category: 'policy' });
      expectError(
        await engineer.post('/api/compliance/controls', { code: 'POL-1', name: 'Again', category: 'policy' }),
        409,
        'compliance.control_code_taken',
      );
      expectError(
        await auditor.post('/api/compliance/controls', { name: 'x', category: 'policy' }),
        403,
        'auth.forbidden',
      );
      expectError(await owner.get('/api/compliance/controls'), 403, 'auth.forbidden');
      expectError(await new Client(p.app).get('/api/compliance/controls'), 401, 'auth.unauthenticated');
      const names = (await engineer.get('/api/compliance/controls'))
        .json()
        .items.map((x: { name: string }) => x.name);
      expect(names).not.toContain('x');
      expect(names).not.toContain('Again');
    });
  });

  describe('evidence', () => {
    it('judges the file type by content, keeps it by hash and serves it as an attachment', async () => {
      const res = await upload(engineer, 'title=Scan%20report&fileName=..%2F..%2Freport.pdf', PNG);
      expect(res.statusCode, res.body).toBe(201);
      const ev = res.json();
      expect(ev.kind).toBe('file');
      expect(ev.contentType).toBe('image/png');
      // The path is dropped, and the name gets the extension of what the bytes are.
      expect(ev.fileName).toBe('report.pdf.png');
      expect(ev.size).toBe(PNG.length);
      expect(ev.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(ev.status).toBe('no_expiry');
      expect(ev.createdBy.id).toBe(engineerId);
      expect(storedFiles(p.services.blobs.dir).some((f) => f.endsWith(ev.sha256))).toBe(true);

      const dl = await auditor.get(`/api/evidence/${ev.id}/content`);
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('image/png');
      expect(String(dl.headers['content-disposition'])).toMatch(/^attachment;/);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(dl.rawPayload.equals(PNG)).toBe(true);
      // People who work obligations may add evidence too.
      expect(
        (await upload(owner, 'title=Drill&fileName=drill.txt', Buffer.from('drill log\n'), 'text/plain'))
          .statusCode,
      ).toBe(201);
    });

    it('refuses a file over the limit with 413 and keeps nothing', async () => {
      const before = (await engineer.get('/api/evidence')).json().items.length;
      const files = storedFiles(p.services.blobs.dir).length;
      const res = await upload(
        engineer,
        'title=Huge&fileName=huge.pdf',
        Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x41),
      );
      expect(res.statusCode).toBe(413);
      expect((await engineer.get('/api/evidence')).json().items.length).toBe(before);
      expect(storedFiles(p.services.blobs.dir).length).toBe(files);
    });

    it('refuses empty files, unknown binaries and bad queries', async () => {
      expectError(
        await upload(engineer, 'title=Empty&fileName=e.pdf', Buffer.alloc(0)),
        400,
        'evidence.empty_file',
      );
      expectError(
        await upload(engineer, 'title=Bin&fileName=x.pdf', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7])),
        415,
        'file.type_not_allowed',
      );
      expectError(await upload(engineer, 'title=NoName', PNG), 400, 'validation.failed');
      expectError(await upload(engineer, 'title=x&fileName=..%2F', PNG), 400, 'evidence.bad_file_name');
      expectError(await upload(auditor, 'title=x&fileName=a.png', PNG), 403, 'auth.forbidden');
    });

    it('accepts http(s) links and records that exist, nothing else', async () => {
      const link = await engineer.post('/api/evidence', {
        kind: 'link',
        title: 'Pentest report',
        url: 'https://intra.example.tw/reports/2026-pt',
        validUntil: '2027-01-31',
      });
      expect(link.statusCode, link.body).toBe(201);
      expect(link.json().url).toBe('https://intra.example.tw/reports/2026-pt');
      for (const url of ['javascript:alert(1)', 'ftp://files.example.tw/x', 'not a url'])
        expectError(
          await engineer.post('/api/evidence', { kind: 'link', title: 'x', url }),
          400,
          'validation.failed',
        );
      expectError(
        await engineer.post('/api/evidence', { kind: 'link', title: 'x' }),
        400,
        'validation.failed',
      );
      expectError(
        await engineer.post('/api/evidence', {
          kind: 'record',
          title: 'x',
          recordType: 'spaceship',
          recordId: 'abc',
        }),
        400,
        'evidence.unknown_record_type',
      );
      expectError(
        await engineer.post('/api/evidence', {
          kind: 'record',
          title: 'x',
          recordType: 'asset',
          recordId: '00000000-0000-4000-8000-000000000000',
        }),
        400,
        'evidence.record_not_found',
      );
      const system = await makeSystem(p, 'HR 系統', null);
      const rec = await engineer.post('/api/evidence', {
        kind: 'record',
        title: 'System',
        recordType: 'asset',
        recordId: system,
      });
      expect(rec.statusCode, rec.body).toBe(201);
      expectError(await engineer.get(`/api/evidence/${rec.json().id}/content`), 400, 'evidence.not_a_file');
    });

    it('flags evidence expiring within 30 days, then expired, and reminds the owner twice', async () => {
      const ev = (
        await engineer.post('/api/evidence', {
          kind: 'link',
          title: 'Firewall review',
          url: 'https://intra.example.tw/fw',
          validUntil: '2026-07-14',
        })
      ).json();
      expect(ev.status).toBe('valid'); // 2026-06-01: 43 days left
      const sent: Notice[] = [];
      const queue = p.services.notify.queue.bind(p.services.notify);
      p.services.notify.queue = async (trx, n) => {
        sent.push(n);
        await queue(trx, n);
      };
      const day = 24 * 60;
      const mine = () => sent.filter((n) => n.link?.endsWith(ev.id));
      expect(await p.services.compliance.evidence.get(ev.id)).toMatchObject({ status: 'valid' });
      p.clock.advanceMinutes(day * 13); // 2026-06-14: 30 days left
      await p.services.compliance.notifyExpiringEvidence();
      expect((await p.services.compliance.evidence.get(ev.id)).status).toBe('expiring');
      expect(mine().map((n) => n.kind)).toEqual(['evidence.expiring']);
      expect(mine()[0]?.to).toEqual([engineerId]);
      p.clock.advanceMinutes(day);
      await p.services.compliance.notifyExpiringEvidence();
      expect(mine()).toHaveLength(1);
      p.clock.advanceMinutes(day * 29); // 2026-07-14: the last valid day
      await p.services.compliance.notifyExpiringEvidence();
      expect(mine().map((n) => n.kind)).toEqual(['evidence.expiring', 'evidence.lapses_tomorrow']);
      expect(new Set(mine().map((n) => n.dedupeKey)).size).toBe(2);
      p.clock.advanceMinutes(day);
      expect((await p.services.compliance.evidence.get(ev.id)).status).toBe('expired');
      expect(await p.services.compliance.evidence.counts()).toMatchObject({ expired: expect.any(Number) });
      expect((await p.services.compliance.evidence.counts()).expired).toBeGreaterThanOrEqual(1);
      p.services.notify.queue = queue;
    });
  });
});
