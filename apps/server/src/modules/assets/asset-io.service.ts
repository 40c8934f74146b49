import { createHash, randomUUID } from 'node:crypto';
import {
  type AssetExportQuery,
  type AssetImportApplyResult,
  type AssetImportPreview,
  type AssetImportPreviewQuery,
  type AssetRegisterQuery,
  type AssetView,
  IMPORT_PREVIEW_MINUTES,
  type ImportIssue,
  type Locale,
  PREVIEW_ERRORS_SHOWN,
  PREVIEW_ROWS_SHOWN,
} from '@vigil/contracts';
import type { DB } from '@vigil/db';
import { REPORT_CONTENT_TYPES, reportFileName } from '@vigil/reports';
import type { Kysely } from 'kysely';
import type { DownloadFile } from '../../http/download.js';
import { AppError, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext, UserActor } from '../../platform/context.js';
import type { OrgService } from '../org/org.service.js';
import { presentAsset } from './assets.presenter.js';
import { findAssetsByCodes, identifiersOf, listAssets } from './assets.repository.js';
import type { AssetService, ImportRow } from './assets.service.js';
import { COLUMNS, type ReadContext, type WriteContext } from './io/columns.js';
import { UnitDirectory, UserDirectory } from './io/directory.js';
import { renderLayout } from './io/export.js';
import { deleteExpiredImports, findImport, insertImport, moveImport } from './io/imports.repository.js';
import {
  columnKeyOf,
  type HeaderMap,
  headerIn,
  type MappedRow,
  mapRow,
  type RowIssue,
} from './io/mapping.js';
import { readImportFile } from './io/read-file.js';
import { registerPdf, registerTitle, registerXlsx } from './io/register.js';
import { termIndex } from './io/vocabulary.js';

type UserContext = RequestContext & { actor: UserActor };

const EXPORT_NAME: Record<Locale, string> = { 'zh-TW': '資產清冊', en: 'asset-inventory' };
const PAGE = 1000;

/** `identifiers.3` → ['identifiers', 3]. */
function fieldPath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]+/)
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Reads and writes the inventory as CSV and XLSX files, and renders the 資產清冊 record. */
export class AssetIoService {
  constructor(
    protected readonly db: Kysely<DB>,
    protected readonly audit: AuditService,
    protected readonly assets: AssetService,
    protected readonly org: OrgService,
    protected readonly clock: Clock,
  ) {}

