// The name an uploaded file is kept and offered under. The name is the uploader's word, so nothing in it may
// reach outside the store, hide what the file is (right-to-left overrides, control characters) or make a
// download something the bytes are not (a text file saved as `.hta` or `.bat` runs when double-clicked).
import type { SniffedType } from './blob-store.js';

/** Longest kept name, in characters (the extension is kept when a longer name is shortened). */
export const MAX_FILE_NAME_CHARS = 200;

/** Extensions that fit each type judged from the bytes; the first is added when the name has none of them. */
const EXTENSIONS: Record<SniffedType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  // Macro-enabled Office files and Java archives are plain ZIP archives here; they leave as `.zip`.
  'application/zip': ['zip'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  // Text that a browser or a desktop would run or render (html, svg, js, bat, ps1…) leaves as `.txt`.
  'text/plain': ['txt', 'log', 'csv', 'tsv', 'md', 'json', 'yaml', 'yml'],
  'application/octet-stream': ['bin'],
};

// Unpaired UTF-16 surrogates (they make encodeURIComponent throw), controls, format characters (bidi
// overrides and isolates, zero-width characters, the BOM) and line/paragraph separators.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Characters Windows refuses in a name; a browser would replace them anyway.
const RESERVED = /[<>:"|?*]/g;
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The last path segment of `name` without anything that could mislead: no traversal, controls, bidi or
 * zero-width characters, reserved characters, leading dots or device names; at most 200 characters.
 * With `type`, an extension that does not fit the content is followed by one that does (`a.html` as text
 * becomes `a.html.txt`). Empty when nothing usable is left.
 */
export function safeFileName(name: string, type?: SniffedType): string {
  const base = name.replace(LONE_SURROGATE, '').split(/[\\/]/).pop() ?? '';
  let clean = base
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (!clean) return '';
  if (DEVICE.test(clean)) clean = `_${clean}`;
  let suffix = '';
  if (type) {
    const fits = EXTENSIONS[type];
    if (!fits.includes(extensionOf(clean))) suffix = `.${fits[0]}`;
  }
  const chars = Array.from(clean);
  const room = MAX_FILE_NAME_CHARS - suffix.length;
  if (chars.length > room) {
    const dot = clean.lastIndexOf('.');
    const ext = !suffix && dot > 0 ? Array.from(clean.slice(dot)) : [];
    const kept = ext.length <= 16 ? ext : [];
    clean = chars.slice(0, room - kept.length).join('') + kept.join('');
  }
  return clean + suffix;
}
