import type { Kysely } from 'kysely';
import { timestampType } from '../../dialect.js';

// Applied controls, evidence, compliance assessments and the Statement of Applicability. Requirements are
// linked by framework key + ref (stable across framework versions); assessment results point at the nodes
// of the version they assessed, so a new framework version never rewrites an old assessment.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('applied_controls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('review_months', 'integer')
    .addColumn('next_review_on', 'text')
    .addColumn('effectiveness', 'text', (c) => c.notNull().defaultTo('not_rated'))
    .addColumn('effectiveness_rated_at', ts)
    .addColumn('effectiveness_rated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('applied_controls_status_idx')
    .on('applied_controls')
    .column('status')
    .execute();

  await db.schema
    .createTable('applied_control_requirements')
    .addColumn('control_id', 'text', (c) => c.notNull().references('applied_controls.id').onDelete('cascade'))
    .addColumn('framework_key', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('applied_control_requirements_pk', ['control_id', 'framework_key', 'ref'])
    .execute();
  await db.schema
    .createIndex('applied_control_requirements_ref_idx')
    .on('applied_control_requirements')
    .columns(['framework_key', 'ref'])
    .execute();
  await db.schema
    .createTable('applied_control_assets')
    .addColumn('control_id', 'text', (c) => c.notNull().references('applied_controls.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('applied_control_assets_pk', ['control_id', 'asset_id'])
    .execute();
  await db.schema
    .createTable('applied_control_risks')
    .addColumn('control_id', 'text', (c) => c.notNull().references('applied_controls.id').onDelete('cascade'))
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('risk_scenarios.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('applied_control_risks_pk', ['control_id', 'scenario_id'])
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_name', 'text')
    .addColumn('sha256', 'text')
    .addColumn('size', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('url', 'text')
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_valid_until_idx').on('evidence').column('valid_until').execute();
  await db.schema.createIndex('evidence_sha256_idx').on('evidence').column('sha256').execute();
  await db.schema
    .createTable('evidence_controls')
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull().references('applied_controls.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('evidence_controls_pk', ['evidence_id', 'control_id'])
    .execute();
  await db.schema
    .createIndex('evidence_controls_control_idx')
    .on('evidence_controls')
    .column('control_id')
    .execute();

  await db.schema
    .createTable('compliance_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id').onDelete('restrict'))
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('framework_versions.id').onDelete('restrict'),
    )
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'text', (c) => c.references('assets.id').onDelete('restrict'))
    .addColumn('protection_level', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('copied_from_id', 'text', (c) =>
      c.references('compliance_assessments.id').onDelete('set null'),
    )
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addColumn('completed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('compliance_assessments_framework_idx')
    .on('compliance_assessments')
    .columns(['framework_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('compliance_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) =>
      c.notNull().references('compliance_assessments.id').onDelete('cascade'),
    )
    .addColumn('node_id', 'text', (c) => c.notNull().references('framework_nodes.id').onDelete('restrict'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('gap_owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('gap_due_on', 'text')
    .addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('compliance_results_ref_uq', ['assessment_id', 'ref'])
    .execute();
  // "Satisfied elsewhere": results on given requirements across all assessments.
  await db.schema
    .createIndex('compliance_results_ref_idx')
    .on('compliance_results')
    .columns(['ref', 'assessment_id'])
    .execute();
  await db.schema
    .createIndex('compliance_results_status_idx')
    .on('compliance_results')
    .columns(['status', 'assessment_id'])
    .execute();
  for (const [table, col, ref] of [
    ['compliance_result_evidence', 'evidence_id', 'evidence.id'],
    ['compliance_result_controls', 'control_id', 'applied_controls.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('result_id', 'text', (c) =>
        c.notNull().references('compliance_results.id').onDelete('cascade'),
      )
      .addColumn(col, 'text', (c) => c.notNull().references(ref).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['result_id', col])
      .execute();
    await db.schema.createIndex(`${table}_${col}_idx`).on(table).column(col).execute();
  }

  await db.schema
    .createTable('soa_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('framework_version_id', 'text', (c) =>
      c.notNull().references('framework_versions.id').onDelete('restrict'),
    )
    .addColumn('based_on_id', 'text', (c) => c.references('soa_versions.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', ts)
    .addColumn('approval_note', 'text')
    .addColumn('superseded_at', ts)
    .execute();
  await db.schema
    .createTable('soa_entries')
    .addColumn('soa_id', 'text', (c) => c.notNull().references('soa_versions.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('implementation', 'text', (c) => c.notNull())
    .addColumn('control_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('soa_entries_pk', ['soa_id', 'ref'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'soa_entries',
    'soa_versions',
    'compliance_result_controls',
    'compliance_result_evidence',
    'compliance_results',
    'compliance_assessments',
    'evidence_controls',
    'evidence',
    'applied_control_risks',
    'applied_control_assets',
    'applied_control_requirements',
    'applied_controls',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
