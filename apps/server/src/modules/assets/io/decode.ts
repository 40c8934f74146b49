// Turning the bytes of a CSV file into text: byte-order mark, then strict UTF-8, then Big5 (CP950).
import { AppError } from '../../../http/errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5';
export type EncodingChoice = 'auto' | 'utf-8' | 'big5';

/** Big5 pair → text, built once from the runtime's decoder, one pair at a time ('' = no character). */
let big5Table: string[] | null = null;
const BIG5_TRAILS = 157;
const trailIndex = (b: number) =>
  b >= 0x40 && b <= 0x7e ? b - 0x40 : b >= 0xa1 && b <= 0xfe ? b - 0xa1 + 63 : -1;

function big5Pairs(): string[] {
  if (big5Table) return big5Table;
  const decoder = new TextDecoder('big5');
  const table: string[] = new Array((0xfe - 0x81 + 1) * BIG5_TRAILS).fill('');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const t = trailIndex(trail);
      if (t < 0) continue;
      const text = decoder.decode(Uint8Array.from([lead, trail]));
      if (text && !text.includes('\uFFFD')) table[(lead - 0x81) * BIG5_TRAILS + t] = text;
    }
  big5Table = table;
  return table;
}

/**
 * Strict Big5 (the WHATWG table, a superset of CP950). The runtime's decoder silently drops some unmapped
 * bytes even when asked to be fatal, so pairs are looked up one by one and any gap fails the whole file.
 */
const ASCII = new TextDecoder('utf-8');

function strictBig5(bytes: Uint8Array): string | null {
  const table = big5Pairs();
  const parts: string[] = [];
  let ascii = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    if (i > ascii) parts.push(ASCII.decode(bytes.subarray(ascii, i)));
    const t = trailIndex(bytes[i + 1] ?? 0);
    if (b < 0x81 || b > 0xfe || t < 0) return null;
    const text = table[(b - 0x81) * BIG5_TRAILS + t];
    if (!text) return null;
    parts.push(text);
    i++;
    ascii = i + 1;
  }
  if (ascii < bytes.length) parts.push(ASCII.decode(bytes.subarray(ascii)));
  const text = parts.join('');
  return text.includes('\u0000') ? null : text;
}

/** Decodes strictly: a byte sequence the encoding does not define fails instead of becoming U+FFFD. */
function strict(bytes: Uint8Array, encoding: TextEncoding): string | null {
  if (encoding === 'big5') return strictBig5(bytes);
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    // NUL never appears in a real CSV; it means UTF-16 without a byte-order mark or a binary file.
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * The file's text and the encoding it was read in. `auto` trusts a byte-order mark, else tries UTF-8,
 * then Big5 (what Excel in Taiwan writes for "CSV"); when neither reads cleanly the user must choose.
 */
export function decodeCsv(
  bytes: Uint8Array,
  choice: EncodingChoice,
): { text: string; encoding: TextEncoding } {
  const utf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (choice === 'big5') {
    const text = strict(bytes, 'big5');
    if (text === null) throw wrongEncoding('big5');
    return { text, encoding: 'big5' };
  }
  if (choice === 'utf-8' || utf8Bom) {
    const text = strict(utf8Bom ? bytes.subarray(3) : bytes, 'utf-8');
    if (text === null) throw wrongEncoding('utf-8');
    return { text, encoding: 'utf-8' };
  }
  for (const [bom, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (startsWith(bytes, [...bom])) {
      const text = strict(bytes.subarray(2), encoding);
      if (text === null) throw wrongEncoding(encoding);
      return { text, encoding };
    }
  }
  for (const encoding of ['utf-8', 'big5'] as const) {
    const text = strict(bytes, encoding);
    if (text !== null) return { text, encoding };
  }
  throw new AppError(
    400,
    'import.unknown_encoding',
    'the file is neither UTF-8 nor Big5; choose its encoding, or save it from Excel as "CSV UTF-8"',
    { tried: ['utf-8', 'big5'] },
  );
}

function wrongEncoding(encoding: TextEncoding): AppError {
  return new AppError(
    400,
    'import.wrong_encoding',
    `the file is not valid ${encoding}; choose another encoding`,
    {
      encoding,
    },
  );
}
