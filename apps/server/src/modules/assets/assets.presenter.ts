import type {
  AssetIdentifier,
  AssetStatus,
  AssetSummary,
  AssetType,
  AssetView,
  InformationClass,
  ProtectionAnswers,
  ProtectionLevel,
} from '@vigil/contracts';
import type { AssetRow } from '@vigil/db';
import type { AssetNamedRow } from './assets.repository.js';

const userRef = (id: string | null, displayName: string | null, username: string | null) =>
  id && displayName !== null && username !== null ? { id, displayName, username } : null;

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function presentAsset(r: AssetNamedRow, identifiers: AssetIdentifier[]): AssetView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type as AssetType,
    identifiers,
    owner: userRef(r.owner_id, r.owner_display_name, r.owner_username),
    custodian: userRef(r.custodian_id, r.custodian_display_name, r.custodian_username),
    unit: r.unit_id && r.unit_name !== null ? { id: r.unit_id, name: r.unit_name } : null,
    location: r.location,
    description: r.description,
    status: r.status as AssetStatus,
    commissionedOn: r.commissioned_on,
    retiredOn: r.retired_on,
    disposedOn: r.disposed_on,
    vendor: r.vendor,
    endOfSupportOn: r.end_of_support_on,
    tags: JSON.parse(r.tags) as string[],
    confidentiality: num(r.confidentiality),
    integrity: num(r.integrity),
    availability: num(r.availability),
    legal: num(r.legal),
    value: num(r.value),
    classification: r.classification,
    coreSystem: r.core_system === 1,
    criticalInfrastructure: r.critical_infrastructure === 1,
    informationClass: r.information_class as InformationClass,
    protectionAnswers: r.protection_answers ? (JSON.parse(r.protection_answers) as ProtectionAnswers) : null,
    protectionLevel: r.protection_level as ProtectionLevel | null,
    mtpdHours: num(r.mtpd_hours),
    rtoHours: num(r.rto_hours),
    rpoHours: num(r.rpo_hours),
    personalData: r.personal_data === 1,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentSummary(
  r: Pick<AssetRow, 'id' | 'code' | 'name' | 'type' | 'status' | 'archived_at'>,
): AssetSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type as AssetType,
    status: r.status as AssetStatus,
    archived: r.archived_at !== null,
  };
}
