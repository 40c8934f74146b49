// Compliance frameworks as data: the format, the loader and validation report, the shipped frameworks
// and mappings, and obligation scheduling.
export type * from './types.js';
