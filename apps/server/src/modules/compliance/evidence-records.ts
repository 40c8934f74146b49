// The records inside Vigil that can be evidence (`kind: 'record'`, `recordType` + `recordId`). Each type
// answers whether a record exists; the tables belong to other modules and are only read here.
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import type { RecordLookup } from './evidence.service.js';

type IdTable =
  | 'risk_assessments'
  | 'risk_scenarios'
  | 'assets'
  | 'obligation_tasks'
  | 'compliance_assessments'
  | 'soa_versions';

const exists =
  (table: IdTable): RecordLookup =>
  async (db: Kysely<DB>, id: string) =>
    !!(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());

/** A document version whose content is still kept (a disposed version is no longer a record to show). */
const documentVersion: RecordLookup = async (db, id) =>
  !!(await db
    .selectFrom('document_versions')
    .select('id')
    .where('id', '=', id)
    .where('disposed_at', 'is', null)
    .executeTakeFirst());

/** Record types known to Vigil today; a module added later registers its own the same way. */
export const VIGIL_RECORD_TYPES: Readonly<Record<string, RecordLookup>> = {
  risk_assessment: exists('risk_assessments'),
  risk_scenario: exists('risk_scenarios'),
  asset: exists('assets'),
  obligation_task: exists('obligation_tasks'),
  document_version: documentVersion,
  compliance_assessment: exists('compliance_assessments'),
  soa_version: exists('soa_versions'),
};
