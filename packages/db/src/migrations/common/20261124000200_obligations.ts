import type { Kysely } from 'kysely';
import { timestampType } from '../../dialect.js';

// The obligations calendar (the organisation's obligation profile, one obligation per applicable framework
// item, dated tasks with their evidence) and the regulations register (適用法規清單). Tasks are matched
// to their schedule by (obligation, scheduled date), so a refresh never duplicates them; tasks are
// cancelled, never deleted. Reminders sent are remembered per subject, kind and day.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('obligation_profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('anchor_on', 'text')
    .addColumn('anchor_level', 'text')
    .addColumn('frameworks_in_use', 'text', (c) => c.notNull())
    .addColumn('default_owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('horizon_months', 'integer', (c) => c.notNull())
    .addColumn('generated_level', 'text')
    .addColumn('generated_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('obligations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_key', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('obligations_ref_uq', ['framework_key', 'ref'])
    .execute();

  await db.schema
    .createTable('obligation_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('obligation_id', 'text', (c) => c.notNull().references('obligations.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('scheduled_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('hours', 'real')
    .addColumn('audience', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addColumn('completed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('completion_note', 'text')
    .addColumn('cancelled_at', ts)
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('obligation_tasks_slot_uq', ['obligation_id', 'scheduled_on'])
    .execute();
  await db.schema
    .createIndex('obligation_tasks_status_due_idx')
    .on('obligation_tasks')
    .columns(['status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('obligation_tasks_owner_idx')
    .on('obligation_tasks')
    .columns(['owner_id', 'status'])
    .execute();

  await db.schema
    .createTable('obligation_task_evidence')
    .addColumn('task_id', 'text', (c) => c.notNull().references('obligation_tasks.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('linked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('linked_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('obligation_task_evidence_pk', ['task_id', 'evidence_id'])
    .execute();

  await db.schema
    .createTable('reminders_sent')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('reminders_sent_pk', ['subject_type', 'subject_id', 'kind', 'day'])
    .execute();

  await db.schema
    .createTable('regulations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text')
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('applicability_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('obligations', 'text', (c) => c.notNull())
    .addColumn('key_dates', 'text', (c) => c.notNull())
    .addColumn('last_reviewed_on', 'text')
    .addColumn('review_months', 'integer', (c) => c.notNull())
    .addColumn('next_review_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('regulations_next_review_idx')
    .on('regulations')
    .column('next_review_on')
    .execute();

  // Shipped entries seeded once: a key stays here after the entry is deleted, so it is not put back.
  await db.schema
    .createTable('regulation_seeds')
    .addColumn('seed_key', 'text', (c) => c.primaryKey())
    .addColumn('seeded_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'regulation_seeds',
    'regulations',
    'reminders_sent',
    'obligation_task_evidence',
    'obligation_tasks',
    'obligations',
    'obligation_profile',
  ])
    await db.schema.dropTable(t).execute();
}
