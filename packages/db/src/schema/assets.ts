// Tables of the asset inventory (assets, identifiers, relations, confirmation campaigns, imports).
// biome-ignore lint/complexity/noBannedTypes: filled in by the assets module
export type AssetTables = {};
