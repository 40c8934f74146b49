import { z } from 'zod';
import { id, MAX_TEXT, page } from './common.js';

/** What kind of thing an asset is (資產類別). */
export const ASSET_TYPES = [
  'information',
  'software',
  'hardware',
  'information_system',
  'service',
  'network_device',
  'cloud_service',
  'mobile_device',
  'iot_device',
  'people',
  'site',
] as const;
export const assetType = z.enum(ASSET_TYPES);
export type AssetType = z.infer<typeof assetType>;

export const ASSET_STATUSES = ['planned', 'in_use', 'retired', 'disposed'] as const;
export const assetStatus = z.enum(ASSET_STATUSES);
export type AssetStatus = z.infer<typeof assetStatus>;

/**
 * Identifier kinds. hostname, ip, mac and serial are unique among assets that are not disposed or archived
 * (a second asset with the same MAC is a data error); url and other may repeat.
 */
export const IDENTIFIER_KINDS = ['hostname', 'ip', 'mac', 'url', 'serial', 'other'] as const;
export const identifierKind = z.enum(IDENTIFIER_KINDS);
export type IdentifierKind = z.infer<typeof identifierKind>;
export const UNIQUE_IDENTIFIER_KINDS: readonly IdentifierKind[] = ['hostname', 'ip', 'mac', 'serial'];

export const assetIdentifier = z.strictObject({
  kind: identifierKind,
  value: z.string().trim().min(1).max(500),
});
export type AssetIdentifier = z.infer<typeof assetIdentifier>;

/** Information class under the Act (see TAIWAN.md): drives the suggested incident level. */
export const INFORMATION_CLASSES = ['non_core', 'core', 'sensitive', 'national_secret'] as const;
export const informationClass = z.enum(INFORMATION_CLASSES);
export type InformationClass = z.infer<typeof informationClass>;

/** System protection level (防護需求等級) 普 / 中 / 高. */
export const PROTECTION_LEVELS = ['normal', 'medium', 'high'] as const;
export const protectionLevel = z.enum(PROTECTION_LEVELS);
export type ProtectionLevel = z.infer<typeof protectionLevel>;

/**
 * The Schedule 9 (附表九) questions: for each dimension, how bad would a failure be for the organisation's
 * operations, assets, reputation or legal standing — limited (普), serious (中), very serious or
 * catastrophic (高). The system's protection level is the highest answer.
 */
export const protectionAnswers = z.strictObject({
  confidentiality: protectionLevel,
  integrity: protectionLevel,
  availability: protectionLevel,
  legal: protectionLevel,
});
export type ProtectionAnswers = z.infer<typeof protectionAnswers>;

const dateOnly = z.iso.date();
const rating = z.number().int().min(0).max(10);
const hours = z.number().min(0).max(100_000);

/** Fields a person writes. Ratings are checked against the organisation's valuation scale by the server. */
export const assetFields = z.strictObject({
  /** 資產編號; generated (e.g. HW-0001) when left out on create. Unique. */
  code: z.string().trim().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(200),
  type: assetType,
  identifiers: z.array(assetIdentifier).max(100).optional(),
  ownerId: id.nullable().optional(),
  custodianId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  location: z.string().trim().max(500).nullable().optional(),
  description: z.string().trim().max(MAX_TEXT).nullable().optional(),
  status: assetStatus.optional(),
  commissionedOn: dateOnly.nullable().optional(),
  retiredOn: dateOnly.nullable().optional(),
  disposedOn: dateOnly.nullable().optional(),
  vendor: z.string().trim().max(200).nullable().optional(),
  endOfSupportOn: dateOnly.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  confidentiality: rating.nullable().optional(),
  integrity: rating.nullable().optional(),
  availability: rating.nullable().optional(),
  /** Only when the organisation turned the legal/compliance rating on. */
  legal: rating.nullable().optional(),
  /** A key from the organisation's classification list (default public/restricted/sensitive/secret). */
  classification: z.string().trim().min(1).max(50).nullable().optional(),
  coreSystem: z.boolean().optional(),
  criticalInfrastructure: z.boolean().optional(),
  informationClass: informationClass.optional(),
  /** Schedule 9 answers; the protection level is derived from them. Information systems only. */
  protectionAnswers: protectionAnswers.nullable().optional(),
  mtpdHours: hours.nullable().optional(),
  rtoHours: hours.nullable().optional(),
  rpoHours: hours.nullable().optional(),
  personalData: z.boolean().optional(),
});
/**
 * Create: name and type are required; anything left out takes its default (status in_use, no ratings,
 * informationClass non_core, flags false, empty lists).
 */
