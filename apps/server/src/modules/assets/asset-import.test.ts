import type { CreateAssetRequest } from '@vigil/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { cliContext } from '../../platform/context.js';
import { testDialects } from '../../test/database.js';
import { auditOf, createTestPlatform, makeUser, type TestPlatform } from '../../test/harness.js';
import type { ImportRow } from './assets.service.js';

const ctx = cliContext('import-test');

describe.each(testDialects())('asset bulk import API on %s', (dialect) => {
  let p: TestPlatform;
  let ownerId: string;
  let unitId: string;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    ownerId = (await makeUser(p, { roles: ['asset_owner'] })).id;
    unitId = (await p.services.org.createUnit(ctx, { name: '網路管理科' })).id;
  });
  afterAll(async () => p?.close());

  const rows = (list: Partial<CreateAssetRequest>[]): ImportRow[] =>
    list.map((fields, i) => ({
      row: i + 2,
      fields: { name: `asset ${i}`, type: 'hardware', ...fields } as CreateAssetRequest,
    }));
  const assetCount = async () =>
    Number(
      (
        await p.database.db
          .selectFrom('assets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers every row error with its row, field and code', async () => {
    const existing = await p.services.assets.create(ctx, {
      name: 'core switch',
      type: 'network_device',
      identifiers: [{ kind: 'ip', value: '10.1.1.1' }],
    });
    const errors = await p.services.assets.validateImport([
      ...rows([
        { ownerId: '00000000-0000-4000-8000-000000000001' },
        { unitId: '00000000-0000-4000-8000-000000000002' },
        { type: 'spaceship' as never },
        { confidentiality: 7 },
        { identifiers: [{ kind: 'ip', value: '10.1.1.1' }] },
        { identifiers: [{ kind: 'mac', value: '00:11:22:33:44:55' }] },
        { identifiers: [{ kind: 'mac', value: '00-11-22-33-44-55' }] },
        { code: 'DUP-1' },
        { code: 'DUP-1' },
        { classification: 'nope' },
        { identifiers: [{ kind: 'ip', value: 'not-an-ip' }] },
        { ownerId, unitId, confidentiality: 2, integrity: 2, availability: 2 },
      ]),
    ]);
    const got = errors.map((e) => [e.row, e.field, e.code]);
    expect(got).toEqual([
      [2, 'ownerId', 'unknown_owner'],
      [3, 'unitId', 'unknown_unit'],
      [4, 'type', 'bad_enum'],
      [5, 'confidentiality', 'out_of_range'],
      [6, 'identifiers.0', 'duplicate_identifier'],
      [8, 'identifiers.0', 'duplicate_identifier'],
      [10, 'code', 'duplicate_code'],
      [11, 'classification', 'unknown_classification'],
      [12, 'identifiers.0', 'bad_identifier'],
    ]);
    expect(errors.find((e) => e.row === 6)?.message).toContain(existing.code);
    expect(errors.find((e) => e.row === 8)?.message).toContain('row 7');
  });

  it('applies all or nothing: one bad row and nothing is written', async () => {
    const before = await assetCount();
    const trail = await p.services.audit.verify();
    const bad = rows([
      { name: 'fine 1' },
      { name: 'fine 2' },
      { ownerId: '00000000-0000-4000-8000-000000000009' },
    ]);
    const err = await p.services.assets
      .applyImport(ctx, bad, { sha256: 'x'.repeat(64) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('asset.import_invalid');
    expect((err as AppError).details).toMatchObject({
      total: 1,
      errors: [{ row: 4, code: 'unknown_owner' }],
    });
    expect(await assetCount()).toBe(before);
    expect((await p.services.audit.verify()).headSeq).toBe(trail.headSeq);
  });

  it('creates new rows and updates rows whose code exists, auditing each asset and the import', async () => {
    const target = await p.services.assets.create(ctx, { name: '舊名稱', type: 'software', location: 'A' });
    const result = await p.services.assets.applyImport(
      ctx,
      rows([
        { code: target.code, name: '新名稱', type: 'software', location: 'B', ownerId },
        { name: '新主機', identifiers: [{ kind: 'hostname', value: 'NEW-HOST.example.tw' }] },
        { code: 'CUSTOM-7', name: 'typed code', type: 'site' },
      ]),
      { fileName: '資產清冊.xlsx', sha256: 'a'.repeat(64) },
    );
    expect(result).toEqual({ created: 2, updated: 1 });
    const updated = await p.services.assets.get(ctx, target.id);
    expect(updated).toMatchObject({ name: '新名稱', location: 'B', owner: { id: ownerId } });
    const history = await auditOf(p, target.id);
    expect(history.at(-1)).toMatchObject({
      action: 'asset.update',
      details: { changes: { name: ['舊名稱', '新名稱'], location: ['A', 'B'], ownerId: [null, ownerId] } },
    });
    const listed = await p.services.assets.list(ctx, {
      q: 'new-host',
      limit: 10,
      offset: 0,
      sort: 'code',
      order: 'asc',
    });
    expect(listed.items[0]).toMatchObject({ code: expect.stringMatching(/^HW-\d{4}$/) });
    expect((await auditOf(p, 'a'.repeat(64)))[0]).toMatchObject({
      action: 'asset.import',
      details: { created: 2, updated: 1, fileName: '資產清冊.xlsx' },
    });
    expect((await p.services.audit.verify()).ok).toBe(true);
  });

  it('applies 10,000 rows in one transaction', async () => {
    const before = await assetCount();
    const big = rows(
      Array.from({ length: 10_000 }, (_, i) => ({
        name: `批次資產 ${i}`,
        type: i % 2 ? 'hardware' : 'software',
        ownerId,
        unitId,
        identifiers: [
          { kind: 'hostname' as const, value: `bulk-${i}.example.tw` },
          { kind: 'ip' as const, value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        ],
        confidentiality: 1 + (i % 3),
        integrity: 2,
        availability: 1,
        tags: ['bulk'],
      })),
    );
    const started = performance.now();
    expect(await p.services.assets.validateImport(big)).toEqual([]);
    const validated = performance.now();
    const result = await p.services.assets.applyImport(ctx, big, { sha256: 'b'.repeat(64) });
    const applied = performance.now();
    console.log(
      `[${dialect}] 10,000 rows: validate ${Math.round(validated - started)} ms, apply ${Math.round(applied - validated)} ms`,
    );
    expect(result).toEqual({ created: 10_000, updated: 0 });
    expect(await assetCount()).toBe(before + 10_000);
    const page = await p.services.assets.list(ctx, {
      tag: 'bulk',
      limit: 5,
      offset: 0,
      sort: 'code',
      order: 'asc',
    });
    expect(page.total).toBe(10_000);
    expect(page.items[0]?.identifiers).toHaveLength(2);
    expect((await p.services.audit.verify()).ok).toBe(true);
    // The same file again updates nothing (all identifiers now belong to the created assets, codes differ).
    const again = await p.services.assets.validateImport(big.slice(0, 3));
    expect(again.map((e) => e.code)).toEqual([
      'duplicate_identifier',
      'duplicate_identifier',
      'duplicate_identifier',
      'duplicate_identifier',
      'duplicate_identifier',
      'duplicate_identifier',
    ]);
  }, 120_000);
});
