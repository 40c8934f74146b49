import type { AssetCorrection, AssetStatus, AssetView } from '@vigil/contracts';
import { type IdentifierRow, rowsToIdentifiers, toRows } from '../identifiers.js';

/** The fields an owner may correct while confirming (the contract's assetCorrection), as form state. */
export interface CorrectionForm {
  name: string;
  location: string;
  description: string;
  custodianId: string | null;
  identifiers: IdentifierRow[];
  status: AssetStatus;
  vendor: string;
  endOfSupportOn: string;
  tags: string[];
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  legal: number | null;
  classification: string | null;
  personalData: boolean;
}

export function correctionFormFrom(asset: AssetView): CorrectionForm {
  return {
    name: asset.name,
    location: asset.location ?? '',
    description: asset.description ?? '',
    custodianId: asset.custodian?.id ?? null,
    identifiers: toRows(asset.identifiers),
    status: asset.status,
    vendor: asset.vendor ?? '',
    endOfSupportOn: asset.endOfSupportOn ?? '',
    tags: asset.tags,
    confidentiality: asset.confidentiality,
    integrity: asset.integrity,
    availability: asset.availability,
    legal: asset.legal,
    classification: asset.classification,
    personalData: asset.personalData,
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields the owner changed; empty when the asset is confirmed as it is. */
export function correctionsFrom(asset: AssetView, form: CorrectionForm): AssetCorrection {
  const next: AssetCorrection = {
    name: form.name.trim(),
    location: orNull(form.location),
    description: orNull(form.description),
    custodianId: form.custodianId,
    identifiers: rowsToIdentifiers(form.identifiers),
    status: form.status,
    vendor: orNull(form.vendor),
    endOfSupportOn: orNull(form.endOfSupportOn),
    tags: form.tags.map((tag) => tag.trim()).filter(Boolean),
    confidentiality: form.confidentiality,
    integrity: form.integrity,
    availability: form.availability,
    legal: form.legal,
    classification: form.classification,
    personalData: form.personalData,
  };
  const before: Record<keyof AssetCorrection, unknown> = {
    name: asset.name,
    location: asset.location,
    description: asset.description,
    custodianId: asset.custodian?.id ?? null,
    identifiers: asset.identifiers.map(({ kind, value }) => ({ kind, value })),
    status: asset.status,
    vendor: asset.vendor,
    endOfSupportOn: asset.endOfSupportOn,
    tags: asset.tags,
    confidentiality: asset.confidentiality,
    integrity: asset.integrity,
    availability: asset.availability,
    legal: asset.legal,
    classification: asset.classification,
    personalData: asset.personalData,
  };
  const changed: AssetCorrection = {};
  for (const key of Object.keys(next) as (keyof AssetCorrection)[]) {
    if (!same(next[key], before[key])) Object.assign(changed, { [key]: next[key] });
  }
  return changed;
}
