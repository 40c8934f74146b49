import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { AssetService } from './assets.service.js';

/** Reads and writes the inventory as CSV and XLSX files, and renders the 資產清冊 record. */
export class AssetIoService {
  constructor(
    protected readonly db: Kysely<DB>,
    protected readonly audit: AuditService,
    protected readonly assets: AssetService,
    protected readonly clock: Clock,
  ) {}
}
