import { randomBytes, randomUUID } from 'node:crypto';
import { isPermission, type Permission } from '@vigil/contracts';
import type { ApiTokenRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext, UserActor } from '../../platform/context.js';
import { hashToken } from '../auth/sessions.service.js';
import { grantsOfUser } from '../roles/roles.repository.js';
import {
  findTokenOfUser,
  findTokenWithUser,
  insertToken,
  markTokenUsed,
  revokeToken,
  tokensOfUser,
} from './tokens.repository.js';

export const TOKEN_PREFIX = 'vgl_';
/** last_used_at (and its audit entry) is written at most once per minute per token. */
const USE_RECORD_EVERY_MS = 60_000;

/** API tokens for automation: a subset of the creator's permissions, an expiry, stored hashed. */
export class TokenService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(actor: UserActor): Promise<ApiTokenRow[]> {
    return tokensOfUser(this.db, actor.userId);
  }

  async create(
    ctx: RequestContext & { actor: UserActor },
    input: { name: string; permissions: string[]; expiresInDays: number },
  ): Promise<{ token: string; row: ApiTokenRow }> {
    const wanted = [...new Set(input.permissions)].sort();
    const notHeld = wanted.filter((p) => !isPermission(p) || !ctx.actor.permissions.has(p));
    if (notHeld.length > 0) {
      throw new AppError(400, 'token.permission_not_held', 'a token can only carry permissions you hold', {
        permissions: notHeld,
      });
    }
    const secret = randomBytes(32).toString('base64url');
    const token = `${TOKEN_PREFIX}${secret}`;
    const now = this.clock.now();
    const row: ApiTokenRow = {
      id: randomUUID(),
      user_id: ctx.actor.userId,
      name: input.name,
      token_hash: hashToken(token),
      token_prefix: token.slice(0, 10),
      permissions: JSON.stringify(wanted),
      expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
      created_at: now.toISOString(),
      last_used_at: null,
      last_used_ip: null,
      revoked_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await insertToken(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'token.created',
        objectType: 'api_token',
        objectId: row.id,
        details: { name: row.name, permissions: wanted, expiresAt: row.expires_at },
      });
    });
    return { token, row };
  }

  async revoke(ctx: RequestContext & { actor: UserActor }, id: string): Promise<void> {
    const row = await findTokenOfUser(this.db, ctx.actor.userId, id);
    if (!row) throw notFound('token');
    if (row.revoked_at) return;
    await this.db.transaction().execute(async (trx) => {
      await revokeToken(trx, id, this.clock.now().toISOString());
      await this.audit.record(trx, ctx, {
        action: 'token.revoked',
        objectType: 'api_token',
        objectId: id,
        details: { name: row.name },
      });
    });
  }

  /**
   * The actor behind a bearer token. Its permissions are the token's, cut down to what the owner holds
   * now — a token never outlives a role its owner lost.
   */
  async resolve(
    token: string,
    ip: string | null,
    requestId: string | null = null,
  ): Promise<UserActor | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
    const row = await findTokenWithUser(this.db, hashToken(token));
    const now = this.clock.now();
    if (!row || row.revoked_at || row.disabled_at || new Date(row.expires_at) <= now) return null;
    const grants = await grantsOfUser(this.db, row.user_id);
    const held = new Set(grants.permissions);
    const permissions = (JSON.parse(row.permissions) as string[]).filter(
      (p): p is Permission => isPermission(p) && held.has(p),
    );
    const actor: UserActor = {
      kind: 'user',
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: grants.roles,
      permissions: new Set(permissions),
      sessionId: null,
      sessionState: 'active',
      csrfToken: null,
      tokenId: row.id,
      timeZone: row.time_zone,
    };
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > USE_RECORD_EVERY_MS) {
      await this.db.transaction().execute(async (trx) => {
        await markTokenUsed(trx, row.id, now.toISOString(), ip);
        await this.audit.record(
          trx,
          { actor, ip, requestId },
          { action: 'token.used', objectType: 'api_token', objectId: row.id },
        );
      });
    }
    return actor;
  }
}