export const createAssetRequest = assetFields;
export type CreateAssetRequest = z.infer<typeof createAssetRequest>;
/** PATCH: any subset; a field left out is unchanged, null clears it. */
export const updateAssetRequest = assetFields.partial();
export type UpdateAssetRequest = z.infer<typeof updateAssetRequest>;

const userRef = z.object({ id: z.string(), displayName: z.string(), username: z.string() }).nullable();
const unitRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const assetResponse = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: assetType,
  identifiers: z.array(z.object({ kind: identifierKind, value: z.string() })),
  owner: userRef,
  custodian: userRef,
  unit: unitRef,
  location: z.string().nullable(),
  description: z.string().nullable(),
  status: assetStatus,
  commissionedOn: z.string().nullable(),
  retiredOn: z.string().nullable(),
  disposedOn: z.string().nullable(),
  vendor: z.string().nullable(),
  endOfSupportOn: z.string().nullable(),
  tags: z.array(z.string()),
  confidentiality: z.number().nullable(),
  integrity: z.number().nullable(),
  availability: z.number().nullable(),
  legal: z.number().nullable(),
  /** Computed from the ratings by the organisation's rule (max or sum); null until rated. */
  value: z.number().nullable(),
  classification: z.string().nullable(),
  coreSystem: z.boolean(),
  criticalInfrastructure: z.boolean(),
  informationClass: informationClass,
  protectionAnswers: protectionAnswers.nullable(),
  /** Highest Schedule 9 answer; null when not answered. */
  protectionLevel: protectionLevel.nullable(),
  mtpdHours: z.number().nullable(),
  rtoHours: z.number().nullable(),
  rpoHours: z.number().nullable(),
  personalData: z.boolean(),
  /** Set when the asset was deleted while other records still referred to it. */
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssetView = z.infer<typeof assetResponse>;

export const ASSET_SORTS = ['code', 'name', 'type', 'status', 'value', 'updatedAt'] as const;

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const assetListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  /** Matches code, name, identifier values and tags (case-insensitive substring). */
  q: z.string().trim().max(200).optional(),
  type: assetType.optional(),
  status: assetStatus.optional(),
  unitId: id.optional(),
  ownerId: id.optional(),
  classification: z.string().max(50).optional(),
  protectionLevel: protectionLevel.optional(),
  coreSystem: boolQuery.optional(),
  personalData: boolQuery.optional(),
  tag: z.string().max(50).optional(),
  /** Only assets the caller owns or keeps (the asset-owner view). */
  mine: boolQuery.optional(),
  includeArchived: boolQuery.optional(),
  sort: z.enum(ASSET_SORTS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type AssetListQuery = z.infer<typeof assetListQuery>;
export const assetList = page(assetResponse);

/** How assets are valued: the organisation's scale, value rule and classification list. */
export const classificationLevel = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,49}$/, 'lower-case letters, digits and _'),
  en: z.string().trim().min(1).max(100),
  zh: z.string().trim().min(1).max(100),
});
export const assetValuationSettings = z.strictObject({
  /** Ratings run from 1 to scaleMax (default 3). */
  scaleMax: z.number().int().min(2).max(10),
  /** Whether the legal/compliance rating is asked and counted. */
  legalRating: z.boolean(),
  /** Asset value = the highest rating, or their sum. */
  valueRule: z.enum(['max', 'sum']),
  /** Lowest to highest. */
  classifications: z.array(classificationLevel).min(1).max(10),
});
export type AssetValuationSettings = z.infer<typeof assetValuationSettings>;

export const DEFAULT_ASSET_VALUATION: AssetValuationSettings = {
  scaleMax: 3,
  legalRating: false,
  valueRule: 'max',
  classifications: [
    { key: 'public', en: 'Public', zh: '公開' },
    { key: 'restricted', en: 'Restricted', zh: '限閱' },
    { key: 'sensitive', en: 'Sensitive', zh: '敏感' },
    { key: 'secret', en: 'Secret', zh: '機密' },
  ],
};

/** Relations between assets: an information system contains or depends on other assets. */
export const ASSET_RELATION_KINDS = ['contains', 'depends_on'] as const;
export const assetRelationKind = z.enum(ASSET_RELATION_KINDS);
export const createAssetRelationRequest = z.strictObject({
  toAssetId: id,
  kind: assetRelationKind,
});
export const assetSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: assetType,
  status: assetStatus,
  archived: z.boolean(),
});
export type AssetSummary = z.infer<typeof assetSummary>;
export const assetRelationResponse = z.object({
  id: z.string(),
  kind: assetRelationKind,
  from: assetSummary,
  to: assetSummary,
});
/** Both directions around one asset, and the graph reachable from it (for the drawing). */
export const assetRelationsResponse = z.object({
  outgoing: z.array(assetRelationResponse),
  incoming: z.array(assetRelationResponse),
  graph: z.object({
    nodes: z.array(assetSummary),
    edges: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), kind: assetRelationKind })),
    /** True when the graph was cut at the depth or size limit. */
    truncated: z.boolean(),
  }),
});

