import { randomUUID } from 'node:crypto';
import {
  type CreateEvidenceRequest,
  EVIDENCE_EXPIRING_DAYS,
  type EvidenceListQuery,
  type EvidenceView,
  MAX_EVIDENCE_BYTES,
  type UpdateEvidenceRequest,
  type UploadEvidenceQuery,
} from '@vigil/contracts';
import type { DB, EvidenceRow } from '@vigil/db';
import { addDays } from '@vigil/frameworks';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DownloadFile } from '../../http/download.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { actorId, has, type RequestContext, systemContext } from '../../platform/context.js';
import type { SniffedType, StoredBlob } from '../../platform/files/blob-store.js';
import { safeFileName } from '../../platform/files/file-names.js';
import { addFileReference } from '../../platform/files/file-references.js';
import type { Services } from '../../services.js';
import { organisationToday } from '../org/org.repository.js';
import { usersByIds } from '../users/users.repository.js';
import { presentEvidence } from './compliance.presenter.js';
import { assertIdsExist } from './compliance.shared.js';

/** Types of evidence files kept; anything else (unknown binaries, executables) is refused with 415. */
export const EVIDENCE_FILE_TYPES: readonly SniffedType[] = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/zip',
  'image/png',
  'image/jpeg',
  'text/plain',
];

/** The `file_references` type under which evidence holds its stored files (ref id = evidence id). */
export const EVIDENCE_FILE_REF = 'evidence';

/** Answers whether a record of some type exists; other modules register theirs (document_version…). */
export type RecordLookup = (db: Kysely<DB>, id: string) => Promise<boolean>;

/** Whether the caller sees the whole evidence store (others see only their own, see `scoped`). */
export const seesAllEvidence = (ctx: RequestContext): boolean =>
  has(ctx, 'compliance.read') ||
  has(ctx, 'compliance.manage') ||
  has(ctx, 'obligations.read') ||
  has(ctx, 'obligations.manage');

type EvidenceQuery = SelectQueryBuilder<DB, 'evidence', EvidenceRow>;

/** Evidence: files kept by content hash, links, and records inside Vigil, each with a validity period. */
export class EvidenceService {
  private readonly records = new Map<string, RecordLookup>();

  constructor(private readonly s: Services) {}

  /** Lets a module make its records usable as evidence (`recordType` + `recordId`). */
  registerRecordType(type: string, lookup: RecordLookup): void {
    this.records.set(type, lookup);
  }

  recordTypes(): string[] {
    return [...this.records.keys()].sort();
  }

  async views(rows: EvidenceRow[], db: Kysely<DB> = this.s.db): Promise<EvidenceView[]> {
    const users = await usersByIds(
      db,
      rows.flatMap((r) => [r.owner_id, r.created_by]),
    );
    const today = await organisationToday(db, this.s.clock.now());
    return rows.map((r) => presentEvidence(r, users, today));
  }

  /**
   * Narrows a query to the evidence the caller may see: everything for compliance and obligations readers;
   * for the obligations.work holder (an asset owner) only what they created or own and what is linked to
   * obligation tasks they own. Anything else does not exist for them.
   */
  private scoped(ctx: RequestContext, query: EvidenceQuery, db: Kysely<DB> = this.s.db): EvidenceQuery {
    if (seesAllEvidence(ctx)) return query;
    const me = actorId(ctx) ?? '-';
    return query.where((eb) =>
      eb.or([
        eb('evidence.created_by', '=', me),
        eb('evidence.owner_id', '=', me),
        eb(
          'evidence.id',
          'in',
          db
            .selectFrom('obligation_task_evidence as l')
            .innerJoin('obligation_tasks as t', 't.id', 'l.task_id')
            .select('l.evidence_id')
            .where('t.owner_id', '=', me),
        ),
      ]),
    );
  }

  async row(
    id: string,
    db: Kysely<DB> = this.s.db,
    ctx: RequestContext = systemContext('compliance'),
  ): Promise<EvidenceRow> {
    const row = await this.scoped(
      ctx,
      db.selectFrom('evidence').selectAll().where('id', '=', id),
      db,
    ).executeTakeFirst();
    if (!row) throw notFound('evidence');
    return row;
  }

  /** Of `ids`, those the caller may see (e.g. to link to an obligation task). */
  async visibleIds(ctx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.scoped(
      ctx,
      this.s.db
        .selectFrom('evidence')
        .selectAll()
        .where('id', 'in', [...ids]),
    ).execute();
    return new Set(rows.map((r) => r.id));
  }

