// ISMS benchmark phase: the framework library (version tree with mappings, a 5,000-node import and its
// validation report) and compliance (an ISO/IEC 27001 assessment with every result set, the SoA exports).
import { generatedYaml } from './generated-framework.mjs';
import { timed } from './measure.mjs';

const ISO = 'iso27001-2022';
const STATUSES = ['compliant', 'compliant', 'partial', 'non_compliant', 'not_applicable'];

async function frameworkCases({ api, rec }) {
  const list = (await api.get('/api/frameworks')).items;
  const iso = list.find((f) => f.key === ISO);
  if (!iso?.currentVersion) throw new Error(`${ISO} is not installed`);
  const tree = await api.get(`/api/framework-versions/${iso.currentVersion.id}`);
  const links = tree.nodes.reduce((n, node) => n + node.mappings.length, 0);
  await rec.requests('framework list', '/api/frameworks', { items: list.length });
  await rec.requests(
    `ISO/IEC 27001 version tree (${tree.nodes.length} nodes, ${links} mapping links)`,
    `/api/framework-versions/${iso.currentVersion.id}`,
    { items: tree.nodes.length },
  );

  // A user's framework at the 5,000-node limit: three versions of one key, then a file with problems.
  const imports = [];
  let versionId = null;
  for (const version of ['1', '2', '3']) {
    const yaml = generatedYaml({ version });
    const { ms, value } = await timed(async () => {
      const res = await api.send('POST', '/api/frameworks/import?filename=bench.yaml', yaml, {
        'content-type': 'application/yaml',
      });
      const body = await res.json();
      if (res.status !== 201)
        throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 400)}`);
      return body;
    });
    imports.push(ms);
    versionId = value.version.id;
  }
  rec.sample('import a 5,000-node YAML framework (1.7 MiB; 3 versions of one key)', imports, 5000);
  const bad = generatedYaml({ version: '4', defects: 'structure' });
  const refusals = [];
  let problems = 0;
  for (let i = 0; i < 5; i++) {
    const { ms, value } = await timed(async () => {
      const res = await api.send('POST', '/api/frameworks/import?filename=bench.yaml', bad, {
        'content-type': 'application/yaml',
      });
      const body = await res.json();
      if (res.status !== 400 || body.error?.code !== 'framework.invalid')
        throw new Error(`bad import answered ${res.status}: ${JSON.stringify(body).slice(0, 400)}`);
      return body;
    });
    refusals.push(ms);
    problems = value.error.details.problems.length;
  }
  rec.sample(
    `import refused: 5,000 nodes with ${problems} problems (400 with the report)`,
    refusals,
    problems,
  );
  await rec.requests(
    'ISO/IEC 27001 version tree again, with the 5,000-node framework installed',
    `/api/framework-versions/${iso.currentVersion.id}`,
    { items: tree.nodes.length },
  );
  await rec.requests(
    'version tree of the imported 5,000-node framework',
    `/api/framework-versions/${versionId}`,
    {
      heavy: true,
      items: 5000,
    },
  );
}

async function assessmentCases({ api, rec }) {
  const evidence = (await api.get('/api/evidence')).items;
  const controls = (await api.get('/api/compliance/controls')).items;
  const owner = (await api.get('/api/users?limit=50')).items.find((u) => u.username === 'chen.se');
  const created = await api.post('/api/compliance/assessments', {
    title: '效能測試 ISO/IEC 27001 評鑑',
    frameworkKey: ISO,
  });
  const results = created.sections.flatMap((s) => s.results);
  const times = [];
  for (const [i, r] of results.entries()) {
    const status = STATUSES[i % STATUSES.length];
    const gap = status === 'partial' || status === 'non_compliant';
    const body = {
      status,
      note: `效能測試第 ${i + 1} 項`,
      ...(status === 'not_applicable' ? { reason: '本機關無此業務' } : {}),
      ...(gap && owner ? { gapOwnerId: owner.id, gapDueOn: '2027-06-30' } : {}),
      evidenceIds:
        evidence.length > 0 && status !== 'not_applicable' ? [evidence[i % evidence.length].id] : [],
      controlIds:
        controls.length > 0 && status !== 'not_applicable' ? [controls[i % controls.length].id] : [],
    };
    times.push((await timed(() => api.patch(`/api/compliance/results/${r.id}`, body))).ms);
  }
  rec.sample('assessment: set one result (the answer is the whole page)', times, results.length);
  await rec.requests(
    `ISO/IEC 27001 assessment page (${results.length} results set, evidence and controls linked)`,
    `/api/compliance/assessments/${created.id}`,
    { items: results.length },
  );
  await rec.requests('gap list (open gaps of the latest assessments)', '/api/compliance/gaps');
  await api.post(`/api/compliance/assessments/${created.id}/complete`);
  const copy = await timed(() =>
    api.post('/api/compliance/assessments', {
      title: '效能測試 ISO/IEC 27001 評鑑（延續）',
      frameworkKey: ISO,
      copyFromId: created.id,
    }),
  );
  rec.step('new assessment copied from the previous one', copy.ms, results.length);
}

async function soaCases({ api, rec }) {
  const soa = (await api.get('/api/compliance/soa')).items.find((s) => s.status === 'approved');
  if (!soa) throw new Error('the demo has no approved Statement of Applicability');
  const page = await api.get(`/api/compliance/soa/${soa.id}`);
  await rec.requests(`SoA page (${page.entries.length} Annex A controls)`, `/api/compliance/soa/${soa.id}`, {
    items: page.entries.length,
  });
  for (const format of ['docx', 'xlsx', 'pdf'])
    await rec.requests(
      `SoA export ${format.toUpperCase()} (zh-TW)`,
      `/api/compliance/soa/${soa.id}/export?format=${format}&locale=zh-TW`,
      {
        heavy: true,
        items: page.entries.length,
      },
    );
}

export async function libraryCases(ctx) {
  ctx.log('frameworks');
  await frameworkCases(ctx);
  ctx.log('compliance assessment');
  await assessmentCases(ctx);
  ctx.log('Statement of Applicability');
  await soaCases(ctx);
}
