import type { Migration } from 'kysely';
import * as platform from './common/20261122000000_platform.js';
import * as assets from './common/20261123000000_assets.js';
import * as assetImports from './common/20261123000050_asset_imports.js';
import * as risks from './common/20261123000100_risks.js';
import * as frameworks from './common/20261124000000_frameworks.js';
import * as files from './common/20261124000010_files.js';
import * as notifications from './common/20261124000050_notifications.js';
import * as compliance from './common/20261124000100_compliance.js';
import * as obligations from './common/20261124000200_obligations.js';
import * as documents from './common/20261124000300_documents.js';
import * as pgAuditAppendOnly from './postgres/20261122000001_audit_append_only.js';
import * as sqliteAuditAppendOnly from './sqlite/20261122000001_audit_append_only.js';

// Migrations are frozen once released. Names sort by timestamp; the common set and the dialect's own
// set are merged in that order, so a dialect-only step lands exactly where it was written.
export const commonMigrations: Record<string, Migration> = {
  '20261122000000_platform': platform,
  '20261123000000_assets': assets,
  '20261123000050_asset_imports': assetImports,
  '20261123000100_risks': risks,
  '20261124000000_frameworks': frameworks,
  '20261124000010_files': files,
  '20261124000050_notifications': notifications,
  '20261124000100_compliance': compliance,
  '20261124000200_obligations': obligations,
  '20261124000300_documents': documents,
};

export const sqliteMigrations: Record<string, Migration> = {
  '20261122000001_audit_append_only': sqliteAuditAppendOnly,
};

export const postgresMigrations: Record<string, Migration> = {
  '20261122000001_audit_append_only': pgAuditAppendOnly,
};
