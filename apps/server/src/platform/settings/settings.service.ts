import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings, securitySettings } from '@vigil/contracts';
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest } from '../../http/errors.js';
import { existingRoleIds } from '../../modules/roles/roles.repository.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';

const SECURITY_KEY = 'security';
const CACHE_MS = 2000;

/** System settings stored as JSON per key; reads are cached briefly because every request needs them. */
export class SettingsService {
  private cache: { value: SecuritySettings; at: number } | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async security(): Promise<SecuritySettings> {
    const now = this.clock.now().getTime();
    if (this.cache && now - this.cache.at < CACHE_MS) return this.cache.value;
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', SECURITY_KEY)
      .executeTakeFirst();
    // Stored values are merged over defaults so a setting added in a later release gets its default.
    const value = securitySettings.parse({
      ...DEFAULT_SECURITY_SETTINGS,
      ...(row ? (JSON.parse(row.value) as object) : {}),
    });
    this.cache = { value, at: now };
    return value;
  }

  async updateSecurity(ctx: RequestContext, patch: Partial<SecuritySettings>): Promise<SecuritySettings> {
    if (patch.mfaRequiredRoles && patch.mfaRequiredRoles.length > 0) {
      // A misspelt role would silently exempt everyone from MFA.
      const known = await existingRoleIds(this.db, patch.mfaRequiredRoles);
      const unknown = patch.mfaRequiredRoles.filter((r) => !known.has(r));
      if (unknown.length > 0)
        throw badRequest('settings.unknown_role', `unknown role: ${unknown.join(', ')}`, { roles: unknown });
    }
    const before = await this.security();
    const after = securitySettings.parse({ ...before, ...patch });
    const changed = Object.fromEntries(
      Object.keys(patch)
        .filter(
          (k) =>
            JSON.stringify(before[k as keyof SecuritySettings]) !==
            JSON.stringify(after[k as keyof SecuritySettings]),
        )
        .map((k) => [
          k,
          { from: before[k as keyof SecuritySettings], to: after[k as keyof SecuritySettings] },
        ]),
    );
    if (Object.keys(changed).length === 0) return after;
    const now = this.clock.now().toISOString();
    const by = ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: SECURITY_KEY, value: JSON.stringify(after), updated_at: now, updated_by: by })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: JSON.stringify(after), updated_at: now, updated_by: by }),
        )
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'settings.updated',
        objectType: 'settings',
        objectId: SECURITY_KEY,
        details: { changed },
      });
    });
    this.cache = null;
    return after;
  }
}
