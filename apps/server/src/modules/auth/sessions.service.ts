import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isPermission, type Permission, type SecuritySettings, type SessionState } from '@vigil/contracts';
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { addMinutes, type Clock } from '../../platform/clock.js';
import type { UserActor } from '../../platform/context.js';
import type { SettingsService } from '../../platform/settings/settings.service.js';
import {
  deleteSession,
  deleteUserSessions,
  insertSession,
  type SessionGrantRow,
  sessionExpiry,
  sessionWithGrantsFinder,
  setSessionState,
  touchSession,
} from './sessions.repository.js';

/** A session still waiting for MFA or a password change lives at most this long. */
const PENDING_MINUTES = 10;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 30_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function expiryFor(state: SessionState, now: Date, policy: SecuritySettings): string {
  if (state !== 'active') return addMinutes(now, PENDING_MINUTES).toISOString();
  return addMinutes(now, policy.sessionAbsoluteHours * 60).toISOString();
}

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
  expiresAt: string;
}

/** Server-side sessions: the cookie holds a random token, the database only its SHA-256. */
export class SessionService {
  private readonly findSessionWithGrants: (id: string) => Promise<SessionGrantRow[]>;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {
    this.findSessionWithGrants = sessionWithGrantsFinder(db);
  }

  async create(
    trx: Kysely<DB>,
    userId: string,
    state: SessionState,
    meta: { ip: string | null; userAgent: string | null },
    policy: SecuritySettings,
  ): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const id = hashToken(token);
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const expiresAt = expiryFor(state, now, policy);
    await insertSession(trx, {
      id,
      user_id: userId,
      state,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
    });
    return { token, id, csrfToken, expiresAt };
  }

  /**
   * Moves a session to its next state (e.g. MFA passed → active), with the lifetime of that state.
   * Takes the policy rather than reading it: inside a transaction only `trx` may be used (on SQLite a
   * second query through the pool would wait for the transaction's own connection forever).
   */
  async advance(
    trx: Kysely<DB>,
    sessionId: string,
    state: SessionState,
    policy: SecuritySettings,
  ): Promise<string> {
    const expiresAt = expiryFor(state, this.clock.now(), policy);
    await setSessionState(trx, sessionId, state, expiresAt);
    return expiresAt;
  }

  /** The user behind a session cookie, or null when the session is unknown, expired, idle or disabled. */
  async resolve(token: string): Promise<UserActor | null> {
    if (token.length < 20 || token.length > 100) return null;
    const id = hashToken(token);
    const rows = await this.findSessionWithGrants(id);
    const row = rows[0];
    if (!row) return null;
    const now = this.clock.now();
    const policy = await this.settings.security();
    const idleLimit = addMinutes(new Date(row.last_seen_at), policy.sessionIdleMinutes);
    if (row.disabled_at || new Date(row.expires_at) <= now || idleLimit <= now) {
      await deleteSession(this.db, id);
      return null;
    }
    if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await touchSession(this.db, id, now.toISOString());
    }
    const roles: string[] = [];
    const permissions = new Set<Permission>();
    for (const r of rows) {
      if (!r.role_id || !r.role_permissions) continue;
      roles.push(r.role_id);
      for (const p of JSON.parse(r.role_permissions) as string[]) if (isPermission(p)) permissions.add(p);
    }
    return {
      kind: 'user',
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: roles.sort(),
      permissions,
      sessionId: id,
      sessionState: row.state as SessionState,
      csrfToken: row.csrf_token,
      tokenId: null,
      timeZone: row.time_zone,
    };
  }

  async end(sessionId: string): Promise<void> {
    await deleteSession(this.db, sessionId);
  }

  endAllOf(trx: Kysely<DB>, userId: string, keepSessionId?: string): Promise<number> {
    return deleteUserSessions(trx, userId, keepSessionId);
  }

  async expiresAt(sessionId: string): Promise<string | null> {
    return sessionExpiry(this.db, sessionId);
  }
}
