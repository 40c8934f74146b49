import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { SettingsService } from '../../platform/settings/settings.service.js';
import type { AssetService } from '../assets/assets.service.js';

export class RiskService {
  constructor(
    protected readonly db: Kysely<DB>,
    protected readonly audit: AuditService,
    protected readonly settings: SettingsService,
    protected readonly assets: AssetService,
    protected readonly clock: Clock,
  ) {}
}
