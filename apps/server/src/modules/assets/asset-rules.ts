import {
  type AssetIdentifier,
  type AssetStatus,
  type AssetType,
  type AssetValuationSettings,
  type CreateAssetRequest,
  type InformationClass,
  type ProtectionAnswers,
  UNIQUE_IDENTIFIER_KINDS,
  type UpdateAssetRequest,
} from '@vigil/contracts';
import type { AssetRow, AssetTable } from '@vigil/db';
import type { Insertable } from 'kysely';
import { identifierKey, normaliseIdentifiers } from './asset-identifiers.js';
import { assetValue, PROTECTION_TYPES, protectionLevelOf } from './asset-valuation.js';

/** Everything a person writes about an asset, in the contract's words; the code is set separately. */
export interface AssetState {
  name: string;
  type: AssetType;
  identifiers: AssetIdentifier[];
  ownerId: string | null;
  custodianId: string | null;
  unitId: string | null;
  location: string | null;
  description: string | null;
  status: AssetStatus;
  commissionedOn: string | null;
  retiredOn: string | null;
  disposedOn: string | null;
  vendor: string | null;
  endOfSupportOn: string | null;
  tags: string[];
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  legal: number | null;
  classification: string | null;
  coreSystem: boolean;
  criticalInfrastructure: boolean;
  informationClass: InformationClass;
  protectionAnswers: ProtectionAnswers | null;
  mtpdHours: number | null;
  rtoHours: number | null;
  rpoHours: number | null;
  personalData: boolean;
}

