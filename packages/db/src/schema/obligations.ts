// Tables of obligations. Placeholder until the slice lands.

export type ObligationsTables = {};
