import { randomUUID } from 'node:crypto';
import {
  type AssetValuationSettings,
  type CreateAssetRequest,
  createAssetRequest,
  UNIQUE_IDENTIFIER_KINDS,
} from '@vigil/contracts';
import type { AssetRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../http/errors.js';
import type { AuditEvent, AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { identifierKey } from './asset-identifiers.js';
import { type AssetState, applyFields, checkAsset, diffStates, rowOf, stateFromRow } from './asset-rules.js';
import { CODE_PREFIX } from './asset-valuation.js';
import {
  deleteIdentifiers,
  findAssetsByCodes,
  identifiersOf,
  insertAssets,
  insertIdentifiers,
  updateAssetRow,
} from './assets.repository.js';
import type { AssetService } from './assets.service.js';

/** One row of an import file, already mapped to the create request's fields. `row` is the file's row number. */
export interface ImportRow {
  row: number;
  fields: CreateAssetRequest;
}

/** Why a row cannot be imported. */
export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: string;
}

interface Planned {
  row: number;
  existing: AssetRow | null;
  before: AssetState | null;
  state: AssetState;
  code: string | undefined;
}

function contractErrors(row: number, fields: unknown): ImportRowError[] | CreateAssetRequest {
  const parsed = createAssetRequest.safeParse(fields);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((issue) => ({
    row,
    field: issue.path.join('.') || '(row)',
    code:
      issue.code === 'invalid_value'
        ? 'bad_enum'
        : issue.code === 'too_big' || issue.code === 'too_small'
          ? 'out_of_range'
          : 'invalid',
    message: issue.message,
  }));
}

/** Validates every row against the contract, the inventory and the rest of the file. */
export async function validateImport(
  svc: AssetService,
  db: Kysely<DB>,
  rows: ImportRow[],
  today: string,
): Promise<{ errors: ImportRowError[]; planned: Planned[]; settings: AssetValuationSettings }> {
  const settings = await svc.valuation(db);
  const errors: ImportRowError[] = [];
  const parsed: { row: number; fields: CreateAssetRequest }[] = [];
  for (const r of rows) {
    const out = contractErrors(r.row, r.fields);
    if (Array.isArray(out)) errors.push(...out);
    else parsed.push({ row: r.row, fields: out });
  }
  const existing = new Map(
    (
      await findAssetsByCodes(
        db,
        parsed.map((p) => p.fields.code).filter((c): c is string => !!c),
      )
    ).map((a) => [a.code, a]),
  );
  const existingIdents = await identifiersOf(
    db,
    [...existing.values()].map((a) => a.id),
  );
  const firstRowOfCode = new Map<string, number>();
  const planned: Planned[] = [];
  for (const { row, fields } of parsed) {
    const code = fields.code;
    if (code) {
      const first = firstRowOfCode.get(code);
      if (first !== undefined) {
        errors.push({
          row,
          field: 'code',
          code: 'duplicate_code',
          message: `code ${code} is also on row ${first}`,
        });
        continue;
      }
      firstRowOfCode.set(code, row);
    }
    const current = code ? (existing.get(code) ?? null) : null;
    if (current?.archived_at) {
      errors.push({
        row,
        field: 'code',
        code: 'archived',
        message: `asset ${code} is archived; restore it first`,
      });
      continue;
    }
    const before = current ? stateFromRow(current, existingIdents.get(current.id) ?? []) : null;
    const { state, errors: fieldErrors } = applyFields(before, fields, today);
    errors.push(...fieldErrors.map((e) => ({ row, field: e.field, code: e.code, message: e.message })));
    planned.push({ row, existing: current, before, state, code });
  }
  const lookups = await svc.lookupsFor(
    db,
    planned.map((p) => p.state),
  );
  // Assets the file updates are checked against the file's version of them, not the stored one.
  const updatedIds = new Set(planned.flatMap((p) => (p.existing ? [p.existing.id] : [])));
  const inFile = new Map<string, number>();
  for (const p of planned) {
    for (const e of checkAsset(p.state, settings, lookups, p.existing?.id ?? null, updatedIds))
      errors.push({ row: p.row, field: e.field, code: e.code, message: e.message });
    if (p.state.status === 'disposed') continue;
    for (const [index, ident] of p.state.identifiers.entries()) {
      if (!UNIQUE_IDENTIFIER_KINDS.includes(ident.kind)) continue;
      const key = identifierKey(ident.kind, ident.value);
      const first = inFile.get(key);
      if (first === undefined) inFile.set(key, p.row);
      else
        errors.push({
          row: p.row,
          field: `identifiers.${index}`,
          code: 'duplicate_identifier',
          message: `${ident.kind} ${ident.value} is also on row ${first}`,
        });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, planned, settings };
}

/** Writes a validated file in one transaction (the caller's `trx`); any error aborts everything. */
export async function applyImport(
  svc: AssetService,
  trx: Kysely<DB>,
  audit: AuditService,
  ctx: RequestContext,
  rows: ImportRow[],
  meta: { fileName?: string; sha256: string },
  today: string,
  clock: Clock,
): Promise<{ created: number; updated: number }> {
  const { errors, planned, settings } = await validateImport(svc, trx, rows, today);
  if (errors.length > 0)
    throw new AppError(
      400,
      'asset.import_invalid',
      `${errors.length} problems in the file; nothing was imported`,
      {
        errors: errors.slice(0, 1000),
        total: errors.length,
      },
    );
  const now = clock.now().toISOString();
  const times = { createdAt: now, updatedAt: now, archivedAt: null };
  const creates = planned.filter((p) => !p.existing);
  // Generated codes, reserved per type prefix in one step each.
  const needCodes = new Map<string, Planned[]>();
  for (const p of creates)
    if (!p.code)
      needCodes.set(CODE_PREFIX[p.state.type], [...(needCodes.get(CODE_PREFIX[p.state.type]) ?? []), p]);
  for (const [prefix, list] of needCodes) {
    const codes = await svc.generateCodes(trx, prefix, list.length);
    list.forEach((p, i) => {
      p.code = codes[i];
    });
  }
  const events: AuditEvent[] = [];
  const newRows = creates.map((p) => {
    const id = randomUUID();
    events.push({
      action: 'asset.create',
      objectType: 'asset',
      objectId: id,
      details: {
        code: p.code,
        import: meta.sha256,
        changes: { code: [null, p.code], ...diffStates(null, p.state) },
      },
    });
    return { id, p };
  });
  await insertAssets(
    trx,
    newRows.map(({ id, p }) => rowOf(id, p.code!, p.state, settings, times)),
  );
  await insertIdentifiers(
    trx,
    newRows.map(({ id, p }) => ({ assetId: id, identifiers: p.state.identifiers })),
  );
  let updated = 0;
  const reidentified: { assetId: string; identifiers: AssetState['identifiers'] }[] = [];
  for (const p of planned) {
    if (!p.existing) continue;
    const changes = diffStates(p.before, p.state);
    if (Object.keys(changes).length === 0) continue;
    updated++;
    const id = p.existing.id;
    await updateAssetRow(
      trx,
      rowOf(id, p.existing.code, p.state, settings, { ...times, createdAt: p.existing.created_at }),
    );
    if (changes.identifiers) reidentified.push({ assetId: id, identifiers: p.state.identifiers });
    events.push({
      action: 'asset.update',
      objectType: 'asset',
      objectId: id,
      details: { code: p.existing.code, import: meta.sha256, changes },
    });
  }
  await deleteIdentifiers(
    trx,
    reidentified.map((r) => r.assetId),
  );
  await insertIdentifiers(trx, reidentified);
  const result = { created: creates.length, updated };
  events.push({
    action: 'asset.import',
    objectType: 'asset_import',
    objectId: meta.sha256,
    details: { fileName: meta.fileName ?? null, sha256: meta.sha256, rows: rows.length, ...result },
  });
  await audit.recordMany(trx, ctx, events);
  return result;
}
