// Tables of files. Placeholder until the slice lands.

export type FilesTables = {};
