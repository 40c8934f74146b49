import { randomUUID } from 'node:crypto';
import type { DisposalRequest, DisposalView, DocumentVersionStatus } from '@vigil/contracts';
import type { DocumentDisposalRow } from '@vigil/db';
import { addMonths, localDate } from '@vigil/frameworks';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { actorId, type RequestContext } from '../../platform/context.js';
import { releaseFile } from '../../platform/files/file-references.js';
import type { Services } from '../../services.js';
import { organisationTimeZone } from '../org/org.repository.js';
import { usersByIds } from '../users/users.repository.js';
import { VERSION_FILE_REF } from './document-version-writes.js';

export interface DisposalCandidate {
  versionId: string;
  documentId: string;
  number: string;
  title: string;
  version: number;
  status: DocumentVersionStatus;
  retainedSince: string;
  retentionYears: number;
  dueOn: string;
  pendingDisposalId: string | null;
}

/**
 * Records retention: obsolete versions of any level, and published versions of record levels (四階), are kept
 * for their retention period; past it they are listed for disposal, which one person requests and another
 * approves. Nothing is removed any other way.
 */
export class DocumentRetentionService {
  constructor(protected readonly s: Services) {}

  async candidates(): Promise<DisposalCandidate[]> {
    const zone = await organisationTimeZone(this.s.db);
    const today = localDate(this.s.clock.now(), zone);
    const rows = await this.s.db
      .selectFrom('document_versions as v')
      .innerJoin('documents as d', 'd.id', 'v.document_id')
      .innerJoin('document_levels as l', 'l.id', 'd.level_id')
      .leftJoin('document_disposals as x', (j) =>
        j.onRef('x.version_id', '=', 'v.id').on('x.status', '=', 'pending'),
      )
      .select([
        'v.id',
        'v.document_id',
        'd.number',
        'd.title',
        'v.version',
        'v.status',
        'v.obsolete_at',
        'v.published_at',
        'l.is_record',
        'l.retention_years as level_years',
        'd.retention_years as doc_years',
        'x.id as pending_id',
      ])
      .where('v.disposed_at', 'is', null)
      .where('v.status', 'in', ['obsolete', 'published'])
      .orderBy('d.number')
      .orderBy('v.version')
      .execute();
    const out: DisposalCandidate[] = [];
    for (const r of rows) {
      const since = r.status === 'obsolete' ? r.obsolete_at : r.is_record === 1 ? r.published_at : null;
      const years = r.doc_years ?? r.level_years;
      if (!since || years == null) continue;
      const dueOn = addMonths(localDate(since, zone), years * 12);
      if (dueOn > today) continue;
      out.push({
        versionId: r.id,
        documentId: r.document_id,
        number: r.number,
        title: r.title,
        version: r.version,
        status: r.status as DocumentVersionStatus,
        retainedSince: since,
        retentionYears: years,
        dueOn,
        pendingDisposalId: r.pending_id ?? null,
      });
    }
    return out;
  }

  async list(): Promise<DisposalView[]> {
    const rows = await this.s.db
      .selectFrom('document_disposals')
      .selectAll()
      .orderBy('requested_at', 'desc')
      .execute();
    return this.present(rows);
  }

