import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AssetIoTables } from './schema/asset-io.js';
import type { AssetTables } from './schema/assets.js';
import type { ComplianceTables } from './schema/compliance.js';
import type { DocumentsTables } from './schema/documents.js';
import type { FilesTables } from './schema/files.js';
import type { FrameworkTables } from './schema/frameworks.js';
import type { NotificationsTables } from './schema/notifications.js';
import type { ObligationsTables } from './schema/obligations.js';
import type { RiskTables } from './schema/risks.js';

/** ISO 8601 UTC timestamps travel as strings in both dialects (see connection.ts for PostgreSQL parsers). */
type Timestamp = string;
/** 0/1 flags: SQLite has no boolean type, so both dialects store integers. */
type Flag = number;

export interface OrganisationTable {
  id: string;
  name: string;
  responsibility_level: string | null;
  time_zone: string;
  updated_at: Timestamp;
}

export interface UnitTable {
  id: string;
  parent_id: string | null;
  name: string;
  code: string | null;
  head_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  locale: string | null;
  time_zone: string | null;
  unit_id: string | null;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Flag;
  disabled_at: Timestamp | null;
  failed_login_count: number;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  mfa_secret_id: string | null;
  mfa_enabled_at: Timestamp | null;
  mfa_last_step: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: string;
  password_hash: string;
  created_at: Timestamp;
}

export interface RoleTable {
  id: string;
  name_en: string;
  name_zh: string;
  description_en: string;
  description_zh: string;
  builtin: Flag;
  /** JSON array of permission names. */
  permissions: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRoleTable {
  user_id: string;
  role_id: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  /** 'active' | 'mfa_challenge' | 'mfa_enrol' | 'password_change' */
  state: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  permissions: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  last_used_ip: string | null;
  revoked_at: Timestamp | null;
}

export interface AuditEntryTable {
  seq: number;
  at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
  /** JSON object. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface SecretTable {
  id: string;
  purpose: string;
  key_id: string;
  ciphertext: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: Timestamp;
}

/** Platform tables here; each feature's tables in `schema/<feature>.ts`. */
export interface DB
  extends AssetTables,
    AssetIoTables,
    RiskTables,
    FrameworkTables,
    FilesTables,
    NotificationsTables,
    ComplianceTables,
    ObligationsTables,
    DocumentsTables {
  organisation: OrganisationTable;
  units: UnitTable;
  users: UserTable;
  password_history: PasswordHistoryTable;
  roles: RoleTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  recovery_codes: RecoveryCodeTable;
  api_tokens: ApiTokenTable;
  audit_entries: AuditEntryTable;
  audit_head: AuditHeadTable;
  settings: SettingTable;
  secrets: SecretTable;
  setup_tokens: SetupTokenTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type RoleRow = Selectable<RoleTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;
export type UnitRow = Selectable<UnitTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type SecretRow = Selectable<SecretTable>;
export * from './schema/asset-io.js';
export * from './schema/assets.js';
export * from './schema/compliance.js';
export * from './schema/documents.js';
export * from './schema/files.js';
export * from './schema/frameworks.js';
export * from './schema/notifications.js';
export * from './schema/obligations.js';
export * from './schema/risks.js';
export type { ColumnType };
