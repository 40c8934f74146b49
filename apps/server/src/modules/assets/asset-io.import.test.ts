import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  type Client,
  createTestPlatform,
  expectError,
  makeUser,
  signIn,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { csvText, upload, XLSX_TYPE, xlsxOf } from './asset-io.testkit.js';
import { encodeBig5 } from './io/big5.testkit.js';

interface Issue {
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

describe.each(testDialects())('asset import on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  let adminUser: { username: string; password: string };
  let owner: { id: string; username: string };
  let unitId: string;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    const a = await userClient(p, ['admin']);
    admin = a.client;
    adminUser = a.user;
    owner = await makeUser(p, { roles: ['asset_owner'], username: 'alice.wang' });
    await p.database.db
      .updateTable('users')
      .set({ display_name: '王小明' })
      .where('id', '=', owner.id)
      .execute();
    const unit = await admin.post('/api/units', { name: '資訊室', code: 'IT' });
    expect(unit.statusCode, unit.body).toBe(201);
    unitId = unit.json().id;
    await admin.post('/api/units', { name: '總務科', code: 'GA' });
  });
  afterAll(async () => p?.close());

  async function assetByCode(code: string) {
    const res = await admin.get(`/api/assets?q=${encodeURIComponent(code)}&limit=500`);
    return (res.json().items as { code: string }[]).find((a) => a.code === code) as
      | Record<string, unknown>
      | undefined;
  }
  const total = async () =>
    (await admin.get('/api/assets?limit=1&includeArchived=true')).json().total as number;

  async function preview(body: Buffer | string, opts: Parameters<typeof upload>[2] = {}) {
    const res = await upload(admin, body, opts);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const apply = (id: string, client = admin) => client.post(`/api/assets/import/${id}/apply`, {});

  it('imports a UTF-8 CSV with English headers: people by username, units by code, lists and dates', async () => {
    const file = csvText([
      [
        'Code',
        'Name',
        'Type',
        'IP addresses',
        'Hostnames',
        'Owner',
        'Unit',
        'Status',
        'Commissioned on',
        'Tags',
        'C',
        'I',
        'A',
        'Core system',
      ],
      [
        'CSV-001',
        'Mail server',
        'Hardware',
        '10.0.0.1; 10.0.0.2',
        'mail01',
        'alice.wang',
        'IT',
        'In use',
        '2024/1/5',
        'mail;prod',
        3,
        2,
        1,
        'Y',
      ],
      [
        '',
        'Payroll system',
        'information_system',
        '',
        '',
        '王小明',
        '資訊室',
        '規劃中',
        '',
        '',
        '',
        '',
        '',
        '否',
      ],
    ]);
    const body = await preview(file, { query: { fileName: 'assets.csv' } });
    expect(body).toMatchObject({
      fileName: 'assets.csv',
      format: 'csv',
      encoding: 'utf-8',
      sheet: null,
      rowCount: 2,
      toCreate: 2,
      toUpdate: 0,
      errors: [],
      warnings: [],
    });
    expect(body.rows[0]).toMatchObject({
      row: 2,
      action: 'create',
      fields: { code: 'CSV-001', name: 'Mail server', type: 'hardware', status: 'in_use' },
      owner: expect.stringContaining('alice.wang'),
      unit: '資訊室',
    });
    const applied = await apply(body.importId);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ created: 2, updated: 0 });
    const mail = await assetByCode('CSV-001');
    expect(mail).toMatchObject({
      name: 'Mail server',
      owner: { username: 'alice.wang' },
      unit: { id: unitId },
      commissionedOn: '2024-01-05',
      tags: ['mail', 'prod'],
      confidentiality: 3,
      coreSystem: true,
      identifiers: expect.arrayContaining([
        { kind: 'hostname', value: 'mail01' },
        { kind: 'ip', value: '10.0.0.1' },
        { kind: 'ip', value: '10.0.0.2' },
      ]),
    });
    const summary = await p.database.db
      .selectFrom('audit_entries')
      .select(['action', 'details'])
      .where('action', '=', 'asset.import')
      .execute();
    expect(summary.map((s) => JSON.parse(s.details))).toContainEqual(
      expect.objectContaining({ fileName: 'assets.csv', created: 2, updated: 0 }),
    );
  });

  it('reads a Big5 CSV with zh-TW headers in any order, and reports the encoding', async () => {
    const file = encodeBig5(
      csvText([
        ['資產類別', '資產名稱', '資產編號', '狀態', '資產擁有者', '所屬單位', '機密性 (C)', '含個人資料'],
        ['硬體', '檔案伺服器', 'B5-001', '使用中', 'alice.wang', '總務科', '2', '是'],
      ]),
    );
    const body = await preview(file, { type: 'application/vnd.ms-excel' });
    expect(body).toMatchObject({ encoding: 'big5', rowCount: 1, toCreate: 1, errors: [] });
    expect((await apply(body.importId)).json()).toEqual({ created: 1, updated: 0 });
    expect(await assetByCode('B5-001')).toMatchObject({
      name: '檔案伺服器',
      personalData: true,
      unit: { name: '總務科' },
    });
  });

  it('lets the user choose the encoding, refuses one that does not fit, and asks when it cannot tell', async () => {
    const big5 = encodeBig5(
      csvText([
        ['資產名稱', '資產類別'],
        ['印表機', '硬體'],
      ]),
    );
    expect((await preview(big5, { query: { encoding: 'big5' } })).encoding).toBe('big5');
    expectError(await upload(admin, big5, { query: { encoding: 'utf-8' } }), 400, 'import.wrong_encoding');
    const garbage = Buffer.concat([Buffer.from('名稱,類別\n'), Buffer.from([0xff, 0xfe, 0x80, 0x81, 0x0a])]);
    const res = await upload(admin, garbage.subarray(0), { query: { encoding: 'auto' } });
    expectError(res, 400, 'import.unknown_encoding');
  });

  it('reads an XLSX with zh-TW headers, date cells, a title row above the header and an unknown column', async () => {
    const file = await xlsxOf([
      { name: '說明', rows: [['這張表不是清冊']] },
      {
        name: '清冊',
        rows: [
          ['資產清冊'],
          [
            '資產名稱',
            '資產類別',
            '啟用日期',
            '支援終止日期',
            '備考欄',
            'MTPD',
            '附表九 機密性',
            '附表九 完整性',
            '附表九 可用性',
            '附表九 法律遵循性',
          ],
          [
            '公文系統',
            '資通系統',
            new Date(Date.UTC(2023, 6, 1)),
            '2030/12/31',
            '隨便寫',
            4,
            '高',
            '中',
            '普',
            '普',
          ],
        ],
      },
    ]);
    const body = await preview(file, { type: XLSX_TYPE });
    expect(body).toMatchObject({ format: 'xlsx', encoding: null, sheet: '清冊', rowCount: 1, errors: [] });
    expect(body.warnings).toEqual([
      expect.objectContaining({ row: 2, column: '備考欄', code: 'unknown_column' }),
    ]);
    expect(body.rows[0]).toMatchObject({
      row: 3,
      fields: {
        commissionedOn: '2023-07-01',
        endOfSupportOn: '2030-12-31',
        mtpdHours: 4,
        protectionAnswers: {
          confidentiality: 'high',
          integrity: 'medium',
          availability: 'normal',
          legal: 'normal',
        },
      },
    });
    expect((await apply(body.importId)).json()).toEqual({ created: 1, updated: 0 });
  });

  it('reports every row-level problem with the row number Excel shows and the column as written', async () => {
    await admin.post('/api/assets', {
      code: 'HAVE-1',
      name: 'existing',
      type: 'hardware',
      identifiers: [{ kind: 'mac', value: 'aa:bb:cc:dd:ee:01' }],
    });
    await makeUser(p, { username: 'twin.a' }).then((u) =>
      p.database.db.updateTable('users').set({ display_name: '同名' }).where('id', '=', u.id).execute(),
    );
    await makeUser(p, { username: 'twin.b' }).then((u) =>
      p.database.db.updateTable('users').set({ display_name: '同名' }).where('id', '=', u.id).execute(),
    );
    const file = csvText([
      [
        '編號',
        'name',
        'TYPE',
        'owner',
        'custodian',
        'unit',
        'status',
        'commissioned on',
        'c',
        'legal',
        'MTPD',
        'core system',
        'MAC addresses',
        '附表九 機密性',
        'classification',
      ],
      ['', '', 'hardware', '', '', '', '', '', '', '', '', '', '', '', ''], // 2 required
      ['', 'a', 'spaceship', '', '', '', '', '', '', '', '', '', '', '', ''], // 3 bad_enum
      ['', 'b', 'hardware', 'nobody', 'nobody', '', '', '', '', '', '', '', '', '', ''], // 4 unknown owner/custodian
      ['', 'c', 'hardware', '同名', '', 'NOPE', '', '', '', '', '', '', '', '', ''], // 5 ambiguous_user, unknown_unit
      ['', 'd', 'hardware', '', '', '', 'broken', '2024-02-30', '', '', 'soon', 'maybe', '', '', ''], // 6
      ['', 'e', 'hardware', '', '', '', '', '', 5, 2, '', '', '', '', ''], // 7 out_of_range, legal_rating_off
      ['', 'f', 'hardware', '', '', '', '', '', '', '', '', '', 'AA:BB:CC:DD:EE:01', '', ''], // 8 dup vs inventory
      ['X-1', 'g', 'hardware', '', '', '', '', '', '', '', '', '', '02:00:00:00:00:09', '', ''], // 9
      ['X-1', 'h', 'hardware', '', '', '', '', '', '', '', '', '', '02:00:00:00:00:09', '', ''], // 10 dup code + ident
      ['', 'i', 'information_system', '', '', '', '', '', '', '', '', '', '', '高', ''], // 11 incomplete
      ['', 'j', 'hardware', '', '', '', '', '', '', '', '', '', '', '', '極機密'], // 12 bad classification
      ['', 'x'.repeat(201), 'hardware', '', '', '', '', '', '', '', '', '', '', '', ''], // 13 too_long
    ]);
    const before = await total();
    const body = await preview(file);
    const got = (body.errors as Issue[]).map((e) => [e.row, e.column, e.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        [2, 'name', 'required'],
        [3, 'TYPE', 'bad_enum'],
        [4, 'owner', 'unknown_owner'],
        [4, 'custodian', 'unknown_custodian'],
        [5, 'owner', 'ambiguous_user'],
        [5, 'unit', 'unknown_unit'],
        [6, 'status', 'bad_enum'],
        [6, 'commissioned on', 'bad_date'],
        [6, 'MTPD', 'bad_number'],
        [6, 'core system', 'bad_enum'],
        [7, 'c', 'out_of_range'],
        [7, 'legal', 'legal_rating_off'],
        [8, 'MAC addresses', 'duplicate_identifier'],
        [10, '編號', 'duplicate_code'],
        [11, expect.stringContaining('附表九'), 'incomplete_answers'],
        [12, 'classification', 'bad_enum'],
        [13, 'name', 'too_long'],
      ]),
    );
    expect(got.filter(([row]) => row === 9)).toEqual([]);
    // One problem per cell: the refused type is not reported a second time as a missing value.
    expect(got.filter(([row]) => row === 3)).toEqual([[3, 'TYPE', 'bad_enum']]);
    expect(body.errorCount).toBe(body.errors.length);
    // Rows come back in file order.
    const rows = (body.errors as Issue[]).map((e) => e.row ?? 0);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    // All or nothing: one bad row and nothing is applied.
    expectError(await apply(body.importId), 409, 'import.has_errors');
    expect(await total()).toBe(before);
  });

  it('refuses a duplicate identifier inside the file', async () => {
    const body = await preview(
      csvText([
        ['name', 'type', 'IP addresses'],
        ['one', 'hardware', '10.9.9.9'],
        ['two', 'hardware', '10.9.9.9'],
      ]),
    );
    expect((body.errors as Issue[]).map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'IP addresses', 'duplicate_identifier'],
    ]);
  });

  it('re-checks at apply time: a clash that appeared after the preview stops the whole import', async () => {
    const body = await preview(
      csvText([
        ['name', 'type', 'hostnames'],
        ['late-1', 'hardware', 'late-host-1'],
        ['late-2', 'hardware', 'late-host-2'],
      ]),
    );
    expect(body.errors).toEqual([]);
    const clash = await admin.post('/api/assets', {
      name: 'sneaked in',
      type: 'hardware',
      identifiers: [{ kind: 'hostname', value: 'late-host-2' }],
    });
    expect(clash.statusCode, clash.body).toBe(201);
    const before = await total();
    const res = await apply(body.importId);
    expectError(res, 409, 'import.has_errors');
    expect(res.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'hostnames', code: 'duplicate_identifier' }),
    ]);
    expect(await total()).toBe(before);
    // Nothing was consumed: once the clash is gone the same preview applies.
    await admin.delete(`/api/assets/${clash.json().id}`);
    expect((await apply(body.importId)).json()).toEqual({ created: 2, updated: 0 });
  });

  it('applies only for the uploader, once, and within 30 minutes', async () => {
    const file = csvText([
      ['name', 'type'],
      ['once', 'hardware'],
    ]);
    const body = await preview(file);
    const other = (await userClient(p, ['admin'])).client;
    expectError(await apply(body.importId, other), 404, 'not_found');
    expect((await apply(body.importId)).json()).toEqual({ created: 1, updated: 0 });
    expectError(await apply(body.importId), 409, 'import.applied');

    const late = await preview(file);
    p.clock.advanceMinutes(31);
    // The session went idle too; a fresh sign-in finds the preview gone stale.
    admin = await signIn(p, adminUser.username, adminUser.password);
    expectError(await apply(late.importId), 410, 'import.expired');
  });

  it('refuses files that are empty, lack required columns, hold too many rows, or are not what they claim', async () => {
    expectError(await upload(admin, ''), 400, 'import.empty');
    expectError(await upload(admin, 'name,type\r\n\r\n'), 400, 'import.empty');
    const missing = await upload(admin, 'name,owner\nx,alice.wang\n');
    expectError(missing, 400, 'import.missing_columns');
    expect(missing.json().error.details.missing).toEqual([{ key: 'type', en: 'Type', zh: '資產類別' }]);
    const many = `name,type\n${'x,hardware\n'.repeat(50_001)}`;
    expectError(await upload(admin, many), 400, 'import.too_many_rows');
    expectError(
      await upload(admin, Buffer.from('PK\u0003\u0004not really a zip'), { type: XLSX_TYPE }),
      400,
      'import.bad_file',
    );
    expectError(
      await upload(admin, 'name,type\nx,hardware', { query: { format: 'xlsx' } }),
      400,
      'import.bad_file',
    );
    expectError(
      await upload(admin, '{"name":"x"}', { type: 'application/json' }),
      415,
      'import.unsupported_type',
    );
    const dup = await preview('name,type,名稱\nx,hardware,y\n');
    expect(dup.errors).toEqual([
      expect.objectContaining({ row: 1, column: '名稱', code: 'duplicate_column' }),
    ]);
  });

  it('takes a file larger than the JSON body limit, while the JSON routes keep theirs', async () => {
    const big = `name,type,description\n${`x,hardware,${'y'.repeat(1900)}\n`.repeat(60)}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
    const body = await preview(big);
    expect(body.rowCount).toBe(60);
    const json = await admin.post('/api/units', { name: 'z'.repeat(70 * 1024) });
    expectError(json, 413, 'request.too_large');
  });

  it('lets only assets.manage import', async () => {
    const file = csvText([
      ['name', 'type'],
      ['nope', 'hardware'],
    ]);
    const auditor = (await userClient(p, ['auditor'])).client;
    expectError(await upload(auditor, file), 403, 'auth.forbidden');
    const ownerClient = await signIn(p, owner.username, 'Correct-Horse-Battery-42');
    expectError(await upload(ownerClient, file), 403, 'auth.forbidden');
    const body = await preview(file);
    expectError(await apply(body.importId, auditor), 403, 'auth.forbidden');
  });
});
