import type { Kysely } from 'kysely';
import { timestampType } from '../../dialect.js';

// ISMS document control: levels, documents, versions with their reviewers and approvers, distribution and
// acknowledgement, and the disposal of records past retention. The default levels are seeded by the
// documents module at start-up (insert-if-missing), not here.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('document_levels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('is_record', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retention_years', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level_id', 'text', (c) => c.notNull().references('document_levels.id').onDelete('restrict'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('review_interval_months', 'integer', (c) => c.notNull())
    .addColumn('next_review_on', 'text')
    .addColumn('retention_years', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_level_idx').on('documents').column('level_id').execute();
  await db.schema.createIndex('documents_owner_idx').on('documents').column('owner_id').execute();
  // Overdue reviews (home card, register filter) and the daily review reminders.
  await db.schema.createIndex('documents_next_review_idx').on('documents').column('next_review_on').execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_sha256', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_type', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('change_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('submitted_at', ts)
    .addColumn('approved_at', ts)
    .addColumn('published_at', ts)
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('obsolete_at', ts)
    .addColumn('disposed_at', ts)
    .addUniqueConstraint('document_versions_number_uq', ['document_id', 'version'])
    .execute();
  // Status first for the lists by state (pending approvals, disposal candidates); document_id second so
  // the register's join to each document's published version is an index seek, not a scan of them all.
  await db.schema
    .createIndex('document_versions_status_idx')
    .on('document_versions')
    .columns(['status', 'document_id'])
    .execute();

  await db.schema
    .createTable('document_version_participants')
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('document_versions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_at', ts)
    .addPrimaryKeyConstraint('document_version_participants_pk', ['version_id', 'role', 'user_id'])
    .execute();
  await db.schema
    .createIndex('document_version_participants_user_idx')
    .on('document_version_participants')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('document_distributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('document_versions.id').onDelete('cascade'),
    )
    .addColumn('user_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('role_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('recipient_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('document_acknowledgements')
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('document_versions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('distribution_id', 'text', (c) => c.notNull().references('document_distributions.id'))
    .addColumn('assigned_at', ts, (c) => c.notNull())
    .addColumn('acknowledged_at', ts)
    .addColumn('reminded_at', ts)
    .addPrimaryKeyConstraint('document_acknowledgements_pk', ['version_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('document_acknowledgements_user_idx')
    .on('document_acknowledgements')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('document_disposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('document_versions.id').onDelete('restrict'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', ts)
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('document_disposals_version_idx')
    .on('document_disposals')
    .column('version_id')
    .execute();
}