  async get(id: string, ctx: RequestContext = systemContext('compliance')): Promise<EvidenceView> {
    return (await this.views([await this.row(id, this.s.db, ctx)]))[0] as EvidenceView;
  }

  async list(
    q: EvidenceListQuery,
    ctx: RequestContext = systemContext('compliance'),
  ): Promise<EvidenceView[]> {
    const today = await organisationToday(this.s.db, this.s.clock.now());
    const soon = addDays(today, EVIDENCE_EXPIRING_DAYS);
    let query = this.scoped(ctx, this.s.db.selectFrom('evidence').selectAll());
    if (q.kind) query = query.where('kind', '=', q.kind);
    if (q.status === 'no_expiry') query = query.where('valid_until', 'is', null);
    if (q.status === 'expired') query = query.where('valid_until', '<', today);
    if (q.status === 'expiring')
      query = query.where('valid_until', '>=', today).where('valid_until', '<=', soon);
    if (q.status === 'valid') query = query.where('valid_until', '>', soon);
    if (q.controlId)
      query = query.where(
        'id',
        'in',
        this.s.db.selectFrom('evidence_controls').select('evidence_id').where('control_id', '=', q.controlId),
      );
    if (q.q) {
      const like = `%${q.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([eb(eb.fn('lower', ['title']), 'like', like), eb(eb.fn('lower', ['file_name']), 'like', like)]),
      );
    }
    return this.views(await query.orderBy('created_at', 'desc').limit(1000).execute());
  }

  private async insert(
    ctx: RequestContext,
    values: Omit<EvidenceRow, 'id' | 'created_by' | 'created_at' | 'updated_at' | 'owner_id'> & {
      owner_id?: string | null;
    },
    blob?: StoredBlob,
  ): Promise<string> {
    const id = randomUUID();
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      if (values.owner_id) await assertIdsExist(trx, 'users', [values.owner_id], 'compliance.unknown_user');
      await trx
        .insertInto('evidence')
        .values({
          ...values,
          id,
          owner_id: values.owner_id ?? actorId(ctx),
          created_by: actorId(ctx),
          created_at: now,
          updated_at: now,
        })
        .execute();
      // The blob store removes a file only when nothing refers to it (e.g. a disposed document version
      // of the same content), so the evidence holds its reference from the moment it exists.
      if (blob) await addFileReference(trx, { ...blob, refType: EVIDENCE_FILE_REF, refId: id, at: now });
      await this.s.audit.record(trx, ctx, {
        action: 'evidence.created',
        objectType: 'evidence',
        objectId: id,
        details: {
          kind: values.kind,
          title: values.title,
          ...(values.sha256
            ? { sha256: values.sha256, size: values.size, contentType: values.content_type }
            : {}),
          ...(values.url ? { url: values.url } : {}),
          ...(values.record_type ? { recordType: values.record_type, recordId: values.record_id } : {}),
          validUntil: values.valid_until,
        },
      });
    });
    return id;
  }

  /** Stores an uploaded file by content hash; its type is judged from the bytes, never from the name. */
  async upload(ctx: RequestContext, bytes: Buffer, q: UploadEvidenceQuery): Promise<EvidenceView> {
    if (!safeFileName(q.fileName))
      throw badRequest('evidence.bad_file_name', 'the file name has no usable characters');
    if (bytes.length === 0) throw badRequest('evidence.empty_file', 'the uploaded file is empty');
    if (bytes.length > MAX_EVIDENCE_BYTES)
      throw new AppError(413, 'file.too_large', `evidence files may be at most ${MAX_EVIDENCE_BYTES} bytes`);
    const blob = await this.s.blobs.put(bytes, {
      maxBytes: MAX_EVIDENCE_BYTES,
      allowed: EVIDENCE_FILE_TYPES,
    });
    // The kept name carries an extension that fits the content, so a download cannot run as something else.
    const fileName = safeFileName(q.fileName, blob.contentType);
    const id = await this.insert(
      ctx,
      {
        kind: 'file',
        title: q.title,
        description: q.description ?? '',
        file_name: fileName,
        sha256: blob.sha256,
        size: blob.size,
        content_type: blob.contentType,
        url: null,
        record_type: null,
        record_id: null,
        valid_from: q.validFrom ?? null,
        valid_until: q.validUntil ?? null,
        owner_id: q.ownerId ?? null,
      },
      blob,
    );
    // Identical content may have been removed (a disposal that saw no reference) between storing it and
    // committing the reference; the bytes are still at hand, so store them again.
    if (!(await this.s.blobs.has(blob.sha256)))
      await this.s.blobs.put(bytes, { maxBytes: MAX_EVIDENCE_BYTES, allowed: EVIDENCE_FILE_TYPES });
    return this.get(id, ctx);
  }

  /** A link (http/https only, checked by the contract) or a record inside Vigil. */
  async create(ctx: RequestContext, req: CreateEvidenceRequest): Promise<EvidenceView> {
    if (req.kind === 'record') {
      const lookup = this.records.get(req.recordType ?? '');
      if (!lookup)
        throw badRequest(
          'evidence.unknown_record_type',
          `records of type ${req.recordType} cannot be evidence`,
          {
            known: this.recordTypes(),
          },
        );
      if (!(await lookup(this.s.db, req.recordId ?? '')))
        throw badRequest('evidence.record_not_found', `no ${req.recordType} with id ${req.recordId}`);
    }
    const id = await this.insert(ctx, {
      kind: req.kind,
      title: req.title,
      description: req.description ?? '',
      file_name: null,
      sha256: null,
      size: null,
      content_type: null,
      url: req.kind === 'link' ? (req.url ?? null) : null,
      record_type: req.kind === 'record' ? (req.recordType ?? null) : null,
      record_id: req.kind === 'record' ? (req.recordId ?? null) : null,
      valid_from: req.validFrom ?? null,
      valid_until: req.validUntil ?? null,
      owner_id: req.ownerId ?? null,
    });
    return this.get(id, ctx);
  }

  async update(ctx: RequestContext, id: string, req: UpdateEvidenceRequest): Promise<EvidenceView> {
    await this.s.db.transaction().execute(async (trx) => {
      const before = await this.row(id, trx);
      if (req.ownerId) await assertIdsExist(trx, 'users', [req.ownerId], 'compliance.unknown_user');
      const from = req.validFrom === undefined ? before.valid_from : req.validFrom;
      const until = req.validUntil === undefined ? before.valid_until : req.validUntil;
      if (from && until && until < from)
        throw badRequest('evidence.bad_validity', 'the validity ends before it starts');
      await trx
        .updateTable('evidence')
        .set({
          ...(req.title !== undefined ? { title: req.title } : {}),
          ...(req.description !== undefined ? { description: req.description } : {}),
          ...(req.ownerId !== undefined ? { owner_id: req.ownerId } : {}),
          valid_from: from,
          valid_until: until,
          updated_at: this.s.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'evidence.updated',
        objectType: 'evidence',
        objectId: id,
        details: { title: before.title, changes: req, validUntilFrom: before.valid_until },
      });
    });
    return this.get(id, ctx);
  }

  /** The stored file of file evidence, for download as an attachment; each download is in the audit trail. */
  async content(ctx: RequestContext, id: string): Promise<DownloadFile> {
    const row = await this.row(id, this.s.db, ctx);
    if (row.kind !== 'file' || !row.sha256)
      throw badRequest('evidence.not_a_file', 'this evidence is a link or a record, not a file');
    const body = await this.s.blobs.read(row.sha256);
    const contentType = row.content_type ?? 'application/octet-stream';
    // Names kept before the current rules are cleaned again on the way out.
    const fileName =
      safeFileName(
        row.file_name ?? '',
        EVIDENCE_FILE_TYPES.find((t) => t === contentType),
      ) || 'evidence';
    await this.s.db.transaction().execute((trx) =>
      this.s.audit.record(trx, ctx, {
        action: 'evidence.downloaded',
        objectType: 'evidence',
        objectId: id,
        details: { title: row.title, fileName, sha256: row.sha256, size: row.size },
      }),
    );
    return { body, contentType, fileName };
  }

  /** Counts for the home card. */
  async counts(db: Kysely<DB> = this.s.db): Promise<{ expiring: number; expired: number }> {
    const today = await organisationToday(db, this.s.clock.now());
    const soon = addDays(today, EVIDENCE_EXPIRING_DAYS);
    const count = async (lo: string | null, hi: string) => {
      let q = db
        .selectFrom('evidence')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('valid_until', hi === today ? '<' : '<=', hi);
      if (lo) q = q.where('valid_until', '>=', lo);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    return { expiring: await count(today, soon), expired: await count(null, today) };
  }
}
