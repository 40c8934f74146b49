import type { Kysely } from 'kysely';
import { dialectOf, timestampType } from '../../dialect.js';

// Asset inventory: assets, their typed identifiers, relations, code counters, confirmation campaigns.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const real = dialectOf(db) === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('custodian_id', 'text', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('location', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('commissioned_on', 'text')
    .addColumn('retired_on', 'text')
    .addColumn('disposed_on', 'text')
    .addColumn('vendor', 'text')
    .addColumn('end_of_support_on', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('confidentiality', 'integer')
    .addColumn('integrity', 'integer')
    .addColumn('availability', 'integer')
    .addColumn('legal', 'integer')
    .addColumn('value', 'integer')
    .addColumn('classification', 'text')
    .addColumn('core_system', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('critical_infrastructure', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('information_class', 'text', (c) => c.notNull())
    .addColumn('protection_answers', 'text')
    .addColumn('protection_level', 'text')
    .addColumn('mtpd_hours', real)
    .addColumn('rto_hours', real)
    .addColumn('rpo_hours', real)
    .addColumn('personal_data', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('archived_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The list filters and sorts on these; each is selective enough on 10,000 rows to be worth an index.
  for (const col of [
    'name',
    'type',
    'status',
    'unit_id',
    'owner_id',
    'custodian_id',
    'classification',
    'protection_level',
    'value',
    'updated_at',
  ])
    await db.schema.createIndex(`assets_${col}_idx`).on('assets').column(col).execute();

  await db.schema
    .createTable('asset_identifiers')
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_identifiers_pk', ['asset_id', 'position'])
    .execute();
  await db.schema
    .createIndex('asset_identifiers_value_idx')
    .on('asset_identifiers')
    .columns(['kind', 'value'])
    .execute();

  await db.schema
    .createTable('asset_relations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('to_asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('asset_relations_unique', ['from_asset_id', 'to_asset_id', 'kind'])
    .execute();
  await db.schema.createIndex('asset_relations_to_idx').on('asset_relations').column('to_asset_id').execute();

  await db.schema
    .createTable('asset_code_counters')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('asset_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('unit_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unowned', 'integer', (c) => c.notNull())
    .addColumn('final_counts', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closed_at', ts)
    .addColumn('closed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('asset_campaigns_created_idx')
    .on('asset_campaigns')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('asset_campaign_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('asset_campaigns.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('restrict'))
    .addColumn('asset_code', 'text', (c) => c.notNull())
    .addColumn('asset_name', 'text', (c) => c.notNull())
    .addColumn('asset_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', ts)
    .addColumn('confirmed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('asset_campaign_items_campaign_idx')
    .on('asset_campaign_items')
    .columns(['campaign_id', 'status'])
    .execute();
  await db.schema
    .createIndex('asset_campaign_items_owner_idx')
    .on('asset_campaign_items')
    .columns(['owner_id', 'status'])
    .execute();
  await db.schema
    .createIndex('asset_campaign_items_asset_idx')
    .on('asset_campaign_items')
    .column('asset_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'asset_campaign_items',
    'asset_campaigns',
    'asset_code_counters',
    'asset_relations',
    'asset_identifiers',
    'assets',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