/** A rule an asset breaks; `code` is the import error code, mapped to `asset.*` codes by the API. */
export interface RuleError {
  field: string;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const EMPTY: Omit<AssetState, 'name' | 'type'> = {
  identifiers: [],
  ownerId: null,
  custodianId: null,
  unitId: null,
  location: null,
  description: null,
  status: 'in_use',
  commissionedOn: null,
  retiredOn: null,
  disposedOn: null,
  vendor: null,
  endOfSupportOn: null,
  tags: [],
  confidentiality: null,
  integrity: null,
  availability: null,
  legal: null,
  classification: null,
  coreSystem: false,
  criticalInfrastructure: false,
  informationClass: 'non_core',
  protectionAnswers: null,
  mtpdHours: null,
  rtoHours: null,
  rpoHours: null,
  personalData: false,
};

export const STATE_FIELDS = Object.keys({ name: '', type: '', ...EMPTY }) as (keyof AssetState)[];

export function stateFromRow(row: AssetRow, identifiers: AssetIdentifier[]): AssetState {
  return {
    name: row.name,
    type: row.type as AssetType,
    identifiers,
    ownerId: row.owner_id,
    custodianId: row.custodian_id,
    unitId: row.unit_id,
    location: row.location,
    description: row.description,
    status: row.status as AssetStatus,
    commissionedOn: row.commissioned_on,
    retiredOn: row.retired_on,
    disposedOn: row.disposed_on,
    vendor: row.vendor,
    endOfSupportOn: row.end_of_support_on,
    tags: JSON.parse(row.tags) as string[],
    confidentiality: row.confidentiality,
    integrity: row.integrity,
    availability: row.availability,
    legal: row.legal,
    classification: row.classification,
    coreSystem: row.core_system === 1,
    criticalInfrastructure: row.critical_infrastructure === 1,
    informationClass: row.information_class as InformationClass,
    protectionAnswers: row.protection_answers
      ? (JSON.parse(row.protection_answers) as ProtectionAnswers)
      : null,
    mtpdHours: row.mtpd_hours === null ? null : Number(row.mtpd_hours),
    rtoHours: row.rto_hours === null ? null : Number(row.rto_hours),
    rpoHours: row.rpo_hours === null ? null : Number(row.rpo_hours),
    personalData: row.personal_data === 1,
  };
}

/**
 * Applies a create or update request over the current state (null = a new asset): fields left out stay,
 * identifiers are normalised, tags de-duplicated, and a status change fills in its date when none is given.
 */
export function applyFields(
  before: AssetState | null,
  fields: UpdateAssetRequest | CreateAssetRequest,
  today: string,
): { state: AssetState; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const base: AssetState = before ?? { name: '', type: 'hardware', ...EMPTY };
  const state: AssetState = { ...base };
  for (const key of STATE_FIELDS) {
    const v = (fields as Record<string, unknown>)[key];
    if (v !== undefined) (state as unknown as Record<string, unknown>)[key] = v;
  }
  // A nullable list or flag given as null means "none".
  state.identifiers ??= [];
  state.tags = [...new Set((state.tags ?? []).map((t) => t.trim()).filter(Boolean))];
  if (fields.identifiers) {
    const n = normaliseIdentifiers(fields.identifiers);
    if (n.ok) state.identifiers = n.identifiers;
    else
      errors.push({
        field: `identifiers.${n.index}`,
        code: 'bad_identifier',
        message: `${n.kind} "${n.value}": ${n.reason}`,
        details: { kind: n.kind, value: n.value },
      });
  }
  if (fields.status && fields.status !== before?.status) {
    if (fields.status === 'retired' && !state.retiredOn) state.retiredOn = today;
    if (fields.status === 'disposed' && !state.disposedOn) state.disposedOn = today;
  }
  return { state, errors };
}

/** What the rules need from storage, loaded once per request (or once per import file). */
export interface RuleLookups {
  users: Map<string, { disabled: boolean }>;
  units: Set<string>;
  /** identifierKey → active assets holding it. */
  holders: Map<string, { assetId: string; code: string }[]>;
}

const RATINGS = ['confidentiality', 'integrity', 'availability', 'legal'] as const;

/** Every rule the asset breaks (empty when it may be saved). `selfId` is the asset being changed. */
export function checkAsset(
  state: AssetState,
  settings: AssetValuationSettings,
  lookups: RuleLookups,
  selfId: string | null,
  ignoreHolders: ReadonlySet<string> = new Set(),
): RuleError[] {
  const errors: RuleError[] = [];
  for (const field of RATINGS) {
    const v = state[field];
    if (v === null) continue;
    if (field === 'legal' && !settings.legalRating) {
      errors.push({ field, code: 'legal_rating_off', message: 'the legal/compliance rating is turned off' });
      continue;
    }
    if (v < 1 || v > settings.scaleMax)
      errors.push({
        field,
        code: 'out_of_range',
        message: `${field} must be between 1 and ${settings.scaleMax}`,
        details: { max: settings.scaleMax },
      });
  }
  if (state.classification !== null && !settings.classifications.some((c) => c.key === state.classification))
    errors.push({
      field: 'classification',
      code: 'unknown_classification',
      message: `unknown classification "${state.classification}"`,
      details: { allowed: settings.classifications.map((c) => c.key) },
    });
  if (state.protectionAnswers && !PROTECTION_TYPES.includes(state.type))
    errors.push({
      field: 'protectionAnswers',
      code: 'protection_not_applicable',
      message: 'the Schedule 9 protection level applies to information systems and cloud services only',
    });
  for (const [field, id] of [
    ['ownerId', state.ownerId],
    ['custodianId', state.custodianId],
  ] as const) {
    if (id === null) continue;
    const user = lookups.users.get(id);
    const code = field === 'ownerId' ? 'unknown_owner' : 'unknown_custodian';
    if (!user) errors.push({ field, code, message: `unknown user ${id}` });
    else if (user.disabled) errors.push({ field, code, message: 'the user account is disabled' });
  }
  if (state.unitId !== null && !lookups.units.has(state.unitId))
    errors.push({ field: 'unitId', code: 'unknown_unit', message: `unknown unit ${state.unitId}` });
  const dates = [
    ['commissionedOn', state.commissionedOn],
    ['retiredOn', state.retiredOn],
    ['disposedOn', state.disposedOn],
  ] as const;
  for (let i = 0; i < dates.length; i++)
    for (let j = i + 1; j < dates.length; j++) {
      const [a, av] = dates[i]!;
      const [b, bv] = dates[j]!;
      if (av && bv && av > bv)
        errors.push({ field: b, code: 'bad_dates', message: `${b} (${bv}) is before ${a} (${av})` });
    }
  if (state.status !== 'disposed')
    for (const [index, ident] of state.identifiers.entries()) {
      if (!UNIQUE_IDENTIFIER_KINDS.includes(ident.kind)) continue;
      const other = (lookups.holders.get(identifierKey(ident.kind, ident.value)) ?? []).find(
        (h) => h.assetId !== selfId && !ignoreHolders.has(h.assetId),
      );
      if (other)
        errors.push({
          field: `identifiers.${index}`,
          code: 'duplicate_identifier',
          message: `${ident.kind} ${ident.value} already belongs to asset ${other.code}`,
          details: { kind: ident.kind, value: ident.value, assetCode: other.code },
        });
    }
  return errors;
}

function lowerSearch(code: string, s: AssetState): string {
  return [code, s.name, ...s.identifiers.map((i) => i.value), ...s.tags].join('\n').toLowerCase();
}

/** The stored row for a state: derived value, protection level and search text computed here. */
export function rowOf(
  id: string,
  code: string,
  s: AssetState,
  settings: AssetValuationSettings,
  times: { createdAt: string; updatedAt: string; archivedAt: string | null },
): Insertable<AssetTable> & AssetRow {
  return {
    id,
    code,
    name: s.name,
    type: s.type,
    owner_id: s.ownerId,
    custodian_id: s.custodianId,
    unit_id: s.unitId,
    location: s.location,
    description: s.description,
    status: s.status,
    commissioned_on: s.commissionedOn,
    retired_on: s.retiredOn,
    disposed_on: s.disposedOn,
    vendor: s.vendor,
    end_of_support_on: s.endOfSupportOn,
    tags: JSON.stringify(s.tags),
    confidentiality: s.confidentiality,
    integrity: s.integrity,
    availability: s.availability,
    legal: s.legal,
    value: assetValue(s, settings),
    classification: s.classification,
    core_system: s.coreSystem ? 1 : 0,
    critical_infrastructure: s.criticalInfrastructure ? 1 : 0,
    information_class: s.informationClass,
    protection_answers: s.protectionAnswers ? JSON.stringify(s.protectionAnswers) : null,
    protection_level: protectionLevelOf(s.protectionAnswers),
    mtpd_hours: s.mtpdHours,
    rto_hours: s.rtoHours,
    rpo_hours: s.rpoHours,
    personal_data: s.personalData ? 1 : 0,
    search_text: lowerSearch(code, s),
    archived_at: times.archivedAt,
    created_at: times.createdAt,
    updated_at: times.updatedAt,
  };
}

/** field → [before, after] for every field that differs (before null = creation). */
export function diffStates(before: AssetState | null, after: AssetState): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  const empty: AssetState = { name: '', type: after.type, ...EMPTY };
  for (const key of STATE_FIELDS) {
    const a = before ? before[key] : (empty[key] ?? null);
    const b = after[key];
    if (before === null && (key === 'name' || key === 'type')) {
      out[key] = [null, b];
      continue;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = [a ?? null, b ?? null];
  }
  return out;
}
