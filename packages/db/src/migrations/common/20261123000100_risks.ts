import type { Kysely } from 'kysely';
import { dialectOf, timestampType } from '../../dialect.js';

// Risk management: methodology versions, threat/vulnerability catalogues, assessments, scenarios with their
// assets, treatment items, acceptances and re-assessment history. The default methodology and catalogue
// are seeded by the risks module at start-up (insert-if-missing), not here.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const real = dialectOf(db) === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('risk_methodologies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', ts)
    .addColumn('approval_note', 'text')
    .addColumn('superseded_at', ts)
    .execute();
  await db.schema
    .createIndex('risk_methodologies_status_idx')
    .on('risk_methodologies')
    .column('status')
    .execute();

  for (const table of ['risk_threats', 'risk_vulnerabilities']) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('retired_at', ts)
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull());
    if (table === 'risk_vulnerabilities')
      builder = builder.addColumn('asset_types', 'text', (c) => c.notNull().defaultTo('[]'));
    await builder.execute();
  }
  await db.schema
    .createTable('risk_seed_log')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('seeded_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('methodology_id', 'text', (c) =>
      c.notNull().references('risk_methodologies.id').onDelete('restrict'),
    )
    .addColumn('scope_unit_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('scope_asset_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('copied_from_id', 'text', (c) => c.references('risk_assessments.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('started_at', ts)
    .addColumn('completed_at', ts)
    .addColumn('completed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('risk_assessments_status_idx')
    .on('risk_assessments')
    .column('status')
    .execute();
  await db.schema
    .createIndex('risk_assessments_methodology_idx')
    .on('risk_assessments')
    .column('methodology_id')
    .execute();

  let scenarios = db.schema
    .createTable('risk_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('assessment_id', 'text', (c) =>
      c.notNull().references('risk_assessments.id').onDelete('cascade'),
    )
    .addColumn('methodology_id', 'text', (c) =>
      c.notNull().references('risk_methodologies.id').onDelete('restrict'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('existing_controls', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('threat_id', 'text', (c) => c.references('risk_threats.id').onDelete('restrict'))
    .addColumn('vulnerability_id', 'text', (c) =>
      c.references('risk_vulnerabilities.id').onDelete('restrict'),
    )
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('treatment_option', 'text')
    .addColumn('planned_controls', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull());
  for (const p of ['inherent', 'target', 'actual']) {
    const required = p === 'inherent';
    scenarios = scenarios
      .addColumn(`${p}_input`, 'text', (c) => (required ? c.notNull() : c))
      .addColumn(`${p}_level`, 'text', (c) => (required ? c.notNull() : c))
      .addColumn(`${p}_rank`, 'integer', (c) => (required ? c.notNull() : c))
      .addColumn(`${p}_likelihood`, 'integer')
      .addColumn(`${p}_impact`, 'integer')
      .addColumn(`${p}_score`, real);
  }
  await scenarios
    .addColumn('current_level', 'text', (c) => c.notNull())
    .addColumn('current_rank', 'integer', (c) => c.notNull())
    .addColumn('next_due_on', 'text')
    .addColumn('rerate_note', 'text')
    .addColumn('rerated_at', ts)
    .addColumn('rerated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The register filters and sorts on these (50,000 scenarios).
  // With seq second, a filtered page in the default order (by code) is read straight off the index.
  for (const col of [
    'assessment_id',
    'owner_id',
    'status',
    'current_level',
    'current_rank',
    'inherent_level',
    'inherent_rank',
    'treatment_option',
    'threat_id',
    'vulnerability_id',
    'next_due_on',
    'updated_at',
    'title',
  ])
    await db.schema
      .createIndex(`risk_scenarios_${col}_idx`)
      .on('risk_scenarios')
      .columns([col, 'seq'])
      .execute();

  await db.schema
    .createTable('risk_scenario_assets')
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('risk_scenarios.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_scenario_assets_pk', ['scenario_id', 'asset_id'])
    .execute();
  await db.schema
    .createIndex('risk_scenario_assets_asset_idx')
    .on('risk_scenario_assets')
    .columns(['asset_id', 'scenario_id'])
    .execute();

  await db.schema
    .createTable('risk_treatment_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('risk_scenarios.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('controls', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  for (const col of ['scenario_id', 'owner_id', 'due_on'])
    await db.schema
      .createIndex(`risk_treatment_items_${col}_idx`)
      .on('risk_treatment_items')
      .column(col)
      .execute();

  await db.schema
    .createTable('risk_acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('risk_scenarios.id').onDelete('cascade'))
    .addColumn('methodology_id', 'text', (c) =>
      c.notNull().references('risk_methodologies.id').onDelete('restrict'),
    )
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('accepted_at', ts, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_at', ts)
    .addColumn('ended_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema
    .createIndex('risk_acceptances_scenario_idx')
    .on('risk_acceptances')
    .column('scenario_id')
    .execute();
  await db.schema
    .createIndex('risk_acceptances_status_expiry_idx')
    .on('risk_acceptances')
    .columns(['status', 'expires_on'])
    .execute();

  await db.schema
    .createTable('risk_reassessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('risk_scenarios.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_methodology_id', 'text', (c) => c.notNull())
    .addColumn('to_methodology_id', 'text', (c) => c.notNull())
    .addColumn('from_level', 'text', (c) => c.notNull())
    .addColumn('to_level', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('risk_reassessments_scenario_idx')
    .on('risk_reassessments')
    .column('scenario_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'risk_reassessments',
    'risk_acceptances',
    'risk_treatment_items',
    'risk_scenario_assets',
    'risk_scenarios',
    'risk_assessments',
    'risk_seed_log',
    'risk_vulnerabilities',
    'risk_threats',
    'risk_methodologies',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
