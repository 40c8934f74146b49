import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../http/errors.js';
import { zipBomb } from '../../../platform/files/zip.testkit.js';
import { encodeBig5 } from './big5.testkit.js';
import { cellText, parseDate, parseList, parseNumber, parseTerm } from './cells.js';
import { COLUMNS } from './columns.js';
import { parseCsv } from './csv.js';
import { decodeCsv } from './decode.js';
import { UnitDirectory, UserDirectory } from './directory.js';
import { findHeader, mapRow, matchHeader } from './mapping.js';
import { readImportFile } from './read-file.js';
import { ASSET_STATUS_TERMS, BOOLEAN_TERMS, PROTECTION_LEVEL_TERMS, termIndex } from './vocabulary.js';

describe('cells', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026/03/05 00:00', '2026-03-05'],
    ['115/3/5', '2026-03-05'],
    ['民國115年3月5日', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['２０２６／０３／０５', '2026-03-05'],
  ])('reads the date %s', (input, want) => {
    expect(parseDate(input)).toEqual({ ok: true, value: want });
  });

  it('reads Excel date cells and serial numbers', () => {
    expect(parseDate(new Date(Date.UTC(2026, 2, 5)))).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDate(46086)).toEqual({ ok: true, value: '2026-03-05' });
  });

  it.each(['2026-02-30', '2026-13-01', 'tomorrow', '3/5/2026', '2026-3', '0'])(
    'refuses the date %s',
    (input) => {
      expect(parseDate(input)).toMatchObject({ ok: false, code: 'bad_date' });
    },
  );

  it('reads numbers and refuses fractions where a whole number is needed', () => {
    expect(parseNumber('1,200.5')).toEqual({ ok: true, value: 1200.5 });
    expect(parseNumber(3)).toEqual({ ok: true, value: 3 });
    expect(parseNumber('2.5', { integer: true })).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseNumber('three')).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseNumber('１２')).toEqual({ ok: true, value: 12 });
  });

  it('reads enumerations by key or by either label, in any letter case and width', () => {
    const status = termIndex(ASSET_STATUS_TERMS);
    for (const v of ['使用中', 'In use', 'in_use', 'IN USE', ' in use '])
      expect(parseTerm(v, status, [])).toEqual({ ok: true, value: 'in_use' });
    expect(parseTerm('broken', status, ['planned'])).toMatchObject({ ok: false, code: 'bad_enum' });
    const level = termIndex(PROTECTION_LEVEL_TERMS);
    expect(['高', '中', '普'].map((v) => parseTerm(v, level, []))).toEqual([
      { ok: true, value: 'high' },
      { ok: true, value: 'medium' },
      { ok: true, value: 'normal' },
    ]);
    const yes = termIndex(BOOLEAN_TERMS);
    for (const v of ['是', 'Y', 'yes', 'TRUE', '1'])
      expect(parseTerm(v, yes, [])).toEqual({ ok: true, value: 'true' });
    for (const v of ['否', 'n', 'No', 'false', '0'])
      expect(parseTerm(v, yes, [])).toEqual({ ok: true, value: 'false' });
  });

  it('splits lists on semicolons (half or full width) and line breaks', () => {
    expect(parseList('a; b；c\nd\r\n\n;')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('removes exactly the apostrophe the exporter put before a formula, and nothing else', () => {
    expect(cellText(`'=HYPERLINK("http://x")`)).toBe('=HYPERLINK("http://x")');
    expect(cellText("'+886")).toBe('+886');
    expect(cellText("''=1")).toBe("''=1");
    expect(cellText("'quoted'")).toBe("'quoted'");
    expect(cellText('=1+1')).toBe('=1+1');
  });
});

describe('CSV', () => {
  it('keeps quoted commas, quotes and line breaks inside one row and numbers rows as Excel does', () => {
    const { rows } = parseCsv('名稱,類別\r\n"a, ""b""\nc",硬體\r\n\r\nx,y');
    expect(rows).toEqual([
      { row: 1, cells: ['名稱', '類別'] },
      { row: 2, cells: ['a, "b"\nc', '硬體'] },
      { row: 4, cells: ['x', 'y'] },
    ]);
  });

  it('takes tab- or semicolon-separated files', () => {
    expect(parseCsv('a\tb\n1\t2').rows[1]?.cells).toEqual(['1', '2']);
    expect(parseCsv('a;b\n1;2').rows[1]?.cells).toEqual(['1', '2']);
  });

  it('runs an unterminated quote to the end of the file', () => {
    expect(parseCsv('a,b\n"open,2\n3').rows[1]?.cells).toEqual(['open,2\n3']);
  });

  it('finds the header under title rows', () => {
    const { rows } = parseCsv('資產清冊\n\n名稱,類別,狀態\nx,硬體,使用中');
    const at = findHeader(rows);
    expect(rows[at]?.row).toBe(3);
    const map = matchHeader(rows[at] ?? { row: 0, cells: [] });
    expect(map.missing).toEqual([]);
  });
});

describe('encodings', () => {
  const text = '資產名稱,資產類別\n核心伺服器,硬體\n';

  it('reads UTF-8 with and without a byte-order mark, and UTF-16 with one', () => {
    expect(decodeCsv(Buffer.from(text), 'auto')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`), 'auto')).toEqual({ text, encoding: 'utf-8' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsv(le, 'auto')).toEqual({ text, encoding: 'utf-16le' });
  });

  it('recognises Big5 (what Excel in Taiwan saves as CSV)', () => {
    const big5 = encodeBig5(text);
    expect(decodeCsv(big5, 'auto')).toEqual({ text, encoding: 'big5' });
    expect(decodeCsv(big5, 'big5')).toEqual({ text, encoding: 'big5' });
  });

  it('refuses a forced encoding the bytes do not fit, and bytes that are neither', () => {
    expect(() => decodeCsv(encodeBig5(text), 'utf-8')).toThrow(
      expect.objectContaining({ code: 'import.wrong_encoding' }),
    );
    const garbage = Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0x80, 0x0a]);
    expect(() => decodeCsv(garbage, 'auto')).toThrow(
      expect.objectContaining({ code: 'import.unknown_encoding' }),
    );
  });
});

describe('XLSX archives', () => {
  it('refuses a workbook that would unpack to far more than it weighs, before reading it', async () => {
    const err = await readImportFile(zipBomb(8), { encoding: 'auto', format: 'xlsx' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect([err.statusCode, err.code, err.details?.reason]).toEqual([400, 'file.unsafe_archive', 'ratio']);
  });
});

describe('fuzz', () => {
  const isExpected = (err: unknown) =>
    err instanceof AppError && (err.code.startsWith('import.') || err.code === 'file.unsafe_archive');

  it('never fails on arbitrary bytes with anything but an import error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('auto', 'utf-8', 'big5') as fc.Arbitrary<'auto' | 'utf-8' | 'big5'>,
        async (bytes, encoding) => {
          try {
            await readImportFile(Buffer.from(bytes), { encoding, format: 'auto' });
          } catch (err) {
            if (!isExpected(err)) throw err;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never fails on CSV-like text built from its special characters', () => {
    const alphabet = fc.constantFrom('"', ',', '\n', '\r', ';', '\t', 'a', '名', ' ', "'", '=');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), (chars) => {
        const { rows } = parseCsv(chars.join(''));
        for (const r of rows) for (const c of r.cells) expect(typeof c).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('reads any cell value without throwing', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
    );
    const status = termIndex(ASSET_STATUS_TERMS);
    fc.assert(
      fc.property(cell, (c) => {
        for (const r of [
          parseDate(c),
          parseNumber(c),
          parseNumber(c, { integer: true }),
          parseTerm(c, status, []),
        ])
          expect(typeof r.ok).toBe('boolean');
        expect(Array.isArray(parseList(c))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('maps any row of any cells to fields or row errors, never an exception', () => {
    const x = {
      users: new UserDirectory([{ id: 'u1', username: 'alice', displayName: '王小明' }]),
      units: new UnitDirectory([{ id: 'n1', code: 'IT', name: '資訊室' }]),
      classifications: termIndex([{ key: 'public', en: 'Public', zh: '公開' }]),
      classificationKeys: ['public'],
    };
    const header = matchHeader({ row: 1, cells: COLUMNS.map((c) => c.zh) });
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', '是', '高', '硬體', 'alice', 'IT', '2026/2/29', '1e400', "'=1", '\u0000'),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: COLUMNS.length + 2 }), (cells) => {
        const mapped = mapRow({ row: 2, cells }, header, x);
        expect(mapped.fields !== null || mapped.issues.length > 0).toBe(true);
        for (const i of mapped.issues) expect(i).toMatchObject({ row: 2, code: expect.any(String) });
      }),
      { numRuns: 1000 },
    );
  });

  it('answers a corrupt XLSX with import.bad_file', async () => {
    const zipStart = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    await expect(readImportFile(zipStart, { encoding: 'auto', format: 'auto' })).rejects.toMatchObject({
      code: 'import.bad_file',
    });
  });
});
