// The one embedded typeface: Noto Sans TC Regular (covers Traditional Chinese and Latin). pdfkit embeds
// only the glyphs a document uses, so the 7 MB file becomes a few tens of kilobytes in each PDF.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FONT_MODULE = '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf';

let cached: Buffer | undefined;

/** The font file's bytes, read once; resolved through Node so it works from src and from dist. */
export function notoSansTc(): Buffer {
  cached ??= readFileSync(createRequire(import.meta.url).resolve(FONT_MODULE));
  return cached;
}

/** Font names for Word: one name per slot, so the one every Windows/Office install in Taiwan has. */
export const DOCX_FONT = 'Microsoft JhengHei';