  private async readContext(): Promise<ReadContext> {
    const [users, units, valuation] = await Promise.all([
      this.db.selectFrom('users').select(['id', 'username', 'display_name']).execute(),
      this.db.selectFrom('units').select(['id', 'code', 'name']).execute(),
      this.assets.valuation(),
    ]);
    const classifications = termIndex(
      valuation.classifications.map((c) => ({ key: c.key, en: c.en, zh: c.zh })),
    );
    return {
      users: new UserDirectory(
        users.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name })),
      ),
      units: new UnitDirectory(units),
      classifications,
      classificationKeys: valuation.classifications.map((c) => c.key),
    };
  }

  private async writeContext(lang: Locale): Promise<WriteContext> {
    const [valuation, units] = await Promise.all([
      this.assets.valuation(),
      this.db.selectFrom('units').select(['id', 'code', 'name']).execute(),
    ]);
    return { lang, valuation, units: new UnitDirectory(units) };
  }

  /** Reads an uploaded file, checks every row against the inventory and keeps the result for the apply. */
  async preview(ctx: UserContext, bytes: Buffer, opts: AssetImportPreviewQuery): Promise<AssetImportPreview> {
    const file = await readImportFile(bytes, opts);
    const x = await this.readContext();
    const mapped = file.rows.map((r) => mapRow(r, file.header, x));
    const rows: ImportRow[] = [];
    const fieldsOfRow = new Map<number, Record<string, unknown>>();
    for (const m of mapped) {
      if (!m.fields) continue;
      rows.push({ row: m.row, fields: m.fields });
      fieldsOfRow.set(m.row, m.fields);
    }
    const checked = await this.assets.validateImport(rows);
    const mappingIssues = mapped.flatMap((m) => m.issues);
    // A cell the mapping already refused (e.g. an unknown type) is left empty, which the inventory's own
    // check would report again; one problem per cell is what the person has to fix.
    const reported = new Set(mappingIssues.map((i) => `${i.row}\u0000${i.column}`));
    const inventoryIssues = checked
      .map((e) => ({
        row: e.row,
        column: columnKeyOf(fieldPath(e.field), fieldsOfRow.get(e.row) ?? {}),
        code: e.code,
        message: e.message,
      }))
      .filter((i) => !reported.has(`${i.row}\u0000${i.column}`));
    const issues: RowIssue[] = [...file.header.errors, ...mappingIssues, ...inventoryIssues];
    const errors = this.present(issues, file.header);
    const existing = new Set(
      (
        await findAssetsByCodes(
          this.db,
          rows.flatMap((r) => (r.fields.code ? [r.fields.code] : [])),
        )
      ).map((a) => a.code),
    );
    const action = (code: string | undefined) => (code && existing.has(code) ? 'update' : 'create');
    const toUpdate = mapped.filter((m) => action(m.shown.code) === 'update').length;

    const now = this.clock.now();
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + IMPORT_PREVIEW_MINUTES * 60_000).toISOString();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await deleteExpiredImports(this.db, now.toISOString());
    await insertImport(this.db, {
      id,
      created_by: ctx.actor.userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      sha256,
      file_name: opts.fileName || null,
      format: file.format,
      encoding: file.encoding,
      sheet: file.sheet,
      row_count: file.rows.length,
      error_count: errors.length,
      headers: JSON.stringify(Object.fromEntries(file.header.headers)),
      // Only a clean preview can be applied, so only its rows are worth keeping.
      rows: JSON.stringify(errors.length === 0 ? rows : []),
      status: 'pending',
      applied_at: null,
    });
    return {
      importId: id,
      fileName: opts.fileName || null,
      format: file.format,
      encoding: file.encoding,
      sheet: file.sheet,
      rowCount: file.rows.length,
      toCreate: mapped.length - toUpdate,
      toUpdate,
      errors: errors.slice(0, PREVIEW_ERRORS_SHOWN),
      errorCount: errors.length,
      warnings: this.present(file.header.warnings, file.header),
      rows: mapped.slice(0, PREVIEW_ROWS_SHOWN).map((m) => this.previewRow(m, x, action(m.shown.code))),
      expiresAt,
    };
  }

  private previewRow(m: MappedRow, x: ReadContext, action: 'create' | 'update') {
    const f = m.shown;
    return {
      row: m.row,
      action,
      fields: f,
      owner: f.ownerId ? x.users.label(f.ownerId) : null,
      custodian: f.custodianId ? x.users.label(f.custodianId) : null,
      unit: f.unitId ? x.units.label(f.unitId) : null,
    };
  }

  /** Issues in file order (row, then the column's place in the layout), columns named as in the file. */
  private present(issues: RowIssue[], map: HeaderMap): ImportIssue[] {
    const order = new Map(COLUMNS.map((c, i) => [c.key, i]));
    const sorted = [...issues].sort(
      (a, b) =>
        (a.row ?? 0) - (b.row ?? 0) ||
        (order.get(a.column ?? '') ?? 999) - (order.get(b.column ?? '') ?? 999),
    );
    return sorted.map((i) => ({
      row: i.row,
      // Header-row issues already carry the text as written.
      column: i.row === map.row ? i.column : headerIn(map, i.column),
      code: i.code,
      message: i.message,
    }));
  }

  /** Applies a clean preview, all rows or none, after checking them again against the inventory as it is now. */
  async apply(ctx: UserContext, id: string): Promise<AssetImportApplyResult> {
    const stored = await findImport(this.db, id);
    if (!stored || stored.created_by !== ctx.actor.userId) throw notFound('import');
    if (stored.status !== 'pending')
      throw new AppError(409, 'import.applied', 'this import was already applied');
    if (stored.expires_at <= this.clock.now().toISOString())
      throw new AppError(410, 'import.expired', 'the preview expired; upload the file again');
    if (stored.error_count > 0)
      throw new AppError(
        409,
        'import.has_errors',
        'the preview found errors; correct the file and upload it again',
        {
          errorCount: stored.error_count,
        },
      );
    if (!(await moveImport(this.db, id, 'pending', 'applying')))
      throw new AppError(409, 'import.applied', 'this import was already applied');
    try {
      const rows = JSON.parse(stored.rows) as ImportRow[];
      const errors = await this.assets.validateImport(rows);
      if (errors.length > 0) {
        const headers = new Map(Object.entries(JSON.parse(stored.headers) as Record<string, string>));
        const map = { row: 1, headers } as HeaderMap;
        const fields = new Map(rows.map((r) => [r.row, r.fields as Record<string, unknown>]));
        const issues = errors.map((e) => ({
          row: e.row,
          column: columnKeyOf(fieldPath(e.field), fields.get(e.row) ?? {}),
          code: e.code,
          message: e.message,
        }));
        throw new AppError(
          409,
          'import.has_errors',
          'the inventory changed since the preview and some rows no longer fit; upload the file again',
          { errorCount: errors.length, errors: this.present(issues, map).slice(0, PREVIEW_ERRORS_SHOWN) },
        );
      }
      const result = await this.assets.applyImport(ctx, rows, {
        ...(stored.file_name ? { fileName: stored.file_name } : {}),
        sha256: stored.sha256,
      });
      await moveImport(this.db, id, 'applying', 'applied', this.clock.now().toISOString());
      return result;
    } catch (err) {
      await moveImport(this.db, id, 'applying', 'pending');
      throw err;
    }
  }

  /** Every asset matching the list filters, in code order. */
  private async allAssets(
    filter: Omit<AssetExportQuery, 'format' | 'lang' | 'sort' | 'order'> & {
      sort?: AssetExportQuery['sort'];
      order?: AssetExportQuery['order'];
    },
    mineOf?: string,
  ): Promise<AssetView[]> {
    const { sort = 'code', order = 'asc', mine: _mine, ...rest } = filter;
    const out: AssetView[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = await listAssets(
        this.db,
        { ...rest, ...(mineOf ? { mineOf } : {}) },
        sort,
        order,
        PAGE,
        offset,
      );
      const ids = await identifiersOf(
        this.db,
        rows.map((r) => r.id),
      );
      for (const r of rows) out.push(presentAsset(r, ids.get(r.id) ?? []));
      if (rows.length < PAGE) return out;
    }
  }

  /** The inventory (filtered as the list is) in the import layout; recorded as a copy taken. */
  async export(ctx: UserContext, query: AssetExportQuery): Promise<DownloadFile> {
    const { format, lang, ...filter } = query;
    const assets = await this.allAssets(filter, filter.mine ? ctx.actor.userId : undefined);
    const body = await renderLayout(format, assets, await this.writeContext(lang));
    const at = this.clock.now().toISOString();
    await this.audit.recordAlone(ctx, {
      action: 'asset.export',
      objectType: 'asset',
      details: { kind: 'export', format, lang, count: assets.length, filter },
    });
    return {
      fileName: reportFileName(EXPORT_NAME[lang], format, at),
      contentType: REPORT_CONTENT_TYPES[format],
      body,
    };
  }

  /** An empty file in the import layout. */
  async template(format: 'csv' | 'xlsx', lang: Locale): Promise<DownloadFile> {
    const body = await renderLayout(format, [], await this.writeContext(lang));
    const base = lang === 'en' ? 'asset-import-template' : '資產匯入範本';
    return {
      fileName: reportFileName(base, format, this.clock.now().toISOString()),
      contentType: REPORT_CONTENT_TYPES[format],
      body,
    };
  }

  /** The 資產清冊 record (PDF or XLSX); recorded as a copy taken. */
  async register(ctx: UserContext, query: AssetRegisterQuery): Promise<DownloadFile> {
    const assets = await this.allAssets({ includeArchived: query.includeArchived });
    const org = await this.org.get();
    const at = this.clock.now().toISOString();
    const input = {
      assets,
      x: await this.writeContext(query.lang),
      organisation: org?.name ?? '',
      generatedAt: at,
      generatedBy: `${ctx.actor.displayName} (${ctx.actor.username})`,
      timeZone: org?.time_zone ?? 'Asia/Taipei',
    };
    const body = query.format === 'pdf' ? await registerPdf(input) : await registerXlsx(input);
    await this.audit.recordAlone(ctx, {
      action: 'asset.export',
      objectType: 'asset',
      details: { kind: 'register', format: query.format, lang: query.lang, count: assets.length },
    });
    return {
      fileName: reportFileName(registerTitle(query.lang), query.format, at),
      contentType: REPORT_CONTENT_TYPES[query.format],
      body,
    };
  }
}
