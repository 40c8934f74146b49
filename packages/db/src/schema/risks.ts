// Tables of risk management (methodology versions, catalogues, assessments, scenarios, treatment).
// biome-ignore lint/complexity/noBannedTypes: filled in by the risks module
export type RiskTables = {};
