import { describe, expect, it } from 'vitest';
import { appliesAtLevel, wordingAtLevel } from './baseline.js';

const node = (applicability: unknown, baseline: unknown) => ({
  applicability: applicability === null ? null : JSON.stringify(applicability),
  baseline: baseline === null ? null : JSON.stringify(baseline),
  title_en: 'Log protection',
  title_zh: '日誌保護',
  description_en: 'Protect logs',
  description_zh: '保護日誌',
});

describe('Schedule 10 baseline rules', () => {
  it('applies a measure only at the levels it lists', () => {
    const mfa = node({ protectionLevels: ['high'] }, null);
    expect(appliesAtLevel(mfa, 'high')).toBe(true);
    expect(appliesAtLevel(mfa, 'medium')).toBe(false);
    expect(appliesAtLevel(mfa, 'normal')).toBe(false);
    expect(appliesAtLevel(node(null, null), 'normal')).toBe(true);
    expect(appliesAtLevel({ applicability: '{broken' }, 'normal')).toBe(true);
  });

  it('words a measure for the level in every baseline shape, else its description', () => {
    const byLevel = node(null, { medium: { en: 'Hash the logs', zh: '以雜湊保護日誌完整性' } });
    expect(wordingAtLevel(byLevel, 'medium')).toEqual({ en: 'Hash the logs', zh: '以雜湊保護日誌完整性' });
    expect(wordingAtLevel(byLevel, 'high')).toEqual({ en: 'Protect logs', zh: '保護日誌' });
    const byLang = node(null, { en: { high: 'Back up off-system' }, 'zh-TW': { high: '異地備份' } });
    expect(wordingAtLevel(byLang, 'high')).toEqual({ en: 'Back up off-system', zh: '異地備份' });
    expect(wordingAtLevel(node(null, { normal: 'Restrict access' }), 'normal').en).toBe('Restrict access');
  });
});
