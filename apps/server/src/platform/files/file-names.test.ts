import { contentDisposition } from '@vigil/reports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_CHARS, safeFileName } from './file-names.js';

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['..', ''],
    ['.htaccess', 'htaccess'],
    ['report\u0000.pdf', 'report.pdf'],
    ['line\r\nbreak.pdf', 'linebreak.pdf'],
    ['c1\u0085\u009bcontrols.pdf', 'c1controls.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['isolate\u2066\u2069.pdf', 'isolate.pdf'],
    ['zero\u200Bwidth\uFEFF.pdf', 'zerowidth.pdf'],
    ['lone\uD800surrogate.pdf', 'lonesurrogate.pdf'],
    ['a<b>c:"d|e?f*.pdf', 'a_b_c__d_e_f_.pdf'],
    ['  spaced   name .pdf. ', 'spaced name .pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['資安政策 v2.pdf', '資安政策 v2.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('composes decomposed characters (NFC)', () => {
    expect(safeFileName('cafe\u0301.txt')).toBe('caf\u00e9.txt');
  });

  it('gives a name whose extension lies about the content the extension of what it is', () => {
    expect(safeFileName('scan-report.hta', 'text/plain')).toBe('scan-report.hta.txt');
    expect(safeFileName('run.bat', 'text/plain')).toBe('run.bat.txt');
    expect(safeFileName('page.html', 'text/plain')).toBe('page.html.txt');
    expect(safeFileName('logo.svg', 'text/plain')).toBe('logo.svg.txt');
    expect(safeFileName('tool.jar', 'application/zip')).toBe('tool.jar.zip');
    expect(safeFileName('macro.docm', 'application/zip')).toBe('macro.docm.zip');
    expect(safeFileName('photo', 'image/jpeg')).toBe('photo.jpg');
    expect(safeFileName('notes.TXT', 'text/plain')).toBe('notes.TXT');
    expect(safeFileName('scan.JPEG', 'image/jpeg')).toBe('scan.JPEG');
    expect(safeFileName('policy.pdf', 'application/pdf')).toBe('policy.pdf');
  });

  it('shortens a very long name to 200 characters and keeps its extension', () => {
    const long = `${'長'.repeat(300)}.pdf`;
    const out = safeFileName(long, 'application/pdf');
    expect(Array.from(out)).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(out.endsWith('長.pdf')).toBe(true);
    const fixed = safeFileName(`${'a'.repeat(300)}.exe`, 'application/pdf');
    expect(fixed).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(fixed.endsWith('.pdf')).toBe(true);
  });

  it('any input gives a name without separators or invisible characters that a header can carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        const out = safeFileName(name, 'text/plain');
        expect(out).not.toMatch(/[\\/\p{Cc}\p{Cf}<>:"|?*]/u);
        expect(out.startsWith('.')).toBe(false);
        expect(Array.from(out).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
        if (out) expect(() => contentDisposition(out)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