/** field → [before, after]. */
export const fieldChanges = z.record(z.string(), z.array(z.unknown()));

/** One change to an asset, from the audit trail. */
export const assetHistoryEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  /**
   * field → [before, after] (always two elements; an array rather than a tuple because the response
   * serialiser cannot write tuples of arbitrary values).
   */
  changes: fieldChanges,
});
export const assetHistoryResponse = z.object({ items: z.array(assetHistoryEntry) });

/** GET/PUT /api/assets/valuation-settings: the whole settings object is replaced on PUT. */
export const assetValuationSettingsResponse = assetValuationSettings;
export const updateAssetValuationSettingsRequest = assetValuationSettings;
/**
 * Details of `asset.settings_in_use` (409): how many assets hold a rating above the new scale, and how many
 * assets use each classification the change would remove.
 */
export const assetSettingsInUseDetails = z.object({
  ratingsOutOfRange: z.number().int(),
  classificationsInUse: z.record(z.string(), z.number().int()),
});

/** Route parameters for one relation of one asset: DELETE /api/assets/:id/relations/:relationId. */
export const assetRelationParams = z.strictObject({ id, relationId: id });

/**
 * DELETE /api/assets/:id answers what happened: `deleted` when nothing referred to the asset, `archived` when
 * other records (risks, campaign records…) still do; `references` counts them per kind of record.
 * POST /api/assets/:id/restore brings an archived asset back (answers the asset).
 */
export const deleteAssetResponse = z.object({
  outcome: z.enum(['deleted', 'archived']),
  references: z.record(z.string(), z.number().int()),
});
export type DeleteAssetResponse = z.infer<typeof deleteAssetResponse>;

// ---------------------------------------------------------------------------------------------------------
// Inventory confirmation campaigns (資產盤點確認, P2.1.1)

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export const campaignStatus = z.enum(CAMPAIGN_STATUSES);
export const CAMPAIGN_ITEM_STATUSES = ['pending', 'confirmed', 'corrected'] as const;
export const campaignItemStatus = z.enum(CAMPAIGN_ITEM_STATUSES);
export type CampaignItemStatus = z.infer<typeof campaignItemStatus>;

/** POST /api/assets/campaigns (assets.campaigns). unitIds empty = every unit (and assets without a unit). */
export const createAssetCampaignRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** Last day owners have (inclusive, in the organisation's time zone). */
  deadline: dateOnly,
  unitIds: z.array(id).max(500).default([]),
  note: z.string().trim().max(MAX_TEXT).nullable().optional(),
});
export type CreateAssetCampaignRequest = z.infer<typeof createAssetCampaignRequest>;

/** Counts of a campaign's items; overdue = still pending after the deadline. */
export const campaignProgress = z.object({
  total: z.number().int(),
  confirmed: z.number().int(),
  corrected: z.number().int(),
  pending: z.number().int(),
  overdue: z.number().int(),
});
export type CampaignProgress = z.infer<typeof campaignProgress>;

export const assetCampaignSummary = z.object({
  id: z.string(),
  title: z.string(),
  deadline: z.string(),
  note: z.string().nullable(),
  status: campaignStatus,
  /** The units in scope; empty = all units. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
  createdBy: userRef,
  closedAt: z.string().nullable(),
  closedBy: userRef,
  /** In-scope assets left out because they have no owner (at opening). */
  unowned: z.number().int(),
  progress: campaignProgress,
});
export type AssetCampaignSummary = z.infer<typeof assetCampaignSummary>;
/** GET /api/assets/campaigns/:id — the summary plus progress per unit (unit null = assets without a unit). */
export const assetCampaignResponse = assetCampaignSummary.extend({
  byUnit: z.array(campaignProgress.extend({ unit: unitRef })),
});
export type AssetCampaignView = z.infer<typeof assetCampaignResponse>;
/** GET /api/assets/campaigns (newest first). */
export const assetCampaignList = page(assetCampaignSummary);
export const assetCampaignListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  status: campaignStatus.optional(),
});

