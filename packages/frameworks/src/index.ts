// Compliance frameworks as data: the format, the loader and validation report, the shipped frameworks
// (in ../data, beside src and dist alike) and mappings, and obligation scheduling.
export * from './schedule.js';
export type * from './types.js';
