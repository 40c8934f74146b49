import { randomUUID } from 'node:crypto';
import type {
  AcknowledgementProgress,
  DistributeRequest,
  DocumentVersionStatus,
  ReadingItem,
} from '@vigil/contracts';
import type { DB, DocumentRow, DocumentVersionRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { actorId, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { usersByIds } from '../users/users.repository.js';
import { activeRecipients, findDocument, findVersion } from './documents.repository.js';

/** Distribution of published versions to users and roles, and each recipient's acknowledgement. */
export class DocumentDistributionService {
  constructor(protected readonly s: Services) {}

  async distribute(
    ctx: RequestContext,
    versionId: string,
    req: DistributeRequest,
  ): Promise<AcknowledgementProgress> {
    const v = await findVersion(this.s.db, versionId);
    const doc = v ? await findDocument(this.s.db, v.document_id) : undefined;
    if (!v || !doc) throw notFound('document version');
    const added = await this.s.db.transaction().execute((trx) => this.distributeIn(trx, ctx, v, doc, req));
    return { ...(await this.progress(versionId)), added };
  }

  /** Inside the publishing (or a later) transaction: resolves recipients now, adds those not yet assigned. */
  async distributeIn(
    trx: Kysely<DB>,
    ctx: RequestContext,
    v: DocumentVersionRow,
    doc: DocumentRow,
    req: DistributeRequest,
  ): Promise<number> {
    if (v.status !== 'published')
      throw conflict('document.not_published', 'only the published version can be distributed');
    if (req.roleIds.length > 0) {
      const roles = await trx.selectFrom('roles').select('id').where('id', 'in', req.roleIds).execute();
      if (roles.length !== new Set(req.roleIds).size)
        throw badRequest('document.unknown_role', 'one of the roles does not exist');
    }
    const recipients = await activeRecipients(trx, req.userIds, req.roleIds);
    if (recipients.length === 0)
      throw badRequest('document.no_recipients', 'nobody active holds those roles or ids');
    const already = new Set(
      (
        await trx
          .selectFrom('document_acknowledgements')
          .select('user_id')
          .where('version_id', '=', v.id)
          .execute()
      ).map((r) => r.user_id),
    );
    const fresh = recipients.filter((u) => !already.has(u));
    const now = this.s.clock.now().toISOString();
    const distributionId = randomUUID();
    await trx
      .insertInto('document_distributions')
      .values({
        id: distributionId,
        version_id: v.id,
        user_ids: JSON.stringify(req.userIds),
        role_ids: JSON.stringify(req.roleIds),
        recipient_count: fresh.length,
        created_by: actorId(ctx),
        created_at: now,
      })
      .execute();
    if (fresh.length > 0)
      await trx
        .insertInto('document_acknowledgements')
        .values(
          fresh.map((user_id) => ({
            version_id: v.id,
            user_id,
            distribution_id: distributionId,
            assigned_at: now,
            acknowledged_at: null,
            reminded_at: null,
          })),
        )
        .execute();
    await this.s.audit.record(trx, ctx, {
      action: 'document.distributed',
      objectType: 'document_version',
      objectId: v.id,
      details: {
        documentId: doc.id,
        number: doc.number,
        version: v.version,
        userIds: req.userIds,
        roleIds: req.roleIds,
        added: fresh.length,
      },
    });
    if (fresh.length > 0)
      await this.queueReadingNotice(trx, v, doc, fresh, 'document.to_read', `document.to_read:${v.id}`);
    return fresh.length;
  }

  async progress(versionId: string): Promise<AcknowledgementProgress> {
    if (!(await findVersion(this.s.db, versionId))) throw notFound('document version');
    const rows = await this.s.db
      .selectFrom('document_acknowledgements')
      .selectAll()
      .where('version_id', '=', versionId)
      .orderBy('assigned_at')
      .orderBy('user_id')
      .execute();
    const users = await usersByIds(
      this.s.db,
      rows.map((r) => r.user_id),
    );
    return {
      versionId,
      total: rows.length,
      acknowledged: rows.filter((r) => r.acknowledged_at).length,
      added: 0,
      rows: rows.map((r) => ({
        user: users.get(r.user_id) ?? { id: r.user_id, displayName: '?', username: '?' },
        assignedAt: r.assigned_at,
        acknowledgedAt: r.acknowledged_at,
      })),
    };
  }

  /** Reminds those who have not acknowledged yet (once a day per person and version). */
  async remind(ctx: RequestContext, versionId: string): Promise<{ reminded: number }> {
    const v = await findVersion(this.s.db, versionId);
    const doc = v ? await findDocument(this.s.db, v.document_id) : undefined;
    if (!v || !doc) throw notFound('document version');
    if (v.status !== 'published')
      throw conflict('document.not_published', 'only the published version is read and acknowledged');
    const now = this.s.clock.now();
    return this.s.db.transaction().execute(async (trx) => {
      const pending = await trx
        .selectFrom('document_acknowledgements')
        .select('user_id')
        .where('version_id', '=', versionId)
        .where('acknowledged_at', 'is', null)
        .execute();
      const to = pending.map((p) => p.user_id);
      if (to.length > 0) {
        await trx
          .updateTable('document_acknowledgements')
          .set({ reminded_at: now.toISOString() })
          .where('version_id', '=', versionId)
          .where('acknowledged_at', 'is', null)
          .execute();
        const day = now.toISOString().slice(0, 10);
        await this.queueReadingNotice(
          trx,
          v,
          doc,
          to,
          'document.acknowledgement_reminder',
          `document.ack_reminder:${v.id}:${day}`,
        );
      }
      await this.s.audit.record(trx, ctx, {
        action: 'document.acknowledgement_reminded',
        objectType: 'document_version',
        objectId: versionId,
        details: { reminded: to.length },
      });
      return { reminded: to.length };
    });
  }

  /** The caller's "documents to read": everything sent to them, pending first. */
  async myReading(ctx: RequestContext): Promise<ReadingItem[]> {
    const rows = await this.s.db
      .selectFrom('document_acknowledgements as a')
      .innerJoin('document_versions as v', 'v.id', 'a.version_id')
      .innerJoin('documents as d', 'd.id', 'v.document_id')
      .select([
        'a.version_id',
        'd.id as document_id',
        'd.number',
        'd.title',
        'v.version',
        'v.status',
        'a.assigned_at',
        'a.acknowledged_at',
      ])
      .where('a.user_id', '=', actorId(ctx) ?? '-')
      .where('v.disposed_at', 'is', null)
      .orderBy('a.assigned_at', 'desc')
      .execute();
    const items = rows.map((r) => ({
      versionId: r.version_id,
      documentId: r.document_id,
      number: r.number,
      title: r.title,
      version: r.version,
      status: r.status as DocumentVersionStatus,
      assignedAt: r.assigned_at,
      acknowledgedAt: r.acknowledged_at,
    }));
    return [
      ...items.filter((i) => !i.acknowledgedAt && i.status === 'published'),
      ...items.filter((i) => i.acknowledgedAt || i.status !== 'published'),
    ];
  }

  /** Records that the caller read the published version (once; time-stamped; in the audit trail). */
  async acknowledge(ctx: RequestContext, versionId: string): Promise<ReadingItem> {
    const me = actorId(ctx) ?? '-';
    const row = await this.s.db
      .selectFrom('document_acknowledgements as a')
      .innerJoin('document_versions as v', 'v.id', 'a.version_id')
      .select(['a.acknowledged_at', 'v.status', 'v.version', 'v.document_id'])
      .where('a.version_id', '=', versionId)
      .where('a.user_id', '=', me)
      .executeTakeFirst();
    if (!row) throw notFound('document to read');
    if (row.acknowledged_at)
      throw conflict('document.already_acknowledged', 'you have already acknowledged this version');
    if (row.status !== 'published')
      throw conflict('document.not_published', 'this version is no longer in force');
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('document_acknowledgements')
        .set({ acknowledged_at: now })
        .where('version_id', '=', versionId)
        .where('user_id', '=', me)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1)
        throw conflict('document.already_acknowledged', 'you have already acknowledged this version');
      await this.s.audit.record(trx, ctx, {
        action: 'document.acknowledged',
        objectType: 'document_version',
        objectId: versionId,
        details: { documentId: row.document_id, version: row.version, at: now },
      });
    });
    const item = (await this.myReading(ctx)).find((i) => i.versionId === versionId);
    if (!item) throw notFound('document to read');
    return item;
  }

  private async queueReadingNotice(
    trx: Kysely<DB>,
    v: DocumentVersionRow,
    doc: DocumentRow,
    to: string[],
    kind: string,
    dedupeKey: string,
  ): Promise<void> {
    const reminder = kind !== 'document.to_read';
    await this.s.notify.queue(trx, {
      kind,
      to,
      subject: {
        en: `${reminder ? 'Reminder: please' : 'Please'} read and acknowledge ${doc.number} ${doc.title} v${v.version}`,
        'zh-TW': `${reminder ? '提醒：' : ''}請閱讀並確認 ${doc.number} ${doc.title} 第 ${v.version} 版`,
      },
      body: {
        en: `${doc.number} ${doc.title} (version ${v.version}) has been published for you. Open it in Vigil, read it and acknowledge it.`,
        'zh-TW': `文件 ${doc.number} ${doc.title}（第 ${v.version} 版）已發布予您，請至守望閱讀後點選「確認已閱讀」。`,
      },
      link: `/documents/versions/${v.id}`,
      dedupeKey,
    });
  }
}
