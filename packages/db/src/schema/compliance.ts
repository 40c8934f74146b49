// Tables of compliance. Placeholder until the slice lands.

export type ComplianceTables = {};
