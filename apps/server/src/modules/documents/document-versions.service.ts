import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  type CreateVersionRequest,
  type DocumentDiff,
  type DocumentVersionView,
  MAX_DOCUMENT_FILE_BYTES,
  type UpdateVersionRequest,
} from '@vigil/contracts';
import type { DocumentVersionRow } from '@vigil/db';
import type { DownloadFile } from '../../http/download.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import { actorId, has, type RequestContext } from '../../platform/context.js';
import type { SniffedType } from '../../platform/files/blob-store.js';
import { safeFileName } from '../../platform/files/file-names.js';
import { addFileReference, releaseFile } from '../../platform/files/file-references.js';
import type { Services } from '../../services.js';
import { usersByIds } from '../users/users.repository.js';
import { readsRegister } from './document-access.js';
import { lineDiff } from './document-diff.js';
import { guardedUpdate, mustFindVersion, VERSION_FILE_REF } from './document-version-writes.js';
import { type ParticipantRole, transition, type VersionStatus } from './document-workflow.js';
import { presentVersion, toParticipants } from './documents.presenter.js';
import { findDocument, findVersion, participantsOf } from './documents.repository.js';

const DOCUMENT_FILE_TYPES: readonly SniffedType[] = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'application/vnd.oasis.opendocument.text',
];

/** The content of a document's versions: drafts, Markdown edits, uploaded files, reading and comparing. */
export class DocumentVersionService {
  constructor(protected readonly s: Services) {}

