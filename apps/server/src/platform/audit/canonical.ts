import { createHash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Canonical JSON: object keys sorted by code point, no whitespace, undefined members dropped.
 * The same value always encodes to the same bytes, which is what the audit hash chain needs.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  if (value instanceof Date) return value.toISOString();
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('non-finite number cannot be encoded');
      return value;
    case 'bigint':
      return value.toString();
    case 'object': {
      const out: { [key: string]: Json } = {};
      for (const key of Object.keys(value as object).sort()) {
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined) out[key] = normalise(v);
      }
      return out;
    }
    default:
      throw new TypeError(`cannot encode ${typeof value}`);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  /** Canonical JSON text of the details object. */
  details: string;
  prevHash: string;
}

/** Hash of one audit entry: SHA-256 over the canonical encoding of every stored field plus the previous hash. */
export function entryHash(fields: ChainedFields): string {
  return sha256Hex(canonicalJson(fields));
}
