import type {
  ObligationGenerateResult,
  ObligationProfileView,
  ObligationView,
  UpdateObligationProfileRequest,
} from '@vigil/contracts';
import type { ObligationProfileRow } from '@vigil/db';
import { localDate } from '@vigil/frameworks';
import { badRequest, notFound } from '../../http/errors.js';
import { actorId, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { generateCalendar } from './obligation-calendar.js';
import { runObligationReminders } from './obligation-reminders.js';
import { isLevel, levelSetOn } from './obligation-rules.js';
import { ObligationTaskService } from './obligation-tasks.service.js';
import { presentObligation } from './obligations.presenter.js';
import {
  allObligations,
  ensureProfile,
  frameworksWithObligations,
  obligationById,
  openTaskStats,
  organisationRow,
  orgChanges,
  PROFILE_ID,
  userExists,
  usersByIds,
} from './obligations.repository.js';

/** Everything a calendar decision needs about the organisation, read once. */
export interface ObligationContext {
  level: string | null;
  anchorOn: string | null;
  anchorIsDefault: boolean;
  today: string;
  timeZone: string;
  profile: ObligationProfileRow;
}

/** The obligations calendar: the organisation's obligation profile, obligations and their dated tasks. */
export class ObligationService {
  readonly tasks: ObligationTaskService;

  constructor(protected readonly s: Services) {
    this.tasks = new ObligationTaskService(s, this);
    s.jobs.register({
      name: 'obligations.reminders',
      pattern: '0 8 * * *',
      run: () => this.runReminders().then(() => undefined),
    });
  }

  /** Start-up work: the profile row exists (idempotent, safe when two processes start at once). */
  async bootstrap(): Promise<void> {
    await ensureProfile(this.s.db, this.s.clock.now().toISOString());
  }

  async context(): Promise<ObligationContext> {
    const now = this.s.clock.now();
    const profile = await ensureProfile(this.s.db, now.toISOString());
    const org = await organisationRow(this.s.db);
    const timeZone = org?.time_zone ?? 'Asia/Taipei';
    const today = localDate(now, timeZone);
    const level = org?.responsibility_level ?? null;
    let anchorOn: string | null = null;
    let anchorIsDefault = false;
    if (level && profile.anchor_on && profile.anchor_level === level) anchorOn = profile.anchor_on;
    else if (level) {
      anchorIsDefault = true;
      anchorOn =
        levelSetOn(await orgChanges(this.s.db), level, timeZone) ??
        (org?.updated_at ? localDate(org.updated_at, timeZone) : today);
    }
    return { level, anchorOn, anchorIsDefault, today, timeZone, profile };
  }

  async profile(): Promise<ObligationProfileView> {
    const c = await this.context();
    const users = await usersByIds(this.s.db, [c.profile.default_owner_id]);
    const frameworks = await frameworksWithObligations(this.s.db);
    const level = c.level && isLevel(c.level) ? c.level : null;
    const generatedLevel =
      c.profile.generated_level && isLevel(c.profile.generated_level) ? c.profile.generated_level : null;
    return {
      level,
      anchorOn: c.anchorOn,
      anchorIsDefault: c.anchorIsDefault,
      frameworksInUse: JSON.parse(c.profile.frameworks_in_use) as string[],
      availableFrameworks: frameworks.map((f) => ({ key: f.key, nameEn: f.name_en, nameZh: f.name_zh })),
      defaultOwner: c.profile.default_owner_id ? (users.get(c.profile.default_owner_id) ?? null) : null,
      horizonMonths: c.profile.horizon_months,
      generatedLevel,
      generatedAt: c.profile.generated_at,
      needsRefresh:
        level !== null &&
        (generatedLevel !== level ||
          (c.profile.generated_at !== null && c.profile.updated_at > c.profile.generated_at)),
      today: c.today,
      timeZone: c.timeZone,
    };
  }

  async updateProfile(
    ctx: RequestContext,
    req: UpdateObligationProfileRequest,
  ): Promise<ObligationProfileView> {
    const c = await this.context();
    if (req.anchorOn !== undefined && req.anchorOn !== null && !c.level)
      throw badRequest('obligation.level_not_set', 'set the organisation’s responsibility level first');
    if (req.anchorOn && req.anchorOn > c.today)
      throw badRequest(
        'obligation.anchor_in_future',
        'the date the level took effect cannot be in the future',
      );
    if (req.defaultOwnerId && !(await userExists(this.s.db, req.defaultOwnerId)))
      throw badRequest('obligation.unknown_user', 'unknown user');
    if (req.frameworksInUse) {
      const known = new Set(
        (await this.s.db.selectFrom('frameworks').select('key').execute()).map((f) => f.key),
      );
      const unknown = req.frameworksInUse.filter((k) => !known.has(k));
      if (unknown.length)
        throw badRequest('obligation.unknown_framework', `unknown framework: ${unknown.join(', ')}`, {
          unknown,
        });
    }
    const now = this.s.clock.now().toISOString();
    const set: Partial<ObligationProfileRow> = { updated_at: now };
    if (req.anchorOn !== undefined) {
      set.anchor_on = req.anchorOn;
      set.anchor_level = req.anchorOn ? c.level : null;
    }
    if (req.frameworksInUse) set.frameworks_in_use = JSON.stringify([...new Set(req.frameworksInUse)]);
    if (req.defaultOwnerId !== undefined) set.default_owner_id = req.defaultOwnerId;
    if (req.horizonMonths !== undefined) set.horizon_months = req.horizonMonths;
    await this.s.db.transaction().execute(async (trx) => {
      await trx.updateTable('obligation_profile').set(set).where('id', '=', PROFILE_ID).execute();
      await this.s.audit.record(trx, ctx, {
        action: 'obligation.profile_updated',
        objectType: 'obligation_profile',
        objectId: PROFILE_ID,
        details: {
          from: {
            anchorOn: c.profile.anchor_on,
            frameworksInUse: JSON.parse(c.profile.frameworks_in_use),
            defaultOwnerId: c.profile.default_owner_id,
            horizonMonths: c.profile.horizon_months,
          },
          to: req,
        },
      });
    });
    return this.profile();
  }

  async generate(ctx: RequestContext): Promise<ObligationGenerateResult> {
    return generateCalendar(this.s, ctx, await this.context(), actorId(ctx));
  }

  async list(includeRetired: boolean): Promise<ObligationView[]> {
    const rows = (await allObligations(this.s.db)).filter((o) => includeRetired || o.active === 1);
    const users = await usersByIds(
      this.s.db,
      rows.map((r) => r.owner_id),
    );
    const stats = await openTaskStats(this.s.db);
    return rows.map((r) => presentObligation(r, users, stats.get(r.id)));
  }

  /** Sets the obligation's owner; its open tasks move to the new owner. */
  async setOwner(ctx: RequestContext, id: string, ownerId: string | null): Promise<ObligationView> {
    const before = await obligationById(this.s.db, id);
    if (!before) throw notFound('obligation');
    if (ownerId && !(await userExists(this.s.db, ownerId)))
      throw badRequest('obligation.unknown_user', 'unknown user');
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('obligations')
        .set({ owner_id: ownerId, updated_at: now })
        .where('id', '=', id)
        .execute();
      const moved = await trx
        .updateTable('obligation_tasks')
        .set({ owner_id: ownerId, updated_at: now })
        .where('obligation_id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      await this.s.audit.record(trx, ctx, {
        action: 'obligation.owner_changed',
        objectType: 'obligation',
        objectId: id,
        details: { from: before.owner_id, to: ownerId, openTasksMoved: Number(moved.numUpdatedRows) },
      });
    });
    const [view] = (await this.list(true)).filter((o) => o.id === id);
    if (!view) throw notFound('obligation');
    return view;
  }

  /** The daily reminder run (08:00 in the organisation's time zone); returns how many notices it queued. */
  runReminders(): Promise<number> {
    return runObligationReminders(this.s, this);
  }
}
