import type {
  CompleteObligationTaskRequest,
  ObligationSummary,
  ObligationTaskDetail,
  ObligationTaskQuery,
  ObligationTaskView,
  UpdateObligationTaskRequest,
} from '@vigil/contracts';
import { isCalendarDate } from '@vigil/frameworks';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import { actorId, has, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { addDays } from './obligation-rules.js';
import { presentTask, presentTaskDetail, type TaskViewContext } from './obligations.presenter.js';
import {
  evidenceCounts,
  evidenceOfTask,
  findTasks,
  type TaskFilter,
  type TaskJoinedRow,
  userExists,
  usersByIds,
} from './obligations.repository.js';
import type { ObligationService } from './obligations.service.js';

/** Tasks of the calendar: who sees them, assigning, evidence and completion. */
export class ObligationTaskService {
  constructor(
    private readonly s: Services,
    private readonly obligations: ObligationService,
  ) {}

  /** obligations.work holders without read or manage see only their own tasks. */
  private scope(ctx: RequestContext): string | undefined {
    if (has(ctx, 'obligations.read') || has(ctx, 'obligations.manage')) return undefined;
    return actorId(ctx) ?? '-';
  }

  private async viewContext(ctx: RequestContext, rows: TaskJoinedRow[]): Promise<TaskViewContext> {
    const c = await this.obligations.context();
    return {
      today: c.today,
      timeZone: c.timeZone,
      users: await usersByIds(
        this.s.db,
        rows.flatMap((r) => [r.owner_id, r.completed_by]),
      ),
      evidence: await evidenceCounts(
        this.s.db,
        rows.map((r) => r.id),
      ),
      actorId: actorId(ctx),
      canWork: has(ctx, 'obligations.work'),
      canManage: has(ctx, 'obligations.manage'),
    };
  }

  async list(ctx: RequestContext, q: ObligationTaskQuery) {
    const { today } = await this.obligations.context();
    const scoped = this.scope(ctx);
    const f: TaskFilter = {};
    if (q.status) f.status = q.status;
    if (q.kind) f.kind = q.kind;
    if (q.dueFrom) f.dueFrom = q.dueFrom;
    if (q.dueTo) f.dueTo = q.dueTo;
    const owner = scoped ?? (q.mine ? (actorId(ctx) ?? '-') : q.ownerId);
    if (owner) f.ownerId = owner;
    if (scoped && q.ownerId && q.ownerId !== scoped) f.ownerId = '-';
    if (q.overdue === true) f.overdueBefore = today;
    if (q.overdue === false) f.notOverdueBefore = today;
    const { rows, total } = await findTasks(this.s.db, f, q.limit, q.offset);
    const vc = await this.viewContext(ctx, rows);
    return { items: rows.map((r) => presentTask(r, vc)), total, limit: q.limit, offset: q.offset };
  }

  private async row(ctx: RequestContext, id: string): Promise<TaskJoinedRow> {
    const scoped = this.scope(ctx);
    const { rows } = await findTasks(this.s.db, { ids: [id], ...(scoped ? { ownerId: scoped } : {}) }, 1, 0);
    const row = rows[0];
    if (!row) throw notFound('obligation task');
    return row;
  }

  async get(ctx: RequestContext, id: string): Promise<ObligationTaskDetail> {
    const row = await this.row(ctx, id);
    const evidence = await evidenceOfTask(this.s.db, id);
    const vc = await this.viewContext(ctx, [row]);
    const linkers = await usersByIds(
      this.s.db,
      evidence.map((e) => e.linked_by),
    );
    for (const [k, v] of linkers) vc.users.set(k, v);
    return presentTaskDetail(row, vc, evidence);
  }

  /** The task, refused unless the caller may work on it (its owner with obligations.work, or a manager). */
  private async workable(ctx: RequestContext, id: string): Promise<TaskJoinedRow> {
    const row = await this.row(ctx, id);
    const mine = row.owner_id !== null && row.owner_id === actorId(ctx);
    if (!has(ctx, 'obligations.manage') && !(mine && has(ctx, 'obligations.work')))
      throw new AppError(403, 'obligation.not_owner', 'only the task’s owner can work on it');
    if (row.status !== 'open') throw conflict('obligation.not_open', `the task is ${row.status}`);
    return row;
  }

  async update(
    ctx: RequestContext,
    id: string,
    req: UpdateObligationTaskRequest,
  ): Promise<ObligationTaskDetail> {
    const row = await this.row(ctx, id);
    if (row.status !== 'open') throw conflict('obligation.not_open', `the task is ${row.status}`);
    if (req.ownerId && !(await userExists(this.s.db, req.ownerId)))
      throw badRequest('obligation.unknown_user', 'unknown user');
    if (req.dueOn && !isCalendarDate(req.dueOn))
      throw badRequest('obligation.bad_date', 'not a calendar date');
    const now = this.s.clock.now().toISOString();
    const set: { updated_at: string; owner_id?: string | null; due_on?: string } = { updated_at: now };
    if (req.ownerId !== undefined) set.owner_id = req.ownerId;
    if (req.dueOn !== undefined) set.due_on = req.dueOn;
    await this.s.db.transaction().execute(async (trx) => {
      await trx.updateTable('obligation_tasks').set(set).where('id', '=', id).execute();
      await this.s.audit.record(trx, ctx, {
        action: 'obligation_task.updated',
        objectType: 'obligation_task',
        objectId: id,
        details: {
          from: { ownerId: row.owner_id, dueOn: row.due_on },
          to: { ownerId: set.owner_id ?? row.owner_id, dueOn: set.due_on ?? row.due_on },
        },
      });
    });
    return this.get(ctx, id);
  }

  async linkEvidence(ctx: RequestContext, id: string, evidenceId: string): Promise<ObligationTaskDetail> {
    await this.workable(ctx, id);
    // Evidence the caller may not see is unknown to them: linking it would show it to them through the task.
    if (!(await this.s.compliance.evidence.visibleIds(ctx, [evidenceId])).has(evidenceId))
      throw badRequest('obligation.evidence_unknown', 'unknown evidence item');
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const res = await trx
        .insertInto('obligation_task_evidence')
        .values({ task_id: id, evidence_id: evidenceId, linked_by: actorId(ctx), linked_at: now })
        .onConflict((oc) => oc.columns(['task_id', 'evidence_id']).doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return;
      await this.s.audit.record(trx, ctx, {
        action: 'obligation_task.evidence_linked',
        objectType: 'obligation_task',
        objectId: id,
        details: { evidenceId },
      });
    });
    return this.get(ctx, id);
  }

  async unlinkEvidence(ctx: RequestContext, id: string, evidenceId: string): Promise<ObligationTaskDetail> {
    await this.workable(ctx, id);
    await this.s.db.transaction().execute(async (trx) => {
      const res = await trx
        .deleteFrom('obligation_task_evidence')
        .where('task_id', '=', id)
        .where('evidence_id', '=', evidenceId)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw notFound('evidence link');
      await this.s.audit.record(trx, ctx, {
        action: 'obligation_task.evidence_unlinked',
        objectType: 'obligation_task',
        objectId: id,
        details: { evidenceId },
      });
    });
    return this.get(ctx, id);
  }

  async complete(
    ctx: RequestContext,
    id: string,
    req: CompleteObligationTaskRequest,
  ): Promise<ObligationTaskDetail> {
    await this.workable(ctx, id);
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const linked = await evidenceCounts(trx, [id]);
      if ((linked.get(id) ?? 0) === 0)
        throw badRequest('obligation.evidence_required', 'link at least one evidence item before completing');
      const res = await trx
        .updateTable('obligation_tasks')
        .set({
          status: 'done',
          completed_at: now,
          completed_by: actorId(ctx),
          completion_note: req.note ?? null,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0)
        throw conflict('obligation.not_open', 'the task is no longer open');
      await this.s.audit.record(trx, ctx, {
        action: 'obligation_task.completed',
        objectType: 'obligation_task',
        objectId: id,
        details: { evidence: linked.get(id) ?? 0, note: req.note ?? null },
      });
    });
    return this.get(ctx, id);
  }

  /** The home card: overdue tasks and tasks due within 30 days (the caller's own for work-only callers). */
  async summary(ctx: RequestContext): Promise<ObligationSummary> {
    const c = await this.obligations.context();
    const scoped = this.scope(ctx);
    const owner = scoped ? { ownerId: scoped } : {};
    const overdue = await findTasks(this.s.db, { ...owner, overdueBefore: c.today }, 8, 0);
    const soon = await findTasks(
      this.s.db,
      { ...owner, status: 'open', dueFrom: c.today, dueTo: addDays(c.today, 30) },
      8,
      0,
    );
    const rows = [...overdue.rows, ...soon.rows].slice(0, 8);
    const vc = await this.viewContext(ctx, rows);
    const items: ObligationTaskView[] = rows.map((r) => presentTask(r, vc));
    return {
      level:
        c.level && ['A', 'B', 'C', 'D', 'E'].includes(c.level)
          ? (c.level as ObligationSummary['level'])
          : null,
      overdue: overdue.total,
      dueSoon: soon.total,
      items,
    };
  }
}
