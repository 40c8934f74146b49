// Tables of the asset inventory (assets, identifiers, relations, confirmation campaigns).
import type { Selectable } from 'kysely';

type Timestamp = string;
type Flag = number;

export interface AssetTable {
  id: string;
  /** 資產編號, unique. */
  code: string;
  name: string;
  type: string;
  owner_id: string | null;
  custodian_id: string | null;
  unit_id: string | null;
  location: string | null;
  description: string | null;
  status: string;
  /** Calendar dates, YYYY-MM-DD. */
  commissioned_on: string | null;
  retired_on: string | null;
  disposed_on: string | null;
  vendor: string | null;
  end_of_support_on: string | null;
  /** JSON array of strings. */
  tags: string;
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  legal: number | null;
  /** Derived from the ratings by the valuation rule; stored so the list can sort and filter on it. */
  value: number | null;
  classification: string | null;
  core_system: Flag;
  critical_infrastructure: Flag;
  information_class: string;
  /** JSON ProtectionAnswers or null. */
  protection_answers: string | null;
  /** Derived: the highest Schedule 9 answer. */
  protection_level: string | null;
  mtpd_hours: number | null;
  rto_hours: number | null;
  rpo_hours: number | null;
  personal_data: Flag;
  /** Lower-case code, name, identifier values and tags, for the list's free-text search. */
  search_text: string;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssetIdentifierTable {
  asset_id: string;
  position: number;
  kind: string;
  /** Normalised (canonical IP, lower-case colon MAC, lower-case hostname). */
  value: string;
}

export interface AssetRelationTable {
  id: string;
  from_asset_id: string;
  to_asset_id: string;
  /** 'contains' | 'depends_on' */
  kind: string;
  created_at: Timestamp;
}

export interface AssetCodeCounterTable {
  prefix: string;
  last: number;
}

export interface AssetCampaignTable {
  id: string;
  title: string;
  deadline: string;
  note: string | null;
  /** JSON array of unit ids; empty = all units. */
  unit_ids: string;
  /** 'open' | 'closed' */
  status: string;
  unowned: number;
  /** JSON CampaignProgress frozen at closing. */
  final_counts: string | null;
  created_at: Timestamp;
  created_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

export interface AssetCampaignItemTable {
  id: string;
  campaign_id: string;
  asset_id: string;
  /** Snapshot at opening, so the record stays readable. */
  asset_code: string;
  asset_name: string;
  asset_type: string;
  owner_id: string | null;
  unit_id: string | null;
  /** 'pending' | 'confirmed' | 'corrected' */
  status: string;
  confirmed_at: Timestamp | null;
  confirmed_by: string | null;
  note: string | null;
  /** JSON: field → [before, after]. */
  changes: string;
}

export type AssetTables = {
  assets: AssetTable;
  asset_identifiers: AssetIdentifierTable;
  asset_relations: AssetRelationTable;
  asset_code_counters: AssetCodeCounterTable;
  asset_campaigns: AssetCampaignTable;
  asset_campaign_items: AssetCampaignItemTable;
};

export type AssetRow = Selectable<AssetTable>;
export type AssetRelationRow = Selectable<AssetRelationTable>;
export type AssetCampaignRow = Selectable<AssetCampaignTable>;
export type AssetCampaignItemRow = Selectable<AssetCampaignItemTable>;
