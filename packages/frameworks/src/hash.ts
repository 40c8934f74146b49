// The content hash of a definition: re-installing or re-importing the same content is recognised whatever
// the file's formatting, key order or language (YAML or JSON).
import { createHash } from 'node:crypto';
import type { FrameworkDefinition } from './types.js';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical JSON of a definition. */
export function definitionHash(def: FrameworkDefinition): string {
  return createHash('sha256').update(canonical(def)).digest('hex');
}
