import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { hashToken, safeEqual } from '../auth/sessions.service.js';
import type { OrgService } from '../org/org.service.js';
import { countActiveAdmins } from '../users/users.repository.js';
import type { UserService } from '../users/users.service.js';

/**
 * First run: while no administrator exists, one random setup token (kept hashed in the database and in
 * clear in a 0600 file in the data directory) lets one person create the first administrator.
 */
export class SetupService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly users: UserService,
    private readonly org: OrgService,
    private readonly clock: Clock,
    private readonly tokenFile: string | null,
  ) {}

  async needsSetup(): Promise<boolean> {
    return (await countActiveAdmins(this.db)) === 0;
  }

  /** Issues a fresh token (replacing any earlier one) and writes it to the token file. */
  async issueToken(): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('setup_tokens').execute();
      await trx
        .insertInto('setup_tokens')
        .values({ token_hash: hashToken(token), created_at: this.clock.now().toISOString() })
        .execute();
    });
    if (this.tokenFile) {
      fs.rmSync(this.tokenFile, { force: true });
      fs.writeFileSync(this.tokenFile, `${token}\n`, { mode: 0o600 });
    }
    return token;
  }

  async complete(
    ctx: RequestContext,
    input: {
      token: string;
      username: string;
      displayName: string;
      email?: string | undefined;
      password: string;
      organisationName?: string | undefined;
    },
  ): Promise<string> {
    const rows = await this.db.selectFrom('setup_tokens').select('token_hash').execute();
    const presented = hashToken(input.token);
    const valid = rows.some((r) => safeEqual(r.token_hash, presented));
    if (!(await this.needsSetup()))
      throw new AppError(409, 'setup.already_done', 'Vigil already has an administrator');
    if (!valid)
      throw new AppError(
        403,
        'setup.invalid_token',
        'the setup link is not valid; use the link the server printed',
      );
    const created = await this.users.create(ctx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      roles: ['admin'],
      password: input.password,
      mustChangePassword: false,
    });
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('setup_tokens').execute();
      await this.audit.record(trx, ctx, {
        action: 'setup.completed',
        objectType: 'user',
        objectId: created.user.id,
        actorLabel: `setup:${created.user.username}`,
        details: { administrator: created.user.username },
      });
    });
    if (this.tokenFile) fs.rmSync(this.tokenFile, { force: true });
    if (input.organisationName)
      await this.org.update({ ...ctx, actor: null }, { name: input.organisationName });
    return created.user.id;
  }
}
