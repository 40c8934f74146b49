import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, renderCsv } from './csv.js';

/** Test-only RFC 4180 reader: fields separated by commas, records by CRLF, quotes doubled inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (ch === '\r' || ch === '\n' || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || record.length > 0) throw new Error('last record lacks CRLF');
  return records;
}

function decode(buf: Buffer): string {
  expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return buf.subarray(3).toString('utf8');
}

describe('renderCsv', () => {
  it('writes a UTF-8 BOM, CRLF line ends and Chinese text as is', () => {
    const text = decode(renderCsv(['資產編號', '名稱'], [['AST-1', '核心資通系統']]));
    expect(text).toBe('資產編號,名稱\r\nAST-1,核心資通系統\r\n');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const text = decode(renderCsv(['a'], [['x,y'], ['say "hi"'], ['line1\nline2'], ['cr\rhere']]));
    expect(text).toBe('a\r\n"x,y"\r\n"say ""hi"""\r\n"line1\nline2"\r\n"cr\rhere"\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula, but leaves numbers alone', () => {
    const text = decode(
      renderCsv(
        ['v'],
        [['=1+1'], ['+SUM(A1)'], ['-2+3'], ['@cmd'], ['\tx'], ['\rx'], [-5], [3.5], [null], ['a=b']],
      ),
    );
    expect(parseCsv(text).map((r) => r[0])).toEqual([
      'v',
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3",
      "'@cmd",
      "'\tx",
      "'\rx",
      '-5',
      '3.5',
      '',
      'a=b',
    ]);
  });

  it('neutralises the header row too', () => {
    expect(decode(renderCsv(['=HYPERLINK("x")'], []))).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });

  it('writes an empty table as the header alone', () => {
    expect(decode(renderCsv(['a', 'b'], []))).toBe('a,b\r\n');
  });

  it('round-trips any strings as their neutralised form, and no field starts a formula', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    const risky = fc
      .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ',', '\n', ''), text)
      .map(([a, b]) => a + b);
    const cell = fc.oneof(text, risky);
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        (header, rows) => {
          const parsed = parseCsv(decode(renderCsv(header, rows)));
          expect(parsed).toEqual([header, ...rows].map((r) => r.map(neutraliseFormula)));
          for (const field of parsed.flat()) expect(field).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('neutraliseFormula', () => {
  it('prefixes an apostrophe only when the first character starts a formula', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('-')).toBe("'-");
    expect(neutraliseFormula('資產')).toBe('資產');
    expect(neutraliseFormula('')).toBe('');
    expect(neutraliseFormula(' =1')).toBe(' =1');
  });
});
