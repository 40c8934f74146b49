import { inflateRawSync } from 'node:zlib';

/** Limits that keep an archive's expansion bounded; anything beyond them is refused, not trimmed. */
export interface ZipLimits {
  /** Total uncompressed bytes of all entries. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Uncompressed ÷ compressed for one entry, checked once an entry expands beyond `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 128 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  encrypted: boolean;
}

/** Why an archive was refused; `reason` is stable and reaches the client in the error details. */
export class UnsafeArchive extends Error {
  constructor(
    readonly reason:
      | 'malformed'
      | 'too_many_entries'
      | 'too_large'
      | 'ratio'
      | 'path'
      | 'encrypted'
      | 'method'
      | 'size_mismatch',
    readonly entry?: string,
  ) {
    super(entry ? `${reason}: ${entry}` : reason);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Whether an entry name could escape the folder it is unpacked into (or is otherwise not a plain path). */
export function unsafeEntryName(name: string): boolean {
  if (name.length === 0) return true;
  if (name.includes('\\') || name.includes('\u0000')) return true;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true;
  return name.split('/').some((part) => part === '..');
}

/** Reads the central directory, refusing path traversal and anything beyond the entry limit. */
export function readCentralDirectory(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const eocd = findEocd(buf);
  if (eocd < 0) throw new UnsafeArchive('malformed');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new UnsafeArchive('too_large'); // ZIP64
  if (count > limits.maxEntries) throw new UnsafeArchive('too_many_entries');
  if (offset + size > eocd) throw new UnsafeArchive('malformed');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new UnsafeArchive('malformed');
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) throw new UnsafeArchive('malformed');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    const entry: ZipEntry = {
      name,
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      encrypted: (flags & 1) === 1,
    };
    if (unsafeEntryName(name)) throw new UnsafeArchive('path', name);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The bytes of one entry, inflated with a hard output cap (a lying size header cannot make it expand further). */
export function entryBytes(buf: Buffer, entry: ZipEntry, cap: number): Buffer {
  if (entry.encrypted) throw new UnsafeArchive('encrypted', entry.name);
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new UnsafeArchive('malformed', entry.name);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new UnsafeArchive('malformed', entry.name);
  const raw = buf.subarray(start, end);
  if (entry.method === 0) {
    if (raw.length > cap) throw new UnsafeArchive('too_large', entry.name);
    return raw;
  }
  if (entry.method !== 8) throw new UnsafeArchive('method', entry.name);
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, cap) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new UnsafeArchive('too_large', entry.name);
    throw new UnsafeArchive('malformed', entry.name);
  }
}

/**
 * Checks a whole archive: safe names, entry count, and — by actually inflating every entry under a shared
 * budget — the real total size and each entry's compression ratio, so headers that understate sizes are caught.
 * Returns the entries with the contents of the ones `keep` asks for.
 */
export function inspectZip(
  buf: Buffer,
  keep: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { entries: ZipEntry[]; kept: Map<string, Buffer> } {
  const entries = readCentralDirectory(buf, limits);
  const kept = new Map<string, Buffer>();
  let budget = limits.maxTotalBytes;
  for (const entry of entries) {
    if (entry.uncompressedSize > budget) throw new UnsafeArchive('too_large', entry.name);
    if (entry.name.endsWith('/') && entry.compressedSize === 0) continue;
    const bytes = entryBytes(buf, entry, Math.min(budget, entry.uncompressedSize + 1));
    if (bytes.length !== entry.uncompressedSize) throw new UnsafeArchive('size_mismatch', entry.name);
    if (
      bytes.length > limits.ratioFloorBytes &&
      bytes.length / Math.max(1, entry.compressedSize) > limits.maxRatio
    )
      throw new UnsafeArchive('ratio', entry.name);
    budget -= bytes.length;
    if (keep(entry.name)) kept.set(entry.name, Buffer.from(bytes));
  }
  return { entries, kept };
}
