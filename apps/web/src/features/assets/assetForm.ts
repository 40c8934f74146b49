import type {
  AssetStatus,
  AssetType,
  AssetView,
  CreateAssetRequest,
  InformationClass,
} from '@vigil/contracts';
import { type IdentifierRow, rowsToIdentifiers, toRows } from './identifiers.js';
import { asksProtectionQuestions, completeAnswers, type PartialProtectionAnswers } from './valuation.js';

/** The asset form's state: text inputs hold strings, optional numbers hold null when empty. */
export interface AssetFormState {
  code: string;
  name: string;
  type: AssetType | null;
  status: AssetStatus;
  commissionedOn: string;
  retiredOn: string;
  disposedOn: string;
  ownerId: string | null;
  custodianId: string | null;
  unitId: string | null;
  location: string;
  vendor: string;
  endOfSupportOn: string;
  tags: string[];
  description: string;
  identifiers: IdentifierRow[];
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  legal: number | null;
  classification: string | null;
  coreSystem: boolean;
  criticalInfrastructure: boolean;
  informationClass: InformationClass;
  personalData: boolean;
  mtpdHours: number | null;
  rtoHours: number | null;
  rpoHours: number | null;
  protectionAnswers: PartialProtectionAnswers;
}

export function emptyAssetForm(): AssetFormState {
  return {
    code: '',
    name: '',
    type: null,
    status: 'in_use',
    commissionedOn: '',
    retiredOn: '',
    disposedOn: '',
    ownerId: null,
    custodianId: null,
    unitId: null,
    location: '',
    vendor: '',
    endOfSupportOn: '',
    tags: [],
    description: '',
    identifiers: [],
    confidentiality: null,
    integrity: null,
    availability: null,
    legal: null,
    classification: null,
    coreSystem: false,
    criticalInfrastructure: false,
    informationClass: 'non_core',
    personalData: false,
    mtpdHours: null,
    rtoHours: null,
    rpoHours: null,
    protectionAnswers: {},
  };
}

export function assetFormFrom(asset: AssetView): AssetFormState {
  return {
    code: asset.code,
    name: asset.name,
    type: asset.type,
    status: asset.status,
    commissionedOn: asset.commissionedOn ?? '',
    retiredOn: asset.retiredOn ?? '',
    disposedOn: asset.disposedOn ?? '',
    ownerId: asset.owner?.id ?? null,
    custodianId: asset.custodian?.id ?? null,
    unitId: asset.unit?.id ?? null,
    location: asset.location ?? '',
    vendor: asset.vendor ?? '',
    endOfSupportOn: asset.endOfSupportOn ?? '',
    tags: asset.tags,
    description: asset.description ?? '',
    identifiers: toRows(asset.identifiers),
    confidentiality: asset.confidentiality,
    integrity: asset.integrity,
    availability: asset.availability,
    legal: asset.legal,
    classification: asset.classification,
    coreSystem: asset.coreSystem,
    criticalInfrastructure: asset.criticalInfrastructure,
    informationClass: asset.informationClass,
    personalData: asset.personalData,
    mtpdHours: asset.mtpdHours,
    rtoHours: asset.rtoHours,
    rpoHours: asset.rpoHours,
    protectionAnswers: asset.protectionAnswers ?? {},
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * The request body for the form. The code is left out when empty (the server generates one); the legal
 * rating only goes out when the organisation uses it; Schedule 9 answers only for the types that ask them.
 * The type may still be null here: the contract check then reports it as a missing field.
 */
export function assetRequestFrom(
  form: AssetFormState,
  options: { legalRating: boolean },
): Omit<CreateAssetRequest, 'type'> & { type: AssetType | null } {
  const code = form.code.trim();
  return {
    ...(code ? { code } : {}),
    name: form.name,
    type: form.type,
    status: form.status,
    commissionedOn: orNull(form.commissionedOn),
    retiredOn: orNull(form.retiredOn),
    disposedOn: orNull(form.disposedOn),
    ownerId: form.ownerId,
    custodianId: form.custodianId,
    unitId: form.unitId,
    location: orNull(form.location),
    vendor: orNull(form.vendor),
    endOfSupportOn: orNull(form.endOfSupportOn),
    tags: form.tags.map((tag) => tag.trim()).filter(Boolean),
    description: orNull(form.description),
    identifiers: rowsToIdentifiers(form.identifiers),
    confidentiality: form.confidentiality,
    integrity: form.integrity,
    availability: form.availability,
    // With the legal rating turned off, an old legal rating is cleared rather than kept out of sight.
    ...(options.legalRating ? { legal: form.legal } : form.legal !== null ? { legal: null } : {}),
    classification: form.classification,
    coreSystem: form.coreSystem,
    criticalInfrastructure: form.criticalInfrastructure,
    informationClass: form.informationClass,
    personalData: form.personalData,
    mtpdHours: form.mtpdHours,
    rtoHours: form.rtoHours,
    rpoHours: form.rpoHours,
    protectionAnswers: asksProtectionQuestions(form.type) ? completeAnswers(form.protectionAnswers) : null,
  };
}

/** Started but unfinished Schedule 9 answers: the form asks for the rest instead of dropping them. */
export function hasPartialAnswers(form: AssetFormState): boolean {
  if (!asksProtectionQuestions(form.type)) return false;
  const given = Object.values(form.protectionAnswers).filter(Boolean).length;
  return given > 0 && given < 4;
}

/** Server validation details (`validation.failed`) as field → message, keyed by the top-level field. */
export function serverFieldErrors(problems: { path: string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const field = problem.path.split('.')[0] ?? '';
    if (field && !(field in errors)) errors[field] = problem.message;
  }
  return errors;
}

/**
 * The field a business-rule error names (`details.field`, e.g. "identifiers.1" for a duplicate identifier),
 * as the top-level form field, or null.
 */
export function ruleErrorField(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('field' in details)) return null;
  const field = details.field;
  if (typeof field !== 'string' || field === '') return null;
  return field.split('.')[0] ?? null;
}
