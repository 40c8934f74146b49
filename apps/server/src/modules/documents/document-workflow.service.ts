import type {
  DecisionRequest,
  DistributeRequest,
  DocumentVersionView,
  SubmitVersionRequest,
} from '@vigil/contracts';
import type { DB, DocumentVersionRow } from '@vigil/db';
import { addMonths } from '@vigil/frameworks';
import type { Kysely } from 'kysely';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { actorId, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { organisationToday } from '../org/org.repository.js';
import { guardedUpdate, mustFindVersion } from './document-version-writes.js';
import {
  type ParticipantRole,
  transition,
  type VersionStatus,
  type WorkflowAction,
  type WorkflowState,
} from './document-workflow.js';
import { toParticipants } from './documents.presenter.js';
import { findDocument, participantsOf } from './documents.repository.js';

/**
 * The approval workflow of a version (draft → review → approved → published → obsolete): the pure state
 * machine in document-workflow.ts decides each step; this service stores it with its audit entry and notices.
 */
export class DocumentWorkflowService {
  constructor(protected readonly s: Services) {}

  async submit(ctx: RequestContext, id: string, req: SubmitVersionRequest): Promise<DocumentVersionView> {
    const v = await mustFindVersion(this.s.db, id);
    const named = [...new Set([...req.reviewerIds, ...req.approverIds])];
    const users = await this.s.db
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('id', 'in', named)
      .execute();
    if (users.length !== named.length || users.some((u) => u.disabled_at))
      throw badRequest('document.unknown_participant', 'reviewers and approvers must be active users');
    for (const a of req.approverIds) {
      const g = await this.s.access.grantsOf(a);
      if (!g.permissions.includes('documents.approve'))
        throw badRequest('document.approver_lacks_permission', 'every approver must hold documents.approve', {
          userId: a,
        });
    }
    await this.apply(
      ctx,
      v,
      { type: 'submit', reviewers: req.reviewerIds, approvers: req.approverIds },
      async (trx, next) => {
        await trx.deleteFrom('document_version_participants').where('version_id', '=', id).execute();
        await trx
          .insertInto('document_version_participants')
          .values(
            next.participants.map((p, i) => ({
              version_id: id,
              user_id: p.userId,
              role: p.role,
              position: i,
              decision: null,
              comment: '',
              decided_at: null,
            })),
          )
          .execute();
        await this.notifyParticipants(trx, v, req.reviewerIds, 'reviewer');
        return { submitted_at: this.s.clock.now().toISOString() };
      },
    );
    return this.view(ctx, id);
  }

  async recall(ctx: RequestContext, id: string): Promise<DocumentVersionView> {
    const v = await mustFindVersion(this.s.db, id);
    await this.apply(ctx, v, { type: 'recall' }, async (trx) => {
      await trx.deleteFrom('document_version_participants').where('version_id', '=', id).execute();
      return { submitted_at: null };
    });
    return this.view(ctx, id);
  }

  async decide(
    ctx: RequestContext,
    id: string,
    role: ParticipantRole,
    req: DecisionRequest,
  ): Promise<DocumentVersionView> {
    // Open to every signed-in user (named reviewers need not read the register): a version the caller may
    // not see is "not found", so its existence and state do not leak through the refusal.
    await this.s.documents.versions.visibleVersion(ctx, id);
    const v = await mustFindVersion(this.s.db, id);
    const me = actorId(ctx) ?? '-';
    const now = this.s.clock.now().toISOString();
    await this.apply(
      ctx,
      v,
      { type: 'decide', role, userId: me, decision: req.decision },
      async (trx, next, outcome) => {
        await trx
          .updateTable('document_version_participants')
          .set({ decision: req.decision, comment: req.comment, decided_at: now })
          .where('version_id', '=', id)
          .where('role', '=', role)
          .where('user_id', '=', me)
          .execute();
        if (
          outcome === 'decided' &&
          role === 'reviewer' &&
          next.participants.every((p) => p.role !== 'reviewer' || p.decision)
        ) {
          const approvers = next.participants.filter((p) => p.role === 'approver').map((p) => p.userId);
          await this.notifyParticipants(trx, v, approvers, 'approver');
        }
        return outcome === 'approved' ? { approved_at: now } : {};
      },
      { role, decision: req.decision, comment: req.comment },
    );
    return this.view(ctx, id);
  }

  async publish(
    ctx: RequestContext,
    id: string,
    distribute: DistributeRequest | null,
  ): Promise<DocumentVersionView> {
    const v = await mustFindVersion(this.s.db, id);
    const doc = await findDocument(this.s.db, v.document_id);
    if (!doc) throw notFound('document');
    const now = this.s.clock.now().toISOString();
    const today = await organisationToday(this.s.db, this.s.clock.now());
    await this.apply(ctx, v, { type: 'publish' }, async (trx) => {
      const previous = await trx
        .selectFrom('document_versions')
        .select(['id', 'version'])
        .where('document_id', '=', v.document_id)
        .where('status', '=', 'published')
        .execute();
      for (const p of previous) {
        await trx
          .updateTable('document_versions')
          .set({ status: 'obsolete', obsolete_at: now, updated_at: now })
          .where('id', '=', p.id)
          .execute();
        await this.s.audit.record(trx, ctx, {
          action: 'document.version_obsolete',
          objectType: 'document_version',
          objectId: p.id,
          details: { documentId: v.document_id, version: p.version, supersededBy: v.version },
        });
      }
      const nextReview = addMonths(today, doc.review_interval_months);
      await trx
        .updateTable('documents')
        .set({ next_review_on: nextReview, updated_at: now })
        .where('id', '=', v.document_id)
        .execute();
      if (distribute)
        await this.s.documents.distribution.distributeIn(
          trx,
          ctx,
          { ...v, status: 'published' },
          doc,
          distribute,
        );
      return { published_at: now, published_by: actorId(ctx) };
    });
    return this.view(ctx, id);
  }

  async withdraw(ctx: RequestContext, id: string): Promise<DocumentVersionView> {
    const v = await mustFindVersion(this.s.db, id);
    await this.apply(ctx, v, { type: 'withdraw' }, async () => ({
      obsolete_at: this.s.clock.now().toISOString(),
    }));
    return this.view(ctx, id);
  }

  /** Versions waiting for this user's review or approval. */
  async awaitingDecisionOf(userId: string) {
    const rows = await this.s.db
      .selectFrom('document_version_participants as p')
      .innerJoin('document_versions as v', 'v.id', 'p.version_id')
      .innerJoin('documents as d', 'd.id', 'v.document_id')
      .select(['v.id as versionId', 'd.number', 'd.title', 'v.version', 'p.role'])
      .where('p.user_id', '=', userId)
      .where('p.decision', 'is', null)
      .where('v.status', '=', 'review')
      .execute();
    const out = [];
    for (const r of rows) {
      const all = await participantsOf(this.s.db, r.versionId);
      const pendingReviewers = all.some((p) => p.role === 'reviewer' && p.decision === null);
      if ((r.role === 'reviewer') === pendingReviewers)
        out.push({ versionId: r.versionId, number: r.number, title: r.title, version: r.version });
    }
    return out;
  }

  private view(ctx: RequestContext, id: string): Promise<DocumentVersionView> {
    return this.s.documents.versions.get(ctx, id);
  }

  /** Runs one workflow action: the pure transition decides, then the change, its extras and the audit entry commit together. */
  private async apply(
    ctx: RequestContext,
    v: DocumentVersionRow,
    action: WorkflowAction,
    extra: (trx: Kysely<DB>, next: WorkflowState, outcome: string) => Promise<Partial<DocumentVersionRow>>,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const participants = await participantsOf(this.s.db, v.id);
    const r = transition(
      { status: v.status as VersionStatus, participants: toParticipants(participants) },
      action,
    );
    if (!r.ok) throw new AppError(r.status, r.code, r.message);
    await this.s.db.transaction().execute(async (trx) => {
      const set = await extra(trx, r.state, r.outcome);
      await guardedUpdate(trx, this.s.clock, v, { status: r.state.status, ...set });
      await this.s.audit.record(trx, ctx, {
        action: `document.${r.outcome === 'decided' ? `${action.type === 'decide' ? action.role : 'version'}_decided` : r.outcome}`,
        objectType: 'document_version',
        objectId: v.id,
        details: {
          documentId: v.document_id,
          version: v.version,
          from: v.status,
          to: r.state.status,
          ...details,
        },
      });
    });
  }

  private async notifyParticipants(
    trx: Kysely<DB>,
    v: DocumentVersionRow,
    to: string[],
    role: ParticipantRole,
  ) {
    const doc = await findDocument(trx, v.document_id);
    if (!doc || to.length === 0) return;
    const zh = role === 'reviewer' ? '審查' : '核准';
    await this.s.notify.queue(trx, {
      kind: role === 'reviewer' ? 'document.review_requested' : 'document.approval_requested',
      to,
      subject: {
        en: `Please ${role === 'reviewer' ? 'review' : 'approve'} ${doc.number} ${doc.title} v${v.version}`,
        'zh-TW': `請${zh}文件 ${doc.number} ${doc.title} 第 ${v.version} 版`,
      },
      body: {
        en: `You are a named ${role} of version ${v.version} of ${doc.number} ${doc.title}. Open it in Vigil to record your decision.`,
        'zh-TW': `您是文件 ${doc.number} ${doc.title} 第 ${v.version} 版的指定${zh}人，請至守望記錄您的意見。`,
      },
      link: `/documents/versions/${v.id}`,
      dedupeKey: `document.${role}:${v.id}:${this.s.clock.now().toISOString()}`,
    });
  }
}
