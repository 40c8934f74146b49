// Test helper: Node decodes Big5 but cannot encode it, so tests build the byte map from the decoder itself.

let map: Map<string, number[]> | null = null;

function reverseMap(): Map<string, number[]> {
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder('big5');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (const trail of [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]) {
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length >= 1 && !ch.includes('\uFFFD') && [...ch].length === 1 && !map.has(ch))
        map.set(ch, [lead, trail]);
    }
  }
  return map;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The Big5 bytes of a string (ASCII as is); throws on a character Big5 lacks. */
export function encodeBig5(text: string): Buffer {
  const bytes: number[] = [];
  const m = reverseMap();
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = m.get(ch);
    if (!pair) throw new Error(`no Big5 code for ${ch}`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}
