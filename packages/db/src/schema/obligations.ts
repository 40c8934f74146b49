// Tables of the obligations calendar and the regulations register (適用法規清單).
import type { Selectable } from 'kysely';

type Timestamp = string;
type Flag = number;
/** A calendar date 'YYYY-MM-DD' in the organisation's time zone. */
type LocalDate = string;

export interface ObligationProfileTable {
  /** Always 'org'. */
  id: string;
  /** The day the level took effect, as set on the obligations page; null = the day the level was set. */
  anchor_on: LocalDate | null;
  /** The level `anchor_on` was set for; a different organisation level makes it stale. */
  anchor_level: string | null;
  /** JSON string[] of framework keys whose obligations apply. */
  frameworks_in_use: string;
  default_owner_id: string | null;
  horizon_months: number;
  /** The level and time of the last "generate/refresh calendar". */
  generated_level: string | null;
  generated_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface ObligationTable {
  id: string;
  framework_key: string;
  ref: string;
  kind: string;
  title_en: string;
  title_zh: string;
  description_en: string;
  description_zh: string;
  /** Responsibility level the schedule was taken for. */
  level: string;
  /** JSON Schedule (@vigil/frameworks). */
  schedule: string;
  quantity: number | null;
  owner_id: string | null;
  /** 0 once the item no longer applies (level or frameworks changed); kept for its history. */
  active: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObligationTaskTable {
  id: string;
  obligation_id: string;
  seq: number;
  /** The date the schedule gave; identifies the task across refreshes. */
  scheduled_on: LocalDate;
  /** The date it is due (a manager may move it). */
  due_on: LocalDate;
  hours: number | null;
  audience: string | null;
  owner_id: string | null;
  /** open | done | cancelled */
  status: string;
  completed_at: Timestamp | null;
  completed_by: string | null;
  completion_note: string | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObligationTaskEvidenceTable {
  task_id: string;
  evidence_id: string;
  linked_by: string | null;
  linked_at: Timestamp;
}

export interface ReminderSentTable {
  /** obligation_task | regulation */
  subject_type: string;
  subject_id: string;
  kind: string;
  day: LocalDate;
  sent_at: Timestamp;
}

export interface RegulationTable {
  id: string;
  seed_key: string | null;
  name_en: string;
  name_zh: string;
  /** law | regulation | standard | contract | other */
  kind: string;
  authority: string;
  reference: string;
  url: string | null;
  applicable: Flag;
  applicability_note: string;
  owner_id: string | null;
  /** JSON { text, requirements: { framework, ref }[] }[] */
  obligations: string;
  /** JSON { on, en, zh }[]: promulgation, amendments, renaming. */
  key_dates: string;
  last_reviewed_on: LocalDate | null;
  review_months: number;
  next_review_on: LocalDate | null;
  /** in_force | superseded | repealed | draft */
  status: string;
  notes: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RegulationSeedTable {
  seed_key: string;
  seeded_at: Timestamp;
}

export interface ObligationsTables {
  obligation_profile: ObligationProfileTable;
  obligations: ObligationTable;
  obligation_tasks: ObligationTaskTable;
  obligation_task_evidence: ObligationTaskEvidenceTable;
  reminders_sent: ReminderSentTable;
  regulations: RegulationTable;
  regulation_seeds: RegulationSeedTable;
}

export type ObligationProfileRow = Selectable<ObligationProfileTable>;
export type ObligationRow = Selectable<ObligationTable>;
export type ObligationTaskRow = Selectable<ObligationTaskTable>;
export type RegulationRow = Selectable<RegulationTable>;
