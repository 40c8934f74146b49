import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../platform/context.js';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  createTestPlatform,
  expectError,
  makeRole,
  makeUser,
  signIn,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { DEFAULT_METHODOLOGY } from './risk-methodology.js';

const PDFTOTEXT = process.env.VIGIL_TEST_PDFTOTEXT ?? '/usr/bin/pdftotext';
const havePdftotext = fs.existsSync(PDFTOTEXT);
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-risk-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'r.pdf'), pdf);
    return execFileSync(PDFTOTEXT, ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const M = (likelihood: number, impact: number) => ({ kind: 'matrix' as const, likelihood, impact });

describe.each(testDialects())('risk management on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  let engineer: Client;
  let auditor: Client;
  let owner: { id: string; username: string; password: string };
  let ownerClient: Client;
  let other: { id: string; username: string; password: string };
  let otherClient: Client;
  let unitA: string;
  let assetA: string;
  let assetB: string;
  let assessmentId: string;

  const people: Record<string, { username: string; password: string }> = {};
  /** Moving the clock by weeks ends the sessions; everyone signs in again. */
  async function signInAll() {
    admin = await signIn(p, people.admin?.username ?? '', people.admin?.password ?? '');
    engineer = await signIn(p, people.engineer?.username ?? '', people.engineer?.password ?? '');
    auditor = await signIn(p, people.auditor?.username ?? '', people.auditor?.password ?? '');
    ownerClient = await signIn(p, owner.username, owner.password);
    otherClient = await signIn(p, other.username, other.password);
  }

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    people.admin = await makeUser(p, { roles: ['admin'] });
    people.engineer = await makeUser(p, { roles: ['security_engineer'] });
    people.auditor = await makeUser(p, { roles: ['auditor'] });
    admin = await signIn(p, people.admin.username, people.admin.password);
    engineer = await signIn(p, people.engineer.username, people.engineer.password);
    auditor = await signIn(p, people.auditor.username, people.auditor.password);
    owner = await makeUser(p, { roles: ['asset_owner'] });
    ownerClient = await signIn(p, owner.username, owner.password);
    other = await makeUser(p, { roles: ['asset_owner'] });
    otherClient = await signIn(p, other.username, other.password);
    const ctx = cliContext('test');
    unitA = (await p.services.org.createUnit(ctx, { name: '資訊室' })).id;
    assetA = (
      await p.services.assets.create(ctx, { name: '公文管理系統', type: 'information_system', unitId: unitA })
    ).id;
    assetB = (await p.services.assets.create(ctx, { name: '核心交換器', type: 'network_device' })).id;
  });
  afterAll(async () => p?.close());

  const threats = async () => (await engineer.get('/api/risk-threats')).json().items;
  const vulns = async () => (await engineer.get('/api/risk-vulnerabilities')).json().items;

  it('ships an approved 5×5 methodology and a bilingual catalogue', async () => {
    const res = await auditor.get('/api/risk-methodologies/current');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, status: 'approved', type: 'matrix' });
    expect(res.json().definition.matrix).toHaveLength(5);
    expect(res.json().definition.levels.map((l: { zh: string }) => l.zh)).toEqual(['低', '中', '高', '極高']);
    const t = await threats();
    expect(t.length).toBeGreaterThanOrEqual(20);
    expect(t.find((x: { code: string }) => x.code === 'T-03')).toMatchObject({
      nameZh: '勒索軟體',
      nameEn: 'Ransomware',
    });
    expect((await vulns()).length).toBeGreaterThanOrEqual(25);
  });

  it('keeps catalogue edits when seeding again and refuses to delete an entry in use', async () => {
    const t3 = (await threats()).find((x: { code: string }) => x.code === 'T-03');
    expect(
      (await engineer.patch(`/api/risk-threats/${t3.id}`, { nameEn: 'Ransomware attack' })).statusCode,
    ).toBe(200);
    const t4 = (await threats()).find((x: { code: string }) => x.code === 'T-04');
    expect((await engineer.delete(`/api/risk-threats/${t4.id}`)).statusCode).toBe(200);
    // A fresh service on the same database seeds again: nothing overwritten, nothing resurrected.
    const { RiskService } = await import('./risks.service.js');
    const again = new RiskService(
      p.services.db,
      p.services.audit,
      p.services.settings,
      p.services.assets,
      p.clock,
    );
    await again.ready();
    const after = await threats();
    expect(after.find((x: { code: string }) => x.code === 'T-03').nameEn).toBe('Ransomware attack');
    expect(after.find((x: { code: string }) => x.code === 'T-04')).toBeUndefined();
    expectError(
      await auditor.post('/api/risk-threats', {
        code: 'T-99',
        nameEn: 'x',
        nameZh: 'x',
        category: 'technical',
      }),
      403,
      'auth.forbidden',
    );
  });

  it('validates and approves a new methodology; the old assessment keeps its version', async () => {
    const a = await engineer.post('/api/risk-assessments', {
      title: '114 年度風險評估',
      scopeUnitIds: [unitA],
      scopeAssetIds: [assetB],
    });
    expect(a.statusCode, a.body).toBe(201);
    assessmentId = a.json().id;
    expect(a.json().methodology.version).toBe(1);
    const bad = await admin.post('/api/risk-methodologies', {
      name: 'bad',
      definition: {
        ...DEFAULT_METHODOLOGY,
        matrix: DEFAULT_METHODOLOGY.matrix.map((r) => r.map(() => 'oops')),
      },
    });
    expectError(bad, 400, 'risk.methodology_invalid');
    expect(bad.json().error.details.problems.length).toBe(25);
    const draft = await admin.post('/api/risk-methodologies', {
      name: 'v2 3×3',
      definition: {
        ...DEFAULT_METHODOLOGY,
        likelihood: DEFAULT_METHODOLOGY.likelihood.slice(0, 3),
        impact: DEFAULT_METHODOLOGY.impact.slice(0, 3),
        matrix: [
          ['low', 'low', 'medium'],
          ['low', 'medium', 'high'],
          ['medium', 'high', 'very_high'],
        ],
      },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ version: 2, status: 'draft' });
    expectError(
      await engineer.post(`/api/risk-methodologies/${draft.json().id}/approve`, {}),
      403,
      'auth.forbidden',
    );
    const approved = await admin.post(`/api/risk-methodologies/${draft.json().id}/approve`, { note: 'ok' });
    expect(approved.json()).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    const list = (await admin.get('/api/risk-methodologies')).json().items;
    expect(list.map((m: { status: string }) => m.status)).toEqual(['approved', 'superseded']);
    expectError(
      await admin.patch(`/api/risk-methodologies/${draft.json().id}`, { name: 'x' }),
      409,
      'risk.methodology_not_draft',
    );
    // The assessment made with v1 still rates on the 5×5 scale.
    const s = await engineer.post(`/api/risk-assessments/${assessmentId}/scenarios`, {
      assetIds: [assetA],
      inherent: M(5, 5),
      ownerId: owner.id,
    });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json()).toMatchObject({
      methodology: { version: 1 },
      methodologyOutdated: true,
      inherent: { level: { key: 'very_high' } },
    });
    // Re-assessing moves it to v2 and records both levels.
    const re = await engineer.post(`/api/risks/${s.json().id}/reassess`, { inherent: M(1, 1) });
    expect(re.json()).toMatchObject({
      methodology: { version: 2 },
      methodologyOutdated: false,
      inherent: { level: { key: 'low' } },
    });
    expect(re.json().reassessments[0]).toMatchObject({
      fromLevel: { key: 'very_high' },
      toLevel: { key: 'low' },
    });
    expect((await engineer.get(`/api/risk-assessments/${assessmentId}`)).json().methodology.version).toBe(1);
    await engineer.delete(`/api/risks/${s.json().id}`);
    // Put v1 (the default) back as current for the rest of the tests.
    const v3 = await admin.post('/api/risk-methodologies', { name: 'v3', definition: DEFAULT_METHODOLOGY });
    await admin.post(`/api/risk-methodologies/${v3.json().id}/approve`, {});
  });

  let scenarioHigh: string;
  let scenarioLow: string;
  let scenarioMed: string;

  it('computes levels server-side and refuses bad ratings', async () => {
    const fresh = await engineer.post('/api/risk-assessments', {
      title: '風險評估 B',
      scopeAssetIds: [assetA, assetB],
    });
    assessmentId = fresh.json().id;
    const t = (await threats())[0];
    const v = (await vulns())[0];
    const high = await engineer.post(`/api/risk-assessments/${assessmentId}/scenarios`, {
      assetIds: [assetA, assetB],
      threatId: t.id,
      vulnerabilityId: v.id,
      inherent: M(3, 4),
      treatmentOption: 'mitigate',
      target: M(2, 2),
      ownerId: owner.id,
    });
    expect(high.statusCode, high.body).toBe(201);
    expect(high.json()).toMatchObject({
      code: expect.stringMatching(/^R-\d{5}$/),
      inherent: { level: { key: 'high', zh: '高' }, likelihood: 3, impact: 4 },
      target: { level: { key: 'low' } },
      status: 'open',
    });
    scenarioHigh = high.json().id;
    scenarioLow = (
      await engineer.post(`/api/risk-assessments/${assessmentId}/scenarios`, {
        assetIds: [assetB],
        inherent: M(1, 2),
        ownerId: owner.id,
      })
    ).json().id;
    scenarioMed = (
      await engineer.post(`/api/risk-assessments/${assessmentId}/scenarios`, {
        assetIds: [assetB],
        inherent: M(3, 2),
        ownerId: other.id,
      })
    ).json().id;
    expectError(
      await engineer.post(`/api/risk-assessments/${assessmentId}/scenarios`, {
        assetIds: [assetA],
        inherent: M(6, 1),
      }),
      400,
      'risk.rating_invalid',
    );
    expectError(
      await engineer.post(`/api/risk-assessments/${assessmentId}/scenarios`, {
        assetIds: [assetA],
        inherent: { kind: 'cvss', vector: 'AV:N' },
      }),
      400,
      'risk.rating_mismatch',
    );
    expectError(await engineer.delete(`/api/risk-threats/${t.id}`), 409, 'risk.catalogue_in_use');
    expect((await engineer.patch(`/api/risk-threats/${t.id}`, { retired: true })).json().retired).toBe(true);
    const audit = await auditOf(p, scenarioHigh);
    expect(audit[0]).toMatchObject({
      action: 'risk.created',
      details: expect.objectContaining({ inherentLevel: 'high' }),
    });
  });

  it('flags overdue treatment items and awaits re-rating when all are done', async () => {
    const today = p.clock.now().toISOString().slice(0, 10);
    const item1 = await engineer.post(`/api/risks/${scenarioHigh}/treatment-items`, {
      title: '啟用 MFA',
      ownerId: owner.id,
      dueOn: '2026-05-01',
      controls: 'MFA',
    });
    expect(item1.statusCode, item1.body).toBe(201);
    expect(item1.json().overdue).toBe(true);
    const item2 = await engineer.post(`/api/risks/${scenarioHigh}/treatment-items`, {
      title: '修補',
      dueOn: '2026-12-31',
    });
    expect(item2.json().overdue).toBe(false);
    expect((await engineer.get(`/api/risks/${scenarioHigh}`)).json()).toMatchObject({
      status: 'treating',
      overdue: true,
      treatment: { total: 2, overdue: 1 },
    });
    const overdue = (await engineer.get('/api/risks?overdue=true')).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toEqual([scenarioHigh]);
    expect(today < '2026-12-31').toBe(true);
    // The risk owner marks the items done; another owner may not.
    expectError(
      await otherClient.patch(`/api/risk-treatment-items/${item1.json().id}`, { status: 'done' }),
      404,
      'not_found',
    );
    expect(
      (await ownerClient.patch(`/api/risk-treatment-items/${item1.json().id}`, { status: 'done' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await ownerClient.patch(`/api/risk-treatment-items/${item2.json().id}`, { status: 'cancelled' }))
        .statusCode,
    ).toBe(200);
    expect((await engineer.get(`/api/risks/${scenarioHigh}`)).json()).toMatchObject({
      status: 'awaiting_rerating',
      overdue: false,
    });
    expectError(
      await otherClient.post(`/api/risks/${scenarioHigh}/rerate`, { actual: M(2, 3) }),
      404,
      'not_found',
    );
    const rerated = await ownerClient.post(`/api/risks/${scenarioHigh}/rerate`, {
      actual: M(2, 3),
      note: '已導入 MFA',
    });
    expect(rerated.statusCode, rerated.body).toBe(200);
    expect(rerated.json()).toMatchObject({
      status: 'open',
      actual: { level: { key: 'medium' } },
      target: { level: { key: 'low' } },
      effectiveness: 'not_met',
      currentLevel: { key: 'medium' },
    });
  });

  it('accepts within the criteria by the right people only', async () => {
    const expiresOn = '2026-07-01';
    // Medium (above the owner's limit): the owner may not; the engineer lacks risks.approve; an admin may.
    const refused = await ownerClient.post(`/api/risks/${scenarioHigh}/accept`, {
      reason: '成本過高',
      expiresOn,
    });
    expectError(refused, 403, 'risk.acceptance_not_allowed');
    expect(refused.json().error.details).toMatchObject({
      tier: 'approver',
      approver: { kind: 'role', id: 'admin' },
    });
    expectError(
      await engineer.post(`/api/risks/${scenarioHigh}/accept`, { reason: 'x', expiresOn }),
      403,
      'risk.acceptance_not_allowed',
    );
    // An approver role holding risks.approve but not the named role is not enough.
    const approverRole = await makeRole(p, ['risks.approve', 'risks.read']);
    const notNamed = (await userClient(p, [approverRole])).client;
    expectError(
      await notNamed.post(`/api/risks/${scenarioHigh}/accept`, { reason: 'x', expiresOn }),
      403,
      'risk.acceptance_not_allowed',
    );
    expectError(
      await admin.post(`/api/risks/${scenarioHigh}/accept`, { reason: 'x', expiresOn: '2026-05-01' }),
      400,
      'risk.acceptance_expiry_invalid',
    );
    const ok = await admin.post(`/api/risks/${scenarioHigh}/accept`, {
      reason: '預算不足，下年度處理',
      expiresOn,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'accepted',
      acceptance: { tier: 'approver', status: 'active', expiresOn },
    });
    // Low: the owner accepts their own.
    const own = await ownerClient.post(`/api/risks/${scenarioLow}/accept`, {
      reason: '影響輕微',
      expiresOn: '2027-01-01',
    });
    expect(own.json()).toMatchObject({ status: 'accepted', acceptance: { tier: 'owner' } });
    // Very high: nobody.
    const vh = await engineer.post(`/api/risk-assessments/${assessmentId}/scenarios`, {
      assetIds: [assetA],
      inherent: M(5, 5),
      ownerId: owner.id,
    });
    expectError(
      await admin.post(`/api/risks/${vh.json().id}/accept`, { reason: 'x', expiresOn }),
      409,
      'risk.not_acceptable',
    );
    const detail = (await ownerClient.get(`/api/risks/${vh.json().id}`)).json();
    expect(detail.acceptability).toMatchObject({ acceptable: false, canAccept: false });
  });

  it('reopens a risk when its acceptance expires', async () => {
    p.clock.advanceMinutes(60 * 24 * 31); // 2026-07-02
    await signInAll();
    const reg = (await engineer.get(`/api/risks?assessmentId=${assessmentId}&status=accepted`)).json();
    expect(reg.items.map((x: { id: string }) => x.id)).toEqual([scenarioLow]);
    const high = (await engineer.get(`/api/risks/${scenarioHigh}`)).json();
    expect(high).toMatchObject({ status: 'open', acceptance: null });
    expect(high.acceptances[0]).toMatchObject({ status: 'expired' });
    const audit = await auditOf(p, scenarioHigh);
    expect(audit.at(-1)).toMatchObject({ action: 'risk.acceptance_expired', actor_id: null });
  });

  it('filters the register and scopes risk owners to their own risks', async () => {
    const byLevel = (await auditor.get('/api/risks?level=medium')).json();
    expect(
      byLevel.items.every((x: { currentLevel: { key: string } }) => x.currentLevel.key === 'medium'),
    ).toBe(true);
    expect(
      (await auditor.get(`/api/risks?unitId=${unitA}`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(scenarioHigh);
    expect(
      (await auditor.get(`/api/risks?unitId=${unitA}`)).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(scenarioMed);
    expect(
      (await auditor.get(`/api/risks?assetId=${assetB}&ownerId=${other.id}`))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([scenarioMed]);
    expect((await auditor.get('/api/risks?treatmentOption=mitigate')).json().total).toBe(1);
    expect(
      (await auditor.get(`/api/risks?q=${encodeURIComponent('R-')}`)).json().total,
    ).toBeGreaterThanOrEqual(4);
    const sorted = (await auditor.get(`/api/risks?assessmentId=${assessmentId}&sort=level&order=desc`)).json()
      .items;
    expect(sorted[0].currentLevel.key).toBe('very_high');
    const mine = (await otherClient.get('/api/risks')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([scenarioMed]);
    expectError(await otherClient.get(`/api/risks/${scenarioHigh}`), 404, 'not_found');
    expectError(await auditor.patch(`/api/risks/${scenarioHigh}`, { title: 'x' }), 403, 'auth.forbidden');
    expectError(await ownerClient.get('/api/risk-assessments'), 403, 'auth.forbidden');
  });

  it('counts the heat map and the trend', async () => {
    const h = (await auditor.get(`/api/risk-assessments/${assessmentId}/heatmap`)).json();
    expect(h.cells).toHaveLength(25);
    const cell = (l: number, i: number) =>
      h.cells.find((c: { likelihood: number; impact: number }) => c.likelihood === l && c.impact === i);
    expect(cell(3, 4)).toMatchObject({ inherent: 1, level: 'high', color: '#ef6c00' });
    expect(cell(2, 2)).toMatchObject({ target: 1 });
    expect(cell(2, 3)).toMatchObject({ actual: 1 });
    expect(h.total).toBe(4);
    expect(h.levelCounts.find((c: { level: string }) => c.level === 'very_high').inherent).toBe(1);
    expect((await engineer.post(`/api/risk-assessments/${assessmentId}/start`, {})).statusCode).toBe(200);
    expect((await engineer.post(`/api/risk-assessments/${assessmentId}/complete`, {})).json().status).toBe(
      'completed',
    );
    expectError(
      await engineer.post(`/api/risk-assessments/${assessmentId}/scenarios`, {
        assetIds: [assetA],
        inherent: M(1, 1),
      }),
      409,
      'risk.assessment_completed',
    );
    const trend = (await auditor.get('/api/risks/trend')).json();
    const item = trend.items.find((x: { assessment: { id: string } }) => x.assessment.id === assessmentId);
    const lv = (k: string) => item.levels.find((l: { key: string }) => l.key === k);
    expect(item.total).toBe(4);
    expect(lv('high')).toMatchObject({ inherent: 1, residual: 0 });
    expect(lv('medium')).toMatchObject({ inherent: 1, residual: 2 });
    expect(lv('very_high')).toMatchObject({ inherent: 1, residual: 1 });
    // Deleting an asset the risks refer to archives it.
    const del = await admin.delete(`/api/assets/${assetB}`);
    expect(del.json().outcome).toBe('archived');
  });

  it('starts a new assessment from the completed one', async () => {
    const next = await engineer.post('/api/risk-assessments', {
      title: '下年度',
      copyFromAssessmentId: assessmentId,
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().counts.scenarios).toBe(4);
  });

  it('renders the 風險評估報告 and the XLSX register', async () => {
    const res = await auditor.get(`/api/risk-assessments/${assessmentId}/report?format=pdf&lang=zh-TW`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await auditor.get(`/api/risk-assessments/${assessmentId}/report?format=docx&lang=en`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await auditor.get('/api/risks/export?format=xlsx&lang=zh-TW');
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['風險清單', '風險處理計畫']);
    const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(text).toContain('公文管理系統');
    expect(JSON.stringify(wb.worksheets[1]?.getSheetValues())).toContain('啟用 MFA');
    const entries = await p.database.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', 'in', ['risk.exported', 'risk_assessment.reported'])
      .execute();
    expect(entries.length).toBe(3);
    if (!havePdftotext) {
      if (process.env.VIGIL_TEST_REQUIRE_PDFTOTEXT === '1') throw new Error(`no pdftotext at ${PDFTOTEXT}`);
      process.stderr.write(
        `\n*** No pdftotext at ${PDFTOTEXT}: the 風險評估報告 PDF text was NOT checked.\n`,
      );
      return;
    }
    const pdf = pdfText(res.rawPayload);
    expect(pdf).toContain('風險評估報告');
    expect(pdf).toContain('公文管理系統');
    expect(pdf).toContain('可接受風險判定準則');
  });
});
