import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt } from './backoff.js';
import { absoluteLink, recipientLocale, renderNotice } from './render.js';

describe('notice rendering', () => {
  it('writes Traditional Chinese unless the user chose English', () => {
    expect(recipientLocale(null)).toBe('zh-TW');
    expect(recipientLocale('zh-TW')).toBe('zh-TW');
    expect(recipientLocale('fr')).toBe('zh-TW');
    expect(recipientLocale('en')).toBe('en');
  });

  it('makes a path absolute with the public URL and refuses links that leave Vigil', () => {
    expect(absoluteLink('https://vigil.example.gov.tw', '/documents/1')).toBe(
      'https://vigil.example.gov.tw/documents/1',
    );
    expect(absoluteLink('https://host/vigil/', '/x')).toBe('https://host/vigil/x');
    expect(absoluteLink('', '/x')).toBe('/x');
    expect(absoluteLink('https://h', undefined)).toBeNull();
    expect(() => absoluteLink('https://h', 'https://evil.example')).toThrow();
    expect(() => absoluteLink('https://h', '//evil.example/x')).toThrow();
  });

  it('keeps the subject on one line and adds the link and footer in the language', () => {
    const r = renderNotice(
      { subject: { en: 'a\r\nBcc: x@y', 'zh-TW': '主旨' }, body: { en: 'Body', 'zh-TW': '內文' } },
      'en',
      'https://h/x',
    );
    expect(r.subject).toBe('[Vigil] a Bcc: x@y');
    expect(r.body).toMatch(/^Body\n\nOpen in Vigil: https:\/\/h\/x\n\n-- \nThis message/);
  });
});

describe('retry backoff', () => {
  it('waits 1, 5, 30, 120, 480 minutes and then gives up', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    const waits = [1, 2, 3, 4, 5].map(
      (n) => ((nextAttemptAt(n, t0)?.getTime() ?? 0) - t0.getTime()) / 60_000,
    );
    expect(waits).toEqual([1, 5, 30, 120, 480]);
    expect(nextAttemptAt(MAX_ATTEMPTS, t0)).toBeNull();
  });
});
