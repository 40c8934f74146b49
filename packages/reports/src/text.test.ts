import { describe, expect, it } from 'vitest';
import { contentDisposition, REPORT_CONTENT_TYPES, reportFileName } from './files.js';
import { cellStyle, cleanText, formatTimestamp, readableOn } from './text.js';

describe('cleanText', () => {
  it('keeps \\n and \\t, turns CR into line breaks, drops other control characters and lone surrogates', () => {
    expect(cleanText('a\r\nb\rc\td\u0000e\u001b\u007f\u0085f')).toBe('a\nb\nc\tdef');
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
    expect(cleanText('😀 資產 \u200F')).toBe('😀 資產 \u200F');
  });
});

describe('cellStyle', () => {
  it('chooses black text on light fills and white on dark ones unless a colour is given', () => {
    expect(readableOn('FFF59D')).toBe('000000');
    expect(readableOn('C62828')).toBe('FFFFFF');
    expect(readableOn('1B5E20')).toBe('FFFFFF');
    expect(readableOn('FFB74D')).toBe('000000');
    expect(cellStyle({ text: 'x', fill: '#c62828' })).toEqual({ text: 'x', fill: 'C62828', color: 'FFFFFF' });
    expect(cellStyle({ text: 'x', fill: '#C62828', color: '#FFEB3B' }).color).toBe('FFEB3B');
  });

  it('ignores colours that are not #rrggbb', () => {
    expect(cellStyle({ text: 'x', fill: 'red', color: 'url(x)' })).toEqual({ text: 'x' });
  });

  it('shows numbers as written and null as empty', () => {
    expect(cellStyle(-5).text).toBe('-5');
    expect(cellStyle(null).text).toBe('');
    expect(cellStyle(Number.NaN).text).toBe('');
  });
});

describe('formatTimestamp', () => {
  it('shows the time in Taiwan by default and in another zone when asked', () => {
    expect(formatTimestamp('2026-11-22T16:30:00Z')).toBe('2026-11-23 00:30 (UTC+8)');
    expect(formatTimestamp('2026-11-22T16:30:00Z', 'America/New_York')).toBe('2026-11-22 11:30 (UTC-5)');
    expect(formatTimestamp('2026-11-22T16:30:00Z', 'Not/AZone')).toBe('2026-11-23 00:30 (UTC+8)');
    expect(formatTimestamp('garbage')).toBe('garbage');
  });
});

describe('reportFileName', () => {
  it('joins the name and the date in Taiwan', () => {
    expect(reportFileName('資產清冊', 'xlsx', '2026-11-22T06:05:00Z')).toBe('資產清冊-20261122.xlsx');
    // 17:00 UTC is already the next day in Taipei.
    expect(reportFileName('風險評估報告', 'pdf', '2026-11-21T17:00:00Z')).toBe('風險評估報告-20261122.pdf');
  });

  it('keeps only safe characters', () => {
    expect(reportFileName('../../etc/passwd', 'csv', '2026-11-22T00:00:00Z')).toBe('etc-passwd-20261122.csv');
    expect(reportFileName('Asset inventory "Q4"\r\n;x', 'docx', 'bad')).toBe('Asset-inventory-Q4-x.docx');
    expect(reportFileName('', 'pdf', '2026-11-22T00:00:00Z')).toBe('report-20261122.pdf');
    expect(reportFileName('資'.repeat(200), 'pdf', 'bad')).toBe(`${'資'.repeat(80)}.pdf`);
  });
});

describe('downloads', () => {
  it('labels each format and gives an ASCII fallback beside the UTF-8 file name', () => {
    expect(REPORT_CONTENT_TYPES.xlsx).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(REPORT_CONTENT_TYPES.csv).toBe('text/csv; charset=utf-8');
    expect(contentDisposition('資產清冊-20261122.xlsx')).toBe(
      `attachment; filename="____-20261122.xlsx"; filename*=UTF-8''%E8%B3%87%E7%94%A2%E6%B8%85%E5%86%8A-20261122.xlsx`,
    );
  });
});
