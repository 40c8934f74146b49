import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import { createTestPlatform, expectError, type TestPlatform } from '../../test/harness.js';
import { createDocument, documentCast, draft, publishVersion } from './documents.testkit.js';

interface Page {
  items: {
    id: string;
    number: string;
    levelId: string;
    latestStatus: string | null;
    reviewOverdue: boolean;
  }[];
  total: number;
  limit: number;
  offset: number;
}

describe.each(testDialects())('document register paging on %s', (dialect) => {
  let p: TestPlatform;
  let c: Awaited<ReturnType<typeof documentCast>>;
  let overdueId = '';
  const register = async (query: string): Promise<Page> => {
    const res = await c.reader.client.get(`/api/documents${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    c = await documentCast(p);
    const owner = c.manager.user.id;
    // Four work instructions (ISMS-WI-001…004) and three records (ISMS-F-001…003), created out of order.
    for (const [levelId, title] of [
      ['record', '訪客登記表'],
      ['instruction', '備份 100% 驗證說明'],
      ['instruction', '帳號申請作業說明'],
      ['record', '門禁紀錄'],
      ['instruction', '弱點掃描作業說明'],
      ['record', '教育訓練簽到表'],
      ['instruction', '日誌審查作業說明'],
    ] as const)
      await createDocument(c.manager.client, owner, { levelId, title });
    const all = await register('');
    const late = all.items.find((d) => d.number === 'ISMS-WI-002');
    const onTime = all.items.find((d) => d.number === 'ISMS-F-001');
    await publishVersion(c, (await draft(c.manager.client, late!.id, '# 說明')).id);
    await publishVersion(c, (await draft(c.manager.client, onTime!.id, '# 表單')).id);
    // the clock reads 2026-06-01: one published document is past its review date
    await c.manager.client.patch(`/api/documents/${late!.id}`, { nextReviewOn: '2026-01-15' });
    overdueId = late!.id;
  });
  afterAll(() => p.close());

  it('pages the whole register by number with the total of all pages', async () => {
    const first = await register('');
    expect(first).toMatchObject({ total: 7, limit: 50, offset: 0 });
    const numbers: string[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = await register(`?limit=3&offset=${offset}`);
      expect(page).toMatchObject({ total: 7, limit: 3, offset });
      expect(page.items).toHaveLength(offset === 6 ? 1 : 3);
      numbers.push(...page.items.map((d) => d.number));
    }
    expect(numbers).toEqual([
      'ISMS-F-001',
      'ISMS-F-002',
      'ISMS-F-003',
      'ISMS-WI-001',
      'ISMS-WI-002',
      'ISMS-WI-003',
      'ISMS-WI-004',
    ]);
    // past the end: no rows, the total still told
    expect(await register('?limit=3&offset=9')).toMatchObject({ items: [], total: 7 });
  });

  it('keeps every filter with paging, the total counting only the matches', async () => {
    const level = await register('?levelId=instruction&limit=2');
    expect(level.total).toBe(4);
    expect(level.items.map((d) => d.number)).toEqual(['ISMS-WI-001', 'ISMS-WI-002']);
    expect((await register('?levelId=instruction&limit=2&offset=2')).items.map((d) => d.number)).toEqual([
      'ISMS-WI-003',
      'ISMS-WI-004',
    ]);

    const published = await register('?status=published');
    expect(published.total).toBe(2);
    expect(published.items.every((d) => d.latestStatus === 'published')).toBe(true);
    expect((await register('?status=none&limit=1')).total).toBe(5);

    const overdue = await register('?overdue=true');
    expect(overdue.total).toBe(1);
    expect(overdue.items.map((d) => d.id)).toEqual([overdueId]);
    expect(overdue.items[0]?.reviewOverdue).toBe(true);
    const notOverdue = await register('?overdue=false&limit=2');
    expect(notOverdue.total).toBe(6);
    expect(notOverdue.items.some((d) => d.id === overdueId)).toBe(false);

    expect(await register(`?ownerId=${c.reader.user.id}`)).toMatchObject({ items: [], total: 0 });
    expect((await register(`?ownerId=${c.manager.user.id}&levelId=record`)).total).toBe(3);
  });

  it('searches number and title case-insensitively, a % or _ meaning itself', async () => {
    expect((await register('?q=isms-wi-&limit=1')).total).toBe(4);
    expect((await register(`?q=${encodeURIComponent('作業說明')}`)).total).toBe(3);
    const percent = await register(`?q=${encodeURIComponent('%')}`);
    expect(percent.items.map((d) => d.number)).toEqual(['ISMS-WI-001']);
    expect((await register('?q=_')).total).toBe(0);
    expect((await register(`?q=${encodeURIComponent('紀錄')}&levelId=instruction`)).total).toBe(0);
  });

  it('counts the overdue reviews for the home card', async () => {
    const home = (await c.manager.client.get('/api/documents/summary')).json();
    expect(home.overdueReviews).toEqual({
      total: 1,
      items: [
        { id: overdueId, number: 'ISMS-WI-002', title: '帳號申請作業說明', nextReviewOn: '2026-01-15' },
      ],
    });
  });

  it('refuses a page size or offset out of range', async () => {
    for (const query of ['?limit=0', '?limit=501', '?offset=-1', '?limit=ten'])
      expectError(await c.reader.client.get(`/api/documents${query}`), 400, 'validation.failed');
  });
});
