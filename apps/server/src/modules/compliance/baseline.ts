// Schedule 10 (附表十 資通系統防護基準): which measures a protection level needs and their wording at that level.
import type { ProtectionLevel } from '@vigil/contracts';
import type { FrameworkNodeRow } from '@vigil/db';

export const SCHEDULE_10_KEY = 'tw-schedule-10';
/** The reason recorded on measures an assessment leaves out because the level does not need them. */
export const NOT_REQUIRED_REASON = 'not required at this protection level';

function parse(json: string | null): unknown {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Whether a node applies at a protection level: nodes without `protectionLevels` apply at every level. */
export function appliesAtLevel(
  node: Pick<FrameworkNodeRow, 'applicability'>,
  level: ProtectionLevel,
): boolean {
  const a = parse(node.applicability);
  if (!isRecord(a) || !Array.isArray(a.protectionLevels)) return true;
  return a.protectionLevels.includes(level);
}

function text(x: unknown, lang: 'en' | 'zh'): string | null {
  if (typeof x === 'string') return x;
  if (!isRecord(x)) return null;
  const v = lang === 'en' ? x.en : (x.zh ?? x['zh-TW'] ?? x.zh_TW);
  return typeof v === 'string' && v.trim() ? v : null;
}

/**
 * The wording of a measure at one level. The baseline JSON may be `{ normal: { en, zh }, … }`, `{ normal: '…' }`
 * or `{ en: { normal }, zh: { normal } }`; without wording for the level the node's description stands.
 */
export function wordingAtLevel(
  node: Pick<FrameworkNodeRow, 'baseline' | 'description_en' | 'description_zh' | 'title_en' | 'title_zh'>,
  level: ProtectionLevel,
): { en: string; zh: string } {
  const b = parse(node.baseline);
  let en: string | null = null;
  let zh: string | null = null;
  if (isRecord(b)) {
    if (level in b) {
      en = text(b[level], 'en');
      zh = text(b[level], 'zh');
    } else {
      en = isRecord(b.en) ? text(b.en[level], 'en') : null;
      const z = b.zh ?? b['zh-TW'];
      zh = isRecord(z) ? text(z[level], 'zh') : null;
    }
  }
  return {
    en: en ?? (node.description_en || node.title_en),
    zh: zh ?? (node.description_zh || node.title_zh),
  };
}
