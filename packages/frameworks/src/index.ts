// Compliance frameworks as data: the format, the loader and validation report, the shipped frameworks
// (in ../data, beside src and dist alike) and mappings, and obligation scheduling.
export * from './format.js';
export * from './hash.js';
export * from './loader.js';
export * from './schedule.js';
export * from './shipped.js';
export { MAX_FILE_BYTES, pathText } from './source-file.js';
export type * from './types.js';
export { structureProblems } from './validate.js';
