import { randomUUID } from 'node:crypto';
import type {
  CreateRegulationRequest,
  RegulationListQuery,
  RegulationView,
  ReviewRegulationRequest,
  UpdateRegulationRequest,
} from '@vigil/contracts';
import type { DB, RegulationRow } from '@vigil/db';
import { addMonths, daysBetween } from '@vigil/frameworks';
import type { Kysely } from 'kysely';
import { badRequest, notFound } from '../../http/errors.js';
import { actorId, type RequestContext, systemContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { claimReminder, userExists, usersByIds } from '../obligations/obligations.repository.js';
import { organisationToday } from '../org/org.repository.js';
import { presentRegulation, reviewDue } from './regulations.presenter.js';
import { REGULATION_SEEDS } from './regulations.seed.js';

/** The regulations register (適用法規清單): laws, regulations, standards and contracts that apply. */
export class RegulationService {
  constructor(protected readonly s: Services) {
    s.jobs.register({
      name: 'regulations.review-reminders',
      pattern: '0 8 * * *',
      run: () => this.runReminders().then(() => undefined),
    });
  }

  /** Seeds the Taiwan entries once each: an entry an administrator deleted is not put back. */
  async bootstrap(): Promise<void> {
    const now = this.s.clock.now().toISOString();
    for (const seed of REGULATION_SEEDS) {
      await this.s.db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('regulation_seeds')
          .values({ seed_key: seed.key, seeded_at: now })
          .onConflict((oc) => oc.column('seed_key').doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return;
        const id = randomUUID();
        await trx
          .insertInto('regulations')
          .values({
            id,
            seed_key: seed.key,
            name_en: seed.nameEn,
            name_zh: seed.nameZh,
            kind: seed.kind,
            authority: seed.authority,
            reference: seed.reference,
            url: seed.url,
            applicable: seed.applicable ? 1 : 0,
            applicability_note: seed.applicabilityNote,
            owner_id: null,
            obligations: JSON.stringify(seed.obligations),
            key_dates: JSON.stringify(seed.keyDates),
            last_reviewed_on: null,
            review_months: 12,
            next_review_on: null,
            status: seed.status,
            notes: seed.notes,
            created_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await this.s.audit.record(trx, systemContext('regulations'), {
          action: 'regulation.seeded',
          objectType: 'regulation',
          objectId: id,
          details: { seedKey: seed.key, nameEn: seed.nameEn, nameZh: seed.nameZh, status: seed.status },
        });
      });
    }
  }

  async today(): Promise<string> {
    return organisationToday(this.s.db, this.s.clock.now());
  }

  async rows(q: Partial<RegulationListQuery> = {}): Promise<RegulationRow[]> {
    let b = this.s.db.selectFrom('regulations').selectAll();
    if (q.kind) b = b.where('kind', '=', q.kind);
    if (q.status) b = b.where('status', '=', q.status);
    if (q.applicable !== undefined) b = b.where('applicable', '=', q.applicable ? 1 : 0);
    let rows = await b.orderBy('kind').orderBy('name_zh').execute();
    if (q.reviewDue !== undefined) {
      const today = await this.today();
      rows = rows.filter((r) => reviewDue(r, today) === q.reviewDue);
    }
    if (q.q) {
      const needle = q.q.toLowerCase();
      rows = rows.filter((r) =>
        [r.name_en, r.name_zh, r.reference, r.authority].some((x) => x.toLowerCase().includes(needle)),
      );
    }
    return rows;
  }

  async present(rows: RegulationRow[]): Promise<RegulationView[]> {
    const users = await usersByIds(
      this.s.db,
      rows.map((r) => r.owner_id),
    );
    const today = await this.today();
    return rows.map((r) => presentRegulation(r, users, today));
  }

  async list(q: RegulationListQuery): Promise<RegulationView[]> {
    return this.present(await this.rows(q));
  }

  private async row(id: string, db: Kysely<DB> = this.s.db): Promise<RegulationRow> {
    const row = await db.selectFrom('regulations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('regulation');
    return row;
  }

  async get(id: string): Promise<RegulationView> {
    const [view] = await this.present([await this.row(id)]);
    if (!view) throw notFound('regulation');
    return view;
  }

  private async checkOwner(ownerId: string | null | undefined) {
    if (ownerId && !(await userExists(this.s.db, ownerId)))
      throw badRequest('regulation.unknown_user', 'unknown owner');
  }

  private async checkReviewedOn(on: string | null | undefined) {
    if (on && on > (await this.today()))
      throw badRequest('regulation.review_in_future', 'a review date cannot be in the future');
  }

  async create(ctx: RequestContext, req: CreateRegulationRequest): Promise<RegulationView> {
    await this.checkOwner(req.ownerId);
    await this.checkReviewedOn(req.lastReviewedOn);
    const id = randomUUID();
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('regulations')
        .values({
          id,
          seed_key: null,
          name_en: req.nameEn,
          name_zh: req.nameZh,
          kind: req.kind,
          authority: req.authority,
          reference: req.reference,
          url: req.url,
          applicable: req.applicable ? 1 : 0,
          applicability_note: req.applicabilityNote,
          owner_id: req.ownerId,
          obligations: JSON.stringify(req.obligations),
          key_dates: JSON.stringify(req.keyDates),
          last_reviewed_on: req.lastReviewedOn,
          review_months: req.reviewMonths,
          next_review_on: req.lastReviewedOn ? addMonths(req.lastReviewedOn, req.reviewMonths) : null,
          status: req.status,
          notes: req.notes,
          created_by: actorId(ctx),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'regulation.created',
        objectType: 'regulation',
        objectId: id,
        details: { nameZh: req.nameZh, nameEn: req.nameEn, kind: req.kind },
      });
    });
    return this.get(id);
  }

  async update(ctx: RequestContext, id: string, req: UpdateRegulationRequest): Promise<RegulationView> {
    await this.checkOwner(req.ownerId);
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const before = await this.row(id, trx);
      const set: Partial<RegulationRow> = { updated_at: now };
      const changes: Record<string, unknown> = {};
      const put = <K extends keyof RegulationRow>(
        col: K,
        value: RegulationRow[K] | undefined,
        name: string,
      ) => {
        if (value === undefined || value === before[col]) return;
        set[col] = value;
        changes[name] = { from: before[col], to: value };
      };
      put('name_en', req.nameEn, 'nameEn');
      put('name_zh', req.nameZh, 'nameZh');
      put('kind', req.kind, 'kind');
      put('authority', req.authority, 'authority');
      put('reference', req.reference, 'reference');
      put('url', req.url, 'url');
      put('applicable', req.applicable === undefined ? undefined : req.applicable ? 1 : 0, 'applicable');
      put('applicability_note', req.applicabilityNote, 'applicabilityNote');
      put('owner_id', req.ownerId, 'ownerId');
      put('obligations', req.obligations && JSON.stringify(req.obligations), 'obligations');
      put('key_dates', req.keyDates && JSON.stringify(req.keyDates), 'keyDates');
      put('status', req.status, 'status');
      put('notes', req.notes, 'notes');
      if (req.reviewMonths !== undefined && req.reviewMonths !== before.review_months) {
        put('review_months', req.reviewMonths, 'reviewMonths');
        if (before.last_reviewed_on)
          put('next_review_on', addMonths(before.last_reviewed_on, req.reviewMonths), 'nextReviewOn');
      }
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable('regulations').set(set).where('id', '=', id).execute();
      await this.s.audit.record(trx, ctx, {
        action: 'regulation.updated',
        objectType: 'regulation',
        objectId: id,
        details: { changes },
      });
    });
    return this.get(id);
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.s.db.transaction().execute(async (trx) => {
      const before = await this.row(id, trx);
      await trx.deleteFrom('regulations').where('id', '=', id).execute();
      await this.s.audit.record(trx, ctx, {
        action: 'regulation.deleted',
        objectType: 'regulation',
        objectId: id,
        details: { nameZh: before.name_zh, nameEn: before.name_en, seedKey: before.seed_key },
      });
    });
  }

  /** "Mark reviewed": last review = the given day (default today), next = last + the interval. */
  async review(ctx: RequestContext, id: string, req: ReviewRegulationRequest): Promise<RegulationView> {
    const today = await this.today();
    const on = req.reviewedOn ?? today;
    await this.checkReviewedOn(on);
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const before = await this.row(id, trx);
      const next = addMonths(on, before.review_months);
      await trx
        .updateTable('regulations')
        .set({ last_reviewed_on: on, next_review_on: next, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'regulation.reviewed',
        objectType: 'regulation',
        objectId: id,
        details: {
          reviewedOn: on,
          nextReviewOn: next,
          previous: before.last_reviewed_on,
          note: req.note ?? null,
        },
      });
    });
    return this.get(id);
  }

  /** Daily: the owner hears 14 days before a review is due, on the day, then weekly while it is overdue. */
  async runReminders(): Promise<number> {
    const today = await this.today();
    const rows = await this.s.db
      .selectFrom('regulations')
      .selectAll()
      .where('owner_id', 'is not', null)
      .where('next_review_on', 'is not', null)
      .where('next_review_on', '<=', addMonths(today, 1))
      .execute();
    const at = this.s.clock.now().toISOString();
    let queued = 0;
    for (const r of rows) {
      if (!r.owner_id || !r.next_review_on) continue;
      const d = daysBetween(today, r.next_review_on);
      const kind = d === 14 ? 'review_14' : d <= 0 && -d % 7 === 0 ? 'review_due' : null;
      if (!kind) continue;
      const owner = r.owner_id;
      const next = r.next_review_on;
      await this.s.db.transaction().execute(async (trx) => {
        if (!(await claimReminder(trx, { subjectType: 'regulation', subjectId: r.id, kind, day: today, at })))
          return;
        await this.s.notify.queue(trx, {
          kind: 'regulation.review_due',
          to: [owner],
          subject: {
            en: `Review due ${next}: ${r.name_en}`,
            'zh-TW': `法規檢視 ${next} 到期：${r.name_zh}`,
          },
          body: {
            en: `The applicable-regulations entry "${r.name_en}" is due for review on ${next}. Check it still applies and mark it reviewed in Vigil.`,
            'zh-TW': `適用法規清單之「${r.name_zh}」應於 ${next} 前完成檢視。請確認其適用性並於守望標記已檢視。`,
          },
          link: `/regulations/${r.id}`,
          dedupeKey: `regulation:${r.id}:${kind}:${today}`,
        });
        queued++;
      });
    }
    return queued;
  }
}
