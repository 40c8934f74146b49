import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrationsFor, pendingMigrations } from './migrate.js';
import { createTestDatabase, testDialects } from './testing/database.js';

describe('migration set', () => {
  it('merges common and dialect-only steps in timestamp order', () => {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const names = Object.keys(migrationsFor(dialect));
      expect(names).toEqual([...names].sort());
      expect(names).toContain('20261122000000_platform');
      expect(names).toContain('20261122000001_audit_append_only');
    }
  });
});

describe.each(testDialects())('migrations on %s', (dialect) => {
  it('bring an empty database to the current schema once, then report nothing pending', async () => {
    const database = await createTestDatabase(dialect, { migrate: false });
    try {
      expect((await pendingMigrations(database.db, dialect)).length).toBeGreaterThan(0);
      const applied = await migrateToLatest(database.db, dialect);
      expect(applied).toEqual(Object.keys(migrationsFor(dialect)));
      expect(await migrateToLatest(database.db, dialect)).toEqual([]);
      expect(await pendingMigrations(database.db, dialect)).toEqual([]);
      const head = await database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      expect(head).toMatchObject({ id: 1, seq: 0 });
      // Timestamps come back as ISO strings in both dialects.
      await database.db
        .insertInto('settings')
        .values({ key: 'k', value: '{}', updated_at: '2026-01-02T03:04:05.678Z', updated_by: null })
        .execute();
      const row = await database.db.selectFrom('settings').select('updated_at').executeTakeFirstOrThrow();
      expect(row.updated_at).toBe('2026-01-02T03:04:05.678Z');
      await expect(sql`select 1`.execute(database.db)).resolves.toBeDefined();
    } finally {
      await database.dispose();
    }
  });
});
