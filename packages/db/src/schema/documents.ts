// Tables of documents. Placeholder until the slice lands.

export type DocumentsTables = {};