  async pendingCount(): Promise<number> {
    const r = await this.s.db
      .selectFrom('document_disposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async request(ctx: RequestContext, req: DisposalRequest): Promise<DisposalView> {
    const candidate = (await this.candidates()).find((c) => c.versionId === req.versionId);
    if (!candidate) {
      const exists = await this.s.db
        .selectFrom('document_versions')
        .select('id')
        .where('id', '=', req.versionId)
        .executeTakeFirst();
      if (!exists) throw notFound('document version');
      throw conflict('document.retention_not_reached', 'this version is not past its retention period');
    }
    if (candidate.pendingDisposalId)
      throw conflict(
        'document.disposal_pending',
        'a disposal of this version is already waiting for approval',
      );
    const id = randomUUID();
    await this.s.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('document_disposals')
        .values({
          id,
          version_id: req.versionId,
          status: 'pending',
          reason: req.reason,
          requested_by: actorId(ctx),
          requested_at: this.s.clock.now().toISOString(),
          decided_by: null,
          decided_at: null,
          decision_note: '',
        })
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'document.disposal_requested',
        objectType: 'document_version',
        objectId: req.versionId,
        details: {
          disposalId: id,
          number: candidate.number,
          version: candidate.version,
          reason: req.reason,
          dueOn: candidate.dueOn,
        },
      });
    });
    return this.one(id);
  }

  /** Approves (content removed, the record of it kept) or rejects a disposal; never by its requester. */
  async decide(ctx: RequestContext, id: string, approve: boolean, note: string): Promise<DisposalView> {
    const d = await this.s.db
      .selectFrom('document_disposals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!d) throw notFound('disposal');
    if (d.status !== 'pending')
      throw conflict('document.disposal_decided', 'this disposal has already been decided');
    if (d.requested_by === actorId(ctx))
      throw new AppError(
        403,
        'document.same_person',
        'a disposal must be approved by someone other than its requester',
      );
    const v = await this.s.db
      .selectFrom('document_versions')
      .selectAll()
      .where('id', '=', d.version_id)
      .executeTakeFirstOrThrow();
    const now = this.s.clock.now().toISOString();
    let orphan = false;
    await this.s.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('document_disposals')
        .set({
          status: approve ? 'approved' : 'rejected',
          decided_by: actorId(ctx),
          decided_at: now,
          decision_note: note,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1)
        throw conflict('document.disposal_decided', 'this disposal has already been decided');
      if (approve) {
        await trx
          .updateTable('document_versions')
          .set({
            body: '',
            disposed_at: now,
            status: 'obsolete',
            obsolete_at: v.obsolete_at ?? now,
            updated_at: now,
          })
          .where('id', '=', v.id)
          .execute();
        if (v.file_sha256) orphan = await releaseFile(trx, v.file_sha256, VERSION_FILE_REF, v.id);
      }
      await this.s.audit.record(trx, ctx, {
        action: approve ? 'document.disposal_approved' : 'document.disposal_rejected',
        objectType: 'document_version',
        objectId: v.id,
        details: {
          disposalId: id,
          version: v.version,
          reason: d.reason,
          note,
          sha256: v.file_sha256,
          fileRemoved: approve ? orphan : null,
        },
      });
    });
    if (orphan && v.file_sha256) await this.s.blobs.remove(v.file_sha256);
    return this.one(id);
  }

  private async one(id: string): Promise<DisposalView> {
    const rows = await this.s.db.selectFrom('document_disposals').selectAll().where('id', '=', id).execute();
    const [view] = await this.present(rows);
    if (!view) throw notFound('disposal');
    return view;
  }

  private async present(rows: DocumentDisposalRow[]): Promise<DisposalView[]> {
    const versions = rows.length
      ? await this.s.db
          .selectFrom('document_versions as v')
          .innerJoin('documents as d', 'd.id', 'v.document_id')
          .select(['v.id', 'v.version', 'd.number', 'd.title'])
          .where(
            'v.id',
            'in',
            rows.map((r) => r.version_id),
          )
          .execute()
      : [];
    const byId = new Map(versions.map((v) => [v.id, v]));
    const users = await usersByIds(
      this.s.db,
      rows.flatMap((r) => [r.requested_by, r.decided_by]),
    );
    const ref = (u: string | null) => (u ? (users.get(u) ?? null) : null);
    return rows.map((r) => ({
      id: r.id,
      versionId: r.version_id,
      number: byId.get(r.version_id)?.number ?? '',
      title: byId.get(r.version_id)?.title ?? '',
      version: byId.get(r.version_id)?.version ?? 0,
      status: r.status as DisposalView['status'],
      reason: r.reason,
      requestedBy: ref(r.requested_by),
      requestedAt: r.requested_at,
      decidedBy: ref(r.decided_by),
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
    }));
  }
}
