import type { DocumentLevelRequest, DocumentLevelView, UpdateDocumentLevelRequest } from '@vigil/contracts';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { type RequestContext, systemContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { DEFAULT_LEVELS } from './document-levels.seed.js';
import { presentLevel } from './documents.presenter.js';

/** The configurable document levels (一階 … 四階 by default): number prefix, order, records flag and retention. */
export class DocumentLevelService {
  constructor(protected readonly s: Services) {}

  /** Seeds the four default levels once (safe when two processes start together). */
  async seed(): Promise<void> {
    const now = this.s.clock.now().toISOString();
    const any = await this.s.db.selectFrom('document_levels').select('id').limit(1).executeTakeFirst();
    if (any) return;
    for (const l of DEFAULT_LEVELS)
      await this.s.db.transaction().execute(async (trx) => {
        const res = await trx
          .insertInto('document_levels')
          .values({ ...l, created_at: now, updated_at: now })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        // Only the process that inserted the level records it (two may start at once).
        if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return;
        await this.s.audit.record(trx, systemContext('documents'), {
          action: 'document.level_seeded',
          objectType: 'document_level',
          objectId: l.id,
          details: { ...l },
        });
      });
  }

  async list(): Promise<DocumentLevelView[]> {
    const rows = await this.s.db
      .selectFrom('document_levels')
      .selectAll()
      .orderBy('rank')
      .orderBy('id')
      .execute();
    const counts = await this.s.db
      .selectFrom('documents')
      .select(['level_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level_id')
      .execute();
    const byLevel = new Map(counts.map((c) => [c.level_id, Number(c.n)]));
    return rows.map((r) => presentLevel(r, byLevel.get(r.id) ?? 0));
  }

  async create(ctx: RequestContext, req: DocumentLevelRequest): Promise<DocumentLevelView> {
    const now = this.s.clock.now().toISOString();
    await this.unique(req.id, req.prefix, null);
    await this.s.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('document_levels')
        .values({
          id: req.id,
          rank: req.rank,
          prefix: req.prefix,
          name_en: req.nameEn,
          name_zh: req.nameZh,
          is_record: req.isRecord ? 1 : 0,
          retention_years: req.retentionYears,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'document.level_created',
        objectType: 'document_level',
        objectId: req.id,
        details: { ...req },
      });
    });
    return this.one(req.id);
  }

  async update(ctx: RequestContext, id: string, req: UpdateDocumentLevelRequest): Promise<DocumentLevelView> {
    const before = await this.s.db
      .selectFrom('document_levels')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('document level');
    if (req.prefix !== undefined) await this.unique(null, req.prefix, id);
    await this.s.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('document_levels')
        .set({
          ...(req.rank !== undefined ? { rank: req.rank } : {}),
          ...(req.prefix !== undefined ? { prefix: req.prefix } : {}),
          ...(req.nameEn !== undefined ? { name_en: req.nameEn } : {}),
          ...(req.nameZh !== undefined ? { name_zh: req.nameZh } : {}),
          ...(req.isRecord !== undefined ? { is_record: req.isRecord ? 1 : 0 } : {}),
          ...(req.retentionYears !== undefined ? { retention_years: req.retentionYears } : {}),
          updated_at: this.s.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'document.level_updated',
        objectType: 'document_level',
        objectId: id,
        details: { changes: req },
      });
    });
    return this.one(id);
  }

  private async one(id: string): Promise<DocumentLevelView> {
    const found = (await this.list()).find((l) => l.id === id);
    if (!found) throw notFound('document level');
    return found;
  }

  private async unique(id: string | null, prefix: string, except: string | null): Promise<void> {
    const rows = await this.s.db.selectFrom('document_levels').select(['id', 'prefix']).execute();
    if (id && rows.some((r) => r.id === id))
      throw conflict('document.level_exists', `level ${id} already exists`);
    if (rows.some((r) => r.prefix === prefix && r.id !== except))
      throw conflict('document.prefix_taken', `prefix ${prefix} is used by another level`);
  }

  async assertExists(id: string): Promise<void> {
    const level = await this.s.db
      .selectFrom('document_levels')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!level) throw badRequest('document.unknown_level', `there is no document level ${id}`);
  }
}
