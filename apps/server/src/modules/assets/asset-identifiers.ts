import type { AssetIdentifier, IdentifierKind } from '@vigil/contracts';

/** Outcome of normalising one identifier: the canonical value, or why it is not one. */
export type NormalisedIdentifier = { ok: true; value: string } | { ok: false; reason: string };

function ipv4(text: string): string | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    octets.push(n);
  }
  return octets.join('.');
}

function ipv6(text: string): string | null {
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  try {
    // The WHATWG URL parser serialises an IPv6 host in its canonical compressed, lower-case form (RFC 5952).
    const host = new URL(`http://[${text}]/`).hostname;
    return host.slice(1, -1);
  } catch {
    return null;
  }
}

function mac(text: string): string | null {
  const hex = text.replace(/[:\-.]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(hex)) return null;
  // Only the usual spellings: aa:bb:…, aa-bb-…, aabb.ccdd.eeff or twelve digits.
  if (
    !/^([0-9a-f]{2}([:-]|$)){6}$/i.test(text) &&
    !/^[0-9a-f]{4}(\.[0-9a-f]{4}){2}$/i.test(text) &&
    text.length !== 12
  )
    return null;
  return hex.match(/../g)!.join(':');
}

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

function hostname(text: string): string | null {
  let host = text.toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > 253) return null;
  if (!/^[\x21-\x7e]+$/.test(host)) {
    // An internationalised name is kept in its ASCII (punycode) form so two spellings compare equal.
    try {
      host = new URL(`http://${host}/`).hostname;
    } catch {
      return null;
    }
  }
  return host.split('.').every((l) => LABEL.test(l)) ? host : null;
}

function url(text: string): string | null {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Canonical form of an identifier value, so the same device spelt two ways is recognised as one. */
export function normaliseIdentifier(kind: IdentifierKind, raw: string): NormalisedIdentifier {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty' };
  let value: string | null;
  switch (kind) {
    case 'ip':
      value = ipv4(text) ?? ipv6(text);
      return value ? { ok: true, value } : { ok: false, reason: 'not an IPv4 or IPv6 address' };
    case 'mac':
      value = mac(text);
      return value ? { ok: true, value } : { ok: false, reason: 'not a MAC address' };
    case 'hostname':
      value = hostname(text);
      return value ? { ok: true, value } : { ok: false, reason: 'not a host name' };
    case 'url':
      value = url(text);
      return value ? { ok: true, value } : { ok: false, reason: 'not an http(s) URL' };
    case 'serial':
      return { ok: true, value: text.toUpperCase() };
    default:
      return { ok: true, value: text };
  }
}

/** The key under which an identifier is unique (kind + normalised value). */
export const identifierKey = (kind: string, value: string): string => `${kind}\u0000${value}`;

/** Normalises a list, dropping exact repeats; answers the first bad entry instead when there is one. */
export function normaliseIdentifiers(
  list: readonly AssetIdentifier[],
):
  | { ok: true; identifiers: AssetIdentifier[] }
  | { ok: false; index: number; kind: string; value: string; reason: string } {
  const out: AssetIdentifier[] = [];
  const seen = new Set<string>();
  for (const [index, id] of list.entries()) {
    const n = normaliseIdentifier(id.kind, id.value);
    if (!n.ok) return { ok: false, index, kind: id.kind, value: id.value, reason: n.reason };
    const key = identifierKey(id.kind, n.value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: id.kind, value: n.value });
  }
  return { ok: true, identifiers: out };
}
