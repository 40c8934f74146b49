import type { SniffedType } from './blob-store.js';
import { inspectZip, type ZipLimits } from './zip-inspect.js';

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

const ODT = 'application/vnd.oasis.opendocument.text';
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Whether the head of a file is a ZIP archive (whose contents decide its type). */
export function looksLikeZip(head: Buffer): boolean {
  return startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY);
}

/** The type told by the first bytes alone; `zip` means the archive must be opened to tell. */
export function sniffHead(head: Buffer): SniffedType | 'zip' | null {
  if (startsWith(head, PDF)) return 'application/pdf';
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (looksLikeZip(head)) return 'zip';
  return null;
}

/**
 * Tells ODT, DOCX and XLSX apart from other archives by their parts, after the archive passed the safety
 * checks (which throw `UnsafeArchive`). Macro-enabled Office files are plain `application/zip` here.
 */
export function sniffZip(buf: Buffer, limits?: ZipLimits): SniffedType {
  const { entries, kept } = inspectZip(buf, (n) => n === 'mimetype' || n === '[Content_Types].xml', limits);
  const mimetype = kept.get('mimetype')?.toString('latin1').trim();
  if (mimetype === ODT && entries.some((e) => e.name === 'content.xml')) return ODT;
  const types = kept.get('[Content_Types].xml')?.toString('utf8');
  if (types) {
    const has = (prefix: string) => entries.some((e) => e.name.startsWith(prefix));
    if (types.includes(DOCX_MAIN) && has('word/'))
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (types.includes(XLSX_MAIN) && has('xl/'))
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return 'application/zip';
}

/**
 * Incremental check that a stream is UTF-8 text: valid UTF-8 without NUL or other control characters
 * than tab, line feed, form feed and carriage return.
 */
export class TextDetector {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private ok = true;
  private seen = 0;

  push(chunk: Buffer): void {
    if (!this.ok) return;
    this.seen += chunk.length;
    try {
      this.ok = !hasControl(this.decoder.decode(chunk, { stream: true }));
    } catch {
      this.ok = false;
    }
  }

  /** True when everything pushed was text (and there was something). */
  finish(): boolean {
    if (!this.ok || this.seen === 0) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function startsWith(buf: Buffer, magic: Buffer): boolean {
  return buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic);
}
