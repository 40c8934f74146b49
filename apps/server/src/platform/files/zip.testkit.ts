import { deflateRawSync } from 'node:zlib';

export interface TestEntry {
  name: string;
  data: Buffer | string;
  /** Stored (0) or deflated (8, default). */
  method?: 0 | 8;
  /** Overrides the uncompressed size written in the headers (to build archives that lie). */
  claimedSize?: number;
}

/** Builds a ZIP archive byte by byte, so tests can craft what no well-behaved zip tool would write. */
export function buildZip(entries: TestEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const size = e.claimedSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CT = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/main" ContentType="${main}"/></Types>`;

/** A minimal DOCX as far as content sniffing is concerned. */
export function minimalDocx(text = 'hello'): Buffer {
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: CT('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
    },
    { name: '_rels/.rels', data: '<Relationships/>' },
    {
      name: 'word/document.xml',
      data: `<w:document><w:body><w:p><w:t>${text}</w:t></w:p></w:body></w:document>`,
    },
  ]);
}

export function minimalXlsx(): Buffer {
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: CT('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
    },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
  ]);
}

export function minimalOdt(): Buffer {
  return buildZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 0 },
    { name: 'content.xml', data: '<office:document-content/>' },
    { name: 'META-INF/manifest.xml', data: '<manifest/>' },
  ]);
}

/** A DOCX-looking archive whose one part expands a thousandfold. */
export function zipBomb(megabytes = 8): Buffer {
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: CT('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
    },
    { name: 'word/document.xml', data: Buffer.alloc(megabytes * 1024 * 1024, 0x41) },
  ]);
}

export const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
