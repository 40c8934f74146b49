// The words a spreadsheet may use for each enumerated value, in both languages, and how they are matched.
import type { AssetStatus, AssetType, InformationClass, Locale, ProtectionLevel } from '@vigil/contracts';

export interface Term<K extends string = string> {
  key: K;
  en: string;
  zh: string;
  /** Further spellings accepted on import (never written). */
  aliases?: string[];
}

export const ASSET_TYPE_TERMS: Term<AssetType>[] = [
  {
    key: 'information',
    en: 'Information / data',
    zh: '資訊/資料',
    aliases: ['資料', '資訊', 'data', 'information'],
  },
  { key: 'software', en: 'Software', zh: '軟體' },
  { key: 'hardware', en: 'Hardware', zh: '硬體' },
  { key: 'information_system', en: 'Information system', zh: '資通系統', aliases: ['系統', 'system'] },
  { key: 'service', en: 'Service', zh: '服務' },
  { key: 'network_device', en: 'Network device', zh: '網路設備', aliases: ['網通設備'] },
  { key: 'cloud_service', en: 'Cloud service', zh: '雲端服務' },
  { key: 'mobile_device', en: 'Mobile device', zh: '行動裝置' },
  { key: 'iot_device', en: 'IoT device', zh: '物聯網設備', aliases: ['物聯網裝置', 'iot'] },
  { key: 'people', en: 'People / role', zh: '人員/角色', aliases: ['人員', 'people', 'role'] },
  { key: 'site', en: 'Site', zh: '場所', aliases: ['實體環境', '場域'] },
];

export const ASSET_STATUS_TERMS: Term<AssetStatus>[] = [
  { key: 'planned', en: 'Planned', zh: '規劃中' },
  { key: 'in_use', en: 'In use', zh: '使用中' },
  { key: 'retired', en: 'Retired', zh: '已停用', aliases: ['停用', '退役'] },
  { key: 'disposed', en: 'Disposed', zh: '已報廢', aliases: ['報廢', '已銷毀'] },
];

export const INFORMATION_CLASS_TERMS: Term<InformationClass>[] = [
  { key: 'non_core', en: 'Non-core', zh: '非核心' },
  { key: 'core', en: 'Core', zh: '核心' },
  {
    key: 'sensitive',
    en: 'Official secret / sensitive',
    zh: '一般公務機密/敏感',
    aliases: ['一般公務機密', '敏感', 'sensitive', 'official secret'],
  },
  { key: 'national_secret', en: 'National secret', zh: '國家機密' },
];

export const PROTECTION_LEVEL_TERMS: Term<ProtectionLevel>[] = [
  { key: 'normal', en: 'Normal', zh: '普', aliases: ['basic', 'low', '低'] },
  { key: 'medium', en: 'Medium', zh: '中' },
  { key: 'high', en: 'High', zh: '高' },
];

export const BOOLEAN_TERMS: Term<'true' | 'false'>[] = [
  { key: 'true', en: 'Yes', zh: '是', aliases: ['y', 'true', '1', '有', 'v', '✓'] },
  { key: 'false', en: 'No', zh: '否', aliases: ['n', 'false', '0', '無'] },
];

/** Case, width (全形/半形) and spacing do not matter when matching a header or a value. */
export function normaliseWord(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/g, '')
    .replaceAll('／', '/');
}

export type TermIndex<K extends string> = Map<string, K>;

/** A lookup from every accepted spelling (key, both labels, aliases) to the key. */
export function termIndex<K extends string>(terms: readonly Term<K>[]): TermIndex<K> {
  const index = new Map<string, K>();
  for (const t of terms) {
    for (const word of [t.key, t.en, t.zh, ...(t.aliases ?? [])]) index.set(normaliseWord(word), t.key);
  }
  return index;
}

export function termLabel<K extends string>(terms: readonly Term<K>[], key: K, lang: Locale): string {
  const t = terms.find((x) => x.key === key);
  if (!t) return key;
  return lang === 'en' ? t.en : t.zh;
}
