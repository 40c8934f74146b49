// ISMS benchmark phase: document control at size. N documents are created through the API (the register
// suggests each number), each gets a version straight in the database (three in four published, some
// reviews overdue); N users (copies of a demo viewer, same password) receive the published policy, half
// of them acknowledge it in the database and ten through the API.
import { randomUUID } from 'node:crypto';
import { signIn } from './common.mjs';
import { apiClient, timed } from './measure.mjs';
import { insertRow } from './scratch-db.mjs';

const LEVELS = ['policy', 'procedure', 'instruction', 'record'];
const pad = (n) => String(n).padStart(4, '0');

async function addUsers(db, count) {
  const [template] = await db.all("select * from users where username = 'chang.view'");
  if (!template) throw new Error('the demo has no chang.view to copy');
  const roles = await db.all(`select role_id from user_roles where user_id = ${db.placeholders(1)}`, [
    template.id,
  ]);
  await db.begin();
  for (let i = 1; i <= count; i++) {
    const id = randomUUID();
    await insertRow(db, 'users', {
      ...template,
      id,
      username: `bench.user.${pad(i)}`,
      display_name: `效能測試使用者 ${pad(i)}`,
      email: `bench.user.${pad(i)}@demo.example.tw`,
    });
    for (const r of roles) await insertRow(db, 'user_roles', { user_id: id, role_id: r.role_id });
  }
  await db.commit();
  return await db.all("select id, username from users where username like 'bench.user.%' order by username");
}

async function addVersions(db) {
  const [template] = await db.all(
    "select * from document_versions where status = 'published' order by created_at limit 1",
  );
  if (!template) throw new Error('the demo has no published document version to copy');
  const docs = await db.all("select id from documents where title like '效能測試文件%' order by number");
  await db.begin();
  for (const [i, d] of docs.entries()) {
    const draft = i % 4 === 3;
    await insertRow(db, 'document_versions', {
      ...template,
      id: randomUUID(),
      document_id: d.id,
      version: 1,
      status: draft ? 'draft' : 'published',
      ...(draft ? { submitted_at: null, approved_at: null, published_at: null, published_by: null } : {}),
    });
    if (!draft)
      await db.run(
        `update documents set next_review_on = ${db.placeholders(1)} where id = ${db.placeholders(1, 1)}`,
        [i % 8 === 0 ? '2026-01-15' : '2027-06-30', d.id],
      );
  }
  await db.commit();
  return docs.length;
}

async function registerCases({ api, rec, settings, openDb, log }, people) {
  log(`creating ${settings.documents} documents through the API`);
  const times = [];
  for (let i = 1; i <= settings.documents; i++) {
    const body = {
      title: `效能測試文件 ${pad(i)}`,
      levelId: LEVELS[i % LEVELS.length],
      ownerId: people.chen.id,
      classification: 'internal',
      requirements: [{ framework: 'iso27001-2022', ref: `A.5.${(i % 37) + 1}` }],
      reviewIntervalMonths: 12,
    };
    times.push((await timed(() => api.post('/api/documents', body))).ms);
  }
  rec.sample(
    `create a document (number suggested; register growing to ${settings.documents})`,
    times,
    settings.documents,
  );
  const db = openDb();
  try {
    await addVersions(db);
  } finally {
    await db.close();
  }
  const firstPage = await api.get('/api/documents');
  const total = firstPage.total;
  const middle = (await api.get(`/api/documents?limit=1&offset=${Math.floor(total / 2)}`)).items[0];
  const one = middle ?? firstPage.items[0];
  await rec.requests(
    `document register, first page of ${firstPage.items.length} of ${total}`,
    '/api/documents',
    {
      items: firstPage.items.length,
      total,
    },
  );
  await rec.requests(`document register, page of 500 of ${total}`, '/api/documents?limit=500', {
    items: Math.min(500, total),
    total,
  });
  const procedures = (await api.get('/api/documents?levelId=procedure')).total;
  await rec.requests('register filtered by level (procedures)', '/api/documents?levelId=procedure', {
    items: procedures,
  });
  await rec.requests('register search (one number)', `/api/documents?q=${encodeURIComponent(one.number)}`, {
    items: 1,
  });
  await rec.requests('document page (detail with versions)', `/api/documents/${one.id}`);
  await rec.requests('home card summary', '/api/documents/summary');
}

async function acknowledgementCases({ api, rec, settings, openDb, log, base }, people) {
  const policy = (await api.get(`/api/documents?q=${encodeURIComponent('資通安全政策')}`)).items[0];
  const detail = await api.get(`/api/documents/${policy.id}`);
  const version = detail.versions.find((v) => v.status === 'published');
  if (!version) throw new Error('the demo policy has no published version');

  log(`adding ${settings.users} users and distributing the policy to them`);
  const db = openDb();
  try {
    const users = await addUsers(db, settings.users);
    const dist = await timed(() =>
      api.post(`/api/document-versions/${version.id}/distribute`, { userIds: users.map((u) => u.id) }),
    );
    rec.step(
      `distribute the policy to ${users.length} users (one outbox row each)`,
      dist.ms,
      dist.value.added,
    );
    // Half of them acknowledged it (straight in the database); ten more through the API below.
    const half = users.filter((_, i) => i % 2 === 0 && i >= 20);
    await db.begin();
    for (const u of half)
      await db.run(
        `update document_acknowledgements set acknowledged_at = assigned_at where version_id = ${db.placeholders(1)} and user_id = ${db.placeholders(1, 1)}`,
        [version.id, u.id],
      );
    await db.commit();
    const times = [];
    for (const u of users.slice(0, 10)) {
      const reader = apiClient(base, await signIn(base, u.username, people.password));
      await reader.get('/api/my/documents-to-read');
      times.push((await timed(() => reader.post(`/api/my/documents-to-read/${version.id}/acknowledge`))).ms);
    }
    rec.sample('acknowledge as a recipient (through the API)', times, times.length);
  } finally {
    await db.close();
  }
  const progress = await api.get(`/api/document-versions/${version.id}/acknowledgements`);
  const label = `${progress.acknowledged} of ${progress.total} acknowledged`;
  await rec.requests(
    `acknowledgement progress (${label})`,
    `/api/document-versions/${version.id}/acknowledgements`,
    {
      items: progress.total,
    },
  );
  for (const format of ['xlsx', 'pdf'])
    await rec.requests(
      `acknowledgement record export ${format.toUpperCase()} (${progress.total} rows)`,
      `/api/document-versions/${version.id}/acknowledgements/export?format=${format}&lang=zh-TW`,
      { heavy: true, items: progress.total },
    );
  const remind = await timed(() => api.post(`/api/document-versions/${version.id}/remind`));
  rec.step(
    `remind those pending (${remind.value.reminded} reminder e-mails queued)`,
    remind.ms,
    remind.value.reminded,
  );
}

export async function documentCases(ctx) {
  ctx.log('documents');
  const chen = (await ctx.api.get('/api/users?limit=50')).items.find((u) => u.username === 'chen.se');
  const people = { chen, password: ctx.password };
  await registerCases(ctx, people);
  await acknowledgementCases(ctx, people);
}