/**
 * One asset in a campaign. The code and name are the snapshot taken when the campaign opened, so a closed
 * campaign stays a readable record even if the asset later changes or is archived.
 */
export const assetCampaignItem = z.object({
  id: z.string(),
  campaignId: z.string(),
  asset: assetSummary,
  owner: userRef,
  unit: unitRef,
  status: campaignItemStatus,
  confirmedAt: z.string().nullable(),
  confirmedBy: userRef,
  note: z.string().nullable(),
  /** field → [before, after] of the correction; empty when confirmed unchanged. */
  changes: fieldChanges,
});
export type AssetCampaignItemView = z.infer<typeof assetCampaignItem>;
/** GET /api/assets/campaigns/:id/items (filters: status, unitId, ownerId). */
export const assetCampaignItemList = page(assetCampaignItem);
export const assetCampaignItemsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  status: campaignItemStatus.optional(),
  unitId: id.optional(),
  ownerId: id.optional(),
});
export const assetCampaignItemParams = z.strictObject({ id, itemId: id });

/**
 * GET /api/assets/campaigns/mine (assets.confirm): the caller's pending items in open campaigns, each with the
 * asset as it is now (so the owner can check and correct it).
 */
export const myCampaignItem = z.object({
  id: z.string(),
  status: campaignItemStatus,
  campaign: z.object({ id: z.string(), title: z.string(), deadline: z.string(), overdue: z.boolean() }),
  asset: assetResponse,
});
export const myCampaignItemList = z.object({ items: z.array(myCampaignItem) });

/** The fields an owner may correct while confirming. */
export const assetCorrection = assetFields
  .pick({
    name: true,
    location: true,
    description: true,
    custodianId: true,
    identifiers: true,
    status: true,
    vendor: true,
    endOfSupportOn: true,
    tags: true,
    confidentiality: true,
    integrity: true,
    availability: true,
    legal: true,
    classification: true,
    personalData: true,
  })
  .partial();
export type AssetCorrection = z.infer<typeof assetCorrection>;
/**
 * POST /api/assets/campaigns/:id/items/:itemId/confirm (the asset's owner, assets.confirm). Without corrections
 * (or with corrections that change nothing) the item is `confirmed`; otherwise the corrections are applied as
 * an audited asset update and the item is `corrected`. Answers the item.
 * POST /api/assets/campaigns/:id/close (assets.campaigns) freezes the campaign and answers it.
 */
export const confirmCampaignItemRequest = z.strictObject({
  corrections: assetCorrection.optional(),
  note: z.string().trim().max(MAX_TEXT).nullable().optional(),
});
export type ConfirmCampaignItemRequest = z.infer<typeof confirmCampaignItemRequest>;

/*
 * Route map (all under /api/assets):
 *   GET    /                         assetListQuery → assetList            assets.read | assets.confirm (mine only)
 *   POST   /                         createAssetRequest → assetResponse     assets.manage (201)
 *   GET    /:id                      → assetResponse                        assets.read | assets.confirm (own only)
 *   PATCH  /:id                      updateAssetRequest → assetResponse     assets.manage
 *   DELETE /:id                      → deleteAssetResponse                  assets.manage
 *   POST   /:id/restore              → assetResponse                        assets.manage
 *   GET    /:id/history              → assetHistoryResponse                 assets.read | assets.confirm (own only)
 *   GET    /:id/relations            → assetRelationsResponse               assets.read | assets.confirm (own only)
 *   POST   /:id/relations            createAssetRelationRequest → assetRelationResponse (201)  assets.manage
 *   DELETE /:id/relations/:relationId → ok                                  assets.manage
 *   GET    /valuation-settings       → assetValuationSettingsResponse       authenticated readers of assets
 *   PUT    /valuation-settings       updateAssetValuationSettingsRequest → assetValuationSettingsResponse  assets.manage
 *   GET    /campaigns                assetCampaignListQuery → assetCampaignList        assets.read | assets.campaigns
 *   POST   /campaigns                createAssetCampaignRequest → assetCampaignResponse (201)  assets.campaigns
 *   GET    /campaigns/mine           → myCampaignItemList                   assets.confirm
 *   GET    /campaigns/:id            → assetCampaignResponse                assets.read | assets.campaigns
 *   GET    /campaigns/:id/items      assetCampaignItemsQuery → assetCampaignItemList   assets.read | assets.campaigns
 *   POST   /campaigns/:id/items/:itemId/confirm  confirmCampaignItemRequest → assetCampaignItem  assets.confirm (owner)
 *   POST   /campaigns/:id/close      → assetCampaignResponse                assets.campaigns
 */