  async create(
    ctx: RequestContext,
    documentId: string,
    req: CreateVersionRequest,
  ): Promise<DocumentVersionView> {
    const doc = await findDocument(this.s.db, documentId);
    if (!doc) throw notFound('document');
    const id = randomUUID();
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('document_versions')
        .select(['version', 'status'])
        .where('document_id', '=', documentId)
        .execute();
      if (existing.some((v) => ['draft', 'review', 'approved'].includes(v.status)))
        throw conflict('document.open_version_exists', 'finish or recall the version in progress first');
      const version = Math.max(0, ...existing.map((v) => v.version)) + 1;
      await trx
        .insertInto('document_versions')
        .values({
          id,
          document_id: documentId,
          version,
          status: 'draft',
          format: req.format,
          body: req.format === 'markdown' ? req.body : '',
          change_summary: req.changeSummary,
          created_by: actorId(ctx),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'document.version_created',
        objectType: 'document_version',
        objectId: id,
        details: { documentId, number: doc.number, version, format: req.format },
      });
    });
    return this.get(ctx, id);
  }

  /** One version, for anyone who sees the register, is named on it, or received it. */
  async get(ctx: RequestContext, id: string): Promise<DocumentVersionView> {
    const { version, doc } = await this.visibleVersion(ctx, id);
    const participants = await participantsOf(this.s.db, id);
    const users = await usersByIds(this.s.db, [version.created_by, ...participants.map((p) => p.user_id)]);
    const me = actorId(ctx);
    const mine = (role: ParticipantRole) => {
      const r = transition(
        { status: version.status as VersionStatus, participants: toParticipants(participants) },
        { type: 'decide', role, userId: me ?? '-', decision: 'approve' },
      );
      return r.ok;
    };
    const manage = has(ctx, 'documents.manage');
    const ack = me
      ? await this.s.db
          .selectFrom('document_acknowledgements')
          .select('acknowledged_at')
          .where('version_id', '=', id)
          .where('user_id', '=', me)
          .executeTakeFirst()
      : undefined;
    return presentVersion(version, doc, participants, users, {
      edit: manage && version.status === 'draft',
      submit: manage && version.status === 'draft',
      review: mine('reviewer'),
      approve: has(ctx, 'documents.approve') && mine('approver'),
      publish: manage && version.status === 'approved',
      distribute: manage && version.status === 'published',
      acknowledge: version.status === 'published' && ack !== undefined && ack.acknowledged_at === null,
    });
  }

  /**
   * The version if the caller may see it: the whole register for its readers; otherwise only versions the
   * caller is named on (reviewer, approver) or received. Anything else is "not found".
   */
  async visibleVersion(ctx: RequestContext, id: string) {
    const version = await findVersion(this.s.db, id);
    const doc = version ? await findDocument(this.s.db, version.document_id) : undefined;
    if (!version || !doc) throw notFound('document version');
    if (readsRegister(ctx)) return { version, doc };
    const me = actorId(ctx) ?? '-';
    const [named, received] = await Promise.all([
      this.s.db
        .selectFrom('document_version_participants')
        .select('user_id')
        .where('version_id', '=', id)
        .where('user_id', '=', me)
        .executeTakeFirst(),
      this.s.db
        .selectFrom('document_acknowledgements')
        .select('user_id')
        .where('version_id', '=', id)
        .where('user_id', '=', me)
        .executeTakeFirst(),
    ]);
    if (!named && !received) throw notFound('document version');
    return { version, doc };
  }

  async update(ctx: RequestContext, id: string, req: UpdateVersionRequest): Promise<DocumentVersionView> {
    const v = await this.editable(id);
    if (req.body !== undefined && v.format !== 'markdown')
      throw badRequest(
        'document.not_markdown',
        'this version is an uploaded file; upload a new file instead',
      );
    await this.s.db.transaction().execute(async (trx) => {
      await guardedUpdate(trx, this.s.clock, v, {
        ...(req.body !== undefined ? { body: req.body } : {}),
        ...(req.changeSummary !== undefined ? { change_summary: req.changeSummary } : {}),
      });
      await this.s.audit.record(trx, ctx, {
        action: 'document.version_updated',
        objectType: 'document_version',
        objectId: id,
        details: { fields: Object.keys(req), bodyLength: req.body?.length ?? null },
      });
    });
    return this.get(ctx, id);
  }

  /** Stores an uploaded DOCX/PDF/ODT (checked by content) as the file of a draft. */
  async uploadFile(
    ctx: RequestContext,
    id: string,
    source: Readable | Buffer,
    name: string,
  ): Promise<DocumentVersionView> {
    const v = await this.editable(id);
    if (v.format !== 'file') throw badRequest('document.not_file', 'this version is written in Markdown');
    const blob = await this.s.blobs.put(source, {
      maxBytes: MAX_DOCUMENT_FILE_BYTES,
      allowed: DOCUMENT_FILE_TYPES,
    });
    // No path, invisible characters or misleading extension: the kept name fits the content.
    const fileName = safeFileName(name, blob.contentType) || safeFileName('document', blob.contentType);
    const previous = v.file_sha256;
    let orphan = false;
    await this.s.db.transaction().execute(async (trx) => {
      await guardedUpdate(trx, this.s.clock, v, {
        file_sha256: blob.sha256,
        file_name: fileName,
        file_type: blob.contentType,
        file_size: blob.size,
      });
      if (previous && previous !== blob.sha256)
        orphan = await releaseFile(trx, previous, VERSION_FILE_REF, id);
      await addFileReference(trx, {
        ...blob,
        refType: VERSION_FILE_REF,
        refId: id,
        at: this.s.clock.now().toISOString(),
      });
      await this.s.audit.record(trx, ctx, {
        action: 'document.file_uploaded',
        objectType: 'document_version',
        objectId: id,
        details: {
          sha256: blob.sha256,
          size: blob.size,
          contentType: blob.contentType,
          name: fileName,
          replaced: previous,
        },
      });
    });
    // A replaced draft file was never a record; remove it once nothing refers to it.
    if (orphan && previous) await this.s.blobs.remove(previous);
    return this.get(ctx, id);
  }

  /** The version's file as an attachment; each download is in the audit trail (who read which record). */
  async download(ctx: RequestContext, id: string): Promise<DownloadFile> {
    const { version } = await this.visibleVersion(ctx, id);
    const sha256 = version.file_sha256;
    if (!sha256 || !version.file_name || !version.file_type) throw notFound('file');
    const body = await this.s.blobs.read(sha256);
    // Names kept before the current rules are cleaned again on the way out.
    const type = DOCUMENT_FILE_TYPES.find((t) => t === version.file_type);
    const fileName = safeFileName(version.file_name, type) || safeFileName('document', type);
    await this.s.db.transaction().execute((trx) =>
      this.s.audit.record(trx, ctx, {
        action: 'document.file_downloaded',
        objectType: 'document_version',
        objectId: id,
        details: { documentId: version.document_id, version: version.version, name: fileName, sha256 },
      }),
    );
    return { body, contentType: version.file_type, fileName };
  }

  async diff(documentId: string, from: number, to: number): Promise<DocumentDiff> {
    const rows = await this.s.db
      .selectFrom('document_versions')
      .select(['version', 'format', 'body', 'disposed_at'])
      .where('document_id', '=', documentId)
      .where('version', 'in', [from, to])
      .execute();
    const a = rows.find((r) => r.version === from);
    const b = rows.find((r) => r.version === to);
    if (!a || !b) throw notFound('document version');
    if (a.format !== 'markdown' || b.format !== 'markdown')
      throw badRequest('document.diff_needs_markdown', 'only versions written in Markdown can be compared');
    if (a.disposed_at || b.disposed_at)
      throw conflict('document.disposed', 'the content of a disposed version is gone');
    return { from, to, ...lineDiff(a.body, b.body) };
  }

  /** A version that may still be edited (only a draft), else the workflow's refusal. */
  private async editable(id: string): Promise<DocumentVersionRow> {
    const v = await mustFindVersion(this.s.db, id);
    const r = transition({ status: v.status as VersionStatus, participants: [] }, { type: 'edit' });
    if (!r.ok) throw new AppError(r.status, r.code, r.message);
    return v;
  }
}
