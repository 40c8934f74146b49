import { randomUUID } from 'node:crypto';
import type {
  CreateDocumentRequest,
  DocumentDetail,
  DocumentListPage,
  DocumentListQuery,
  DocumentSummary,
  UpdateDocumentRequest,
} from '@vigil/contracts';
import type { DB } from '@vigil/db';
import { isUniqueViolation } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { actorId, has, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { organisationToday } from '../org/org.repository.js';
import { usersByIds } from '../users/users.repository.js';
import { readsRegister } from './document-access.js';
import { DocumentDistributionService } from './document-distribution.service.js';
import { DocumentLevelService } from './document-levels.service.js';
import { findRegisterRow, listDocuments, overdueReviews } from './document-register.repository.js';
import { DocumentReminders } from './document-reminders.js';
import { DocumentRetentionService } from './document-retention.service.js';
import { DocumentVersionService } from './document-versions.service.js';
import { DocumentWorkflowService } from './document-workflow.service.js';
import { presentDetail, presentListItem } from './documents.presenter.js';
import {
  countPendingApprovals,
  findDocument,
  numbersWithPrefix,
  versionsOf,
} from './documents.repository.js';

/** How many overdue reviews the home card names (it counts them all). */
const OVERDUE_SHOWN = 5;

/** ISMS document control: the register and the home card; levels, versions, workflow, distribution and retention in their services. */
export class DocumentService {
  readonly versions: DocumentVersionService;
  readonly workflow: DocumentWorkflowService;
  readonly distribution: DocumentDistributionService;
  readonly retention: DocumentRetentionService;
  readonly reminders: DocumentReminders;
  readonly levels: DocumentLevelService;

  constructor(protected readonly s: Services) {
    this.versions = new DocumentVersionService(s);
    this.workflow = new DocumentWorkflowService(s);
    this.distribution = new DocumentDistributionService(s);
    this.retention = new DocumentRetentionService(s);
    this.reminders = new DocumentReminders(s);
    this.levels = new DocumentLevelService(s);
    s.jobs.register({
      name: 'documents.review-reminders',
      pattern: '0 8 * * *',
      run: async () => {
        await this.reminders.run();
      },
    });
  }

  /** Seeds the four default levels once (safe when two processes start together). */
  async bootstrap(): Promise<void> {
    await this.levels.seed();
  }

  // ---- register -----------------------------------------------------------------------------------------

  /** One page of the register (filters in SQL, so the total is that of the whole filtered register). */
  async list(q: DocumentListQuery): Promise<DocumentListPage> {
    const { limit, offset, ...filter } = q;
    const today = await this.today();
    const { rows, total } = await listDocuments(this.s.db, filter, today, limit, offset);
    const users = await usersByIds(
      this.s.db,
      rows.map((r) => r.owner_id),
    );
    return { items: rows.map((r) => presentListItem(r, users, today)), total, limit, offset };
  }

  async get(id: string): Promise<DocumentDetail> {
    const row = await findRegisterRow(this.s.db, id);
    if (!row) throw notFound('document');
    const [users, level, versions, today] = await Promise.all([
      usersByIds(this.s.db, [row.owner_id]),
      this.s.db
        .selectFrom('document_levels')
        .select('retention_years')
        .where('id', '=', row.level_id)
        .executeTakeFirst(),
      versionsOf(this.s.db, id),
      this.today(),
    ]);
    return presentDetail(row, users, today, versions, level?.retention_years ?? null);
  }

  /** The next free number of a level: ISMS-<prefix>-001, -002, … */
  async nextNumber(levelId: string, db: Kysely<DB> = this.s.db): Promise<string> {
    const level = await db
      .selectFrom('document_levels')
      .select('prefix')
      .where('id', '=', levelId)
      .executeTakeFirst();
    if (!level) throw badRequest('document.unknown_level', `there is no document level ${levelId}`);
    const stem = `ISMS-${level.prefix}-`;
    const used = (await numbersWithPrefix(db, stem)).map((n) =>
      /^\d+$/.test(n.slice(stem.length)) ? Number(n.slice(stem.length)) : 0,
    );
    return `${stem}${String(Math.max(0, ...used) + 1).padStart(3, '0')}`;
  }

  async create(ctx: RequestContext, req: CreateDocumentRequest): Promise<DocumentDetail> {
    await this.assertOwner(req.ownerId);
    const id = randomUUID();
    const now = this.s.clock.now().toISOString();
    const number = req.number ?? (await this.nextNumber(req.levelId));
    if (req.number) await this.nextNumber(req.levelId); // the level must exist either way
    if (await this.s.db.selectFrom('documents').select('id').where('number', '=', number).executeTakeFirst())
      throw conflict('document.number_taken', `document number ${number} is already used`);
    try {
      await this.s.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('documents')
          .values({
            id,
            number,
            title: req.title,
            level_id: req.levelId,
            owner_id: req.ownerId,
            classification: req.classification,
            requirements: JSON.stringify(req.requirements),
            review_interval_months: req.reviewIntervalMonths,
            next_review_on: null,
            retention_years: req.retentionYears,
            created_by: actorId(ctx),
            created_at: now,
            updated_at: now,
          })
          .execute();
        await this.s.audit.record(trx, ctx, {
          action: 'document.created',
          objectType: 'document',
          objectId: id,
          details: { number, title: req.title, levelId: req.levelId, classification: req.classification },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('document.number_taken', `document number ${number} is already used`);
      throw err;
    }
    return this.get(id);
  }

  async update(ctx: RequestContext, id: string, req: UpdateDocumentRequest): Promise<DocumentDetail> {
    const before = await findDocument(this.s.db, id);
    if (!before) throw notFound('document');
    if (req.ownerId) await this.assertOwner(req.ownerId);
    if (req.levelId !== undefined) await this.levels.assertExists(req.levelId);
    await this.s.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('documents')
        .set({
          ...(req.title !== undefined ? { title: req.title } : {}),
          ...(req.levelId !== undefined ? { level_id: req.levelId } : {}),
          ...(req.ownerId !== undefined ? { owner_id: req.ownerId } : {}),
          ...(req.classification !== undefined ? { classification: req.classification } : {}),
          ...(req.requirements !== undefined ? { requirements: JSON.stringify(req.requirements) } : {}),
          ...(req.reviewIntervalMonths !== undefined
            ? { review_interval_months: req.reviewIntervalMonths }
            : {}),
          ...(req.nextReviewOn !== undefined ? { next_review_on: req.nextReviewOn } : {}),
          ...(req.retentionYears !== undefined ? { retention_years: req.retentionYears } : {}),
          updated_at: this.s.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'document.updated',
        objectType: 'document',
        objectId: id,
        details: { changes: req },
      });
    });
    return this.get(id);
  }

  private async assertOwner(userId: string): Promise<void> {
    const u = await this.s.db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!u || u.disabled_at) throw badRequest('document.unknown_owner', 'the owner must be an active user');
  }

  async today(): Promise<string> {
    return organisationToday(this.s.db, this.s.clock.now());
  }

  // ---- home card ----------------------------------------------------------------------------------------

  async summary(ctx: RequestContext): Promise<DocumentSummary> {
    const me = actorId(ctx) ?? '-';
    const pending = await this.s.db
      .selectFrom('document_acknowledgements as a')
      .innerJoin('document_versions as v', 'v.id', 'a.version_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.user_id', '=', me)
      .where('a.acknowledged_at', 'is', null)
      .where('v.status', '=', 'published')
      .executeTakeFirstOrThrow();
    const register = readsRegister(ctx);
    const overdue = register ? await overdueReviews(this.s.db, await this.today(), OVERDUE_SHOWN) : null;
    return {
      toAcknowledge: Number(pending.n),
      myDecisions: await this.workflow.awaitingDecisionOf(me),
      overdueReviews: overdue
        ? {
            total: overdue.total,
            items: overdue.rows.map((d) => ({
              id: d.id,
              number: d.number,
              title: d.title,
              nextReviewOn: d.next_review_on ?? '',
            })),
          }
        : null,
      pendingApprovals: register ? await countPendingApprovals(this.s.db) : null,
      pendingDisposals:
        has(ctx, 'documents.approve') || has(ctx, 'documents.manage')
          ? await this.retention.pendingCount()
          : null,
    };
  }
}
