import type { Kysely } from 'kysely';
import { timestampType } from '../../dialect.js';

// Compliance frameworks as data: a framework (stable key) has versions; each version holds its sections and
// requirements (nodes). Assessments point at the nodes of one version, so importing a new version never
// touches what was assessed on the old one. Mappings link requirements by framework key and ref, so they
// survive new versions.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('framework_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('effective_date', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('node_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_at', ts, (c) => c.notNull())
    .addUniqueConstraint('framework_versions_version_uq', ['framework_id', 'version'])
    .execute();

  await db.schema
    .createTable('framework_nodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('framework_versions.id').onDelete('cascade'),
    )
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('parent_ref', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('applicability', 'text')
    .addColumn('obligation', 'text')
    .addColumn('baseline', 'text')
    .addColumn('soa', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('framework_nodes_ref_uq', ['version_id', 'ref'])
    .execute();
  await db.schema
    .createIndex('framework_nodes_version_pos_idx')
    .on('framework_nodes')
    .columns(['version_id', 'position'])
    .execute();

  await db.schema
    .createTable('framework_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_framework', 'text', (c) => c.notNull())
    .addColumn('from_ref', 'text', (c) => c.notNull())
    .addColumn('to_framework', 'text', (c) => c.notNull())
    .addColumn('to_ref', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('framework_mappings_uq', ['from_framework', 'from_ref', 'to_framework', 'to_ref'])
    .execute();
  await db.schema
    .createIndex('framework_mappings_to_idx')
    .on('framework_mappings')
    .columns(['to_framework', 'to_ref'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['framework_mappings', 'framework_nodes', 'framework_versions', 'frameworks'])
    await db.schema.dropTable(t).execute();
}
