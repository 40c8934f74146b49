// The one column layout of the inventory file: import, CSV export and XLSX export all read it from here.
import {
  ASSET_STATUSES,
  ASSET_TYPES,
  type AssetValuationSettings,
  type AssetView,
  type IdentifierKind,
  INFORMATION_CLASSES,
  type Locale,
  PROTECTION_LEVELS,
  type ProtectionAnswers,
  type ProtectionLevel,
} from '@vigil/contracts';
import type { CellValue } from '@vigil/reports';
import {
  type CellResult,
  cellText,
  parseDate,
  parseList,
  parseNumber,
  parseTerm,
  type RawCell,
} from './cells.js';
import type { UnitDirectory, UserDirectory } from './directory.js';
import {
  ASSET_STATUS_TERMS,
  ASSET_TYPE_TERMS,
  BOOLEAN_TERMS,
  INFORMATION_CLASS_TERMS,
  PROTECTION_LEVEL_TERMS,
  type Term,
  type TermIndex,
  termIndex,
  termLabel,
} from './vocabulary.js';

/** What reading a row needs to know: who and which units exist, and the valuation settings. */
export interface ReadContext {
  users: UserDirectory;
  units: UnitDirectory;
  classifications: TermIndex<string>;
  classificationKeys: string[];
}

/** What writing a row needs: the language and the classification labels. */
export interface WriteContext {
  lang: Locale;
  valuation: AssetValuationSettings;
  units: UnitDirectory;
}

export type ProtectionDimension = keyof ProtectionAnswers;

/** A row being read: the request fields, plus the parts that several columns fill together. */
export interface Draft {
  fields: Record<string, unknown>;
  identifiers: Map<IdentifierKind, string[]> | null;
  protection: Partial<Record<ProtectionDimension, ProtectionLevel | null>> | null;
}

export interface Column {
  key: string;
  en: string;
  zh: string;
  /** Other headers accepted on import. */
  aliases?: string[];
  required?: boolean;
  /** Computed by Vigil: written on export, ignored on import. */
  exportOnly?: boolean;
  /** The request field this column fills (errors about that field point at this column). */
  field?: string;
  width?: number;
  write(asset: AssetView, x: WriteContext): CellValue;
  /** Reads a non-blank cell into the draft; answers the problem when the cell cannot be read. */
  read?(cell: RawCell, draft: Draft, x: ReadContext): CellResult<unknown>;
  /** What a blank cell means for this column (default: leave the field out). */
  blank?(draft: Draft): void;
}

const typeIndex = termIndex(ASSET_TYPE_TERMS);
const statusIndex = termIndex(ASSET_STATUS_TERMS);
const infoIndex = termIndex(INFORMATION_CLASS_TERMS);
const protectionIndex = termIndex(PROTECTION_LEVEL_TERMS);
const booleanIndex = termIndex(BOOLEAN_TERMS);

const yesNo = (v: boolean, x: WriteContext) => termLabel(BOOLEAN_TERMS, v ? 'true' : 'false', x.lang);
const labelled = <K extends string>(terms: Term<K>[], key: K | null, x: WriteContext) =>
  key === null ? null : termLabel(terms, key, x.lang);

function set(draft: Draft, field: string, result: CellResult<unknown>): CellResult<unknown> {
  if (result.ok) draft.fields[field] = result.value;
  return result;
}

function text(key: string, en: string, zh: string, field: string, opts: Partial<Column> = {}): Column {
  return {
    key,
    en,
    zh,
    field,
    write: (a) => (a as unknown as Record<string, string | null>)[field] ?? null,
    read: (cell, d) => set(d, field, { ok: true, value: cellText(cell) }),
    blank: (d) => {
      d.fields[field] = null;
    },
    ...opts,
  };
}

function date(key: string, en: string, zh: string, field: string): Column {
  return {
    key,
    en,
    zh,
    field,
    width: 12,
    write: (a) => (a as unknown as Record<string, string | null>)[field] ?? null,
    read: (cell, d) => set(d, field, parseDate(cell)),
    blank: (d) => {
      d.fields[field] = null;
    },
  };
}

function number(
  key: string,
  en: string,
  zh: string,
  field: string,
  aliases: string[],
  integer: boolean,
): Column {
  return {
    key,
    en,
    zh,
    field,
    aliases,
    width: 8,
    write: (a) => (a as unknown as Record<string, number | null>)[field] ?? null,
    read: (cell, d) => set(d, field, parseNumber(cell, { integer })),
    blank: (d) => {
      d.fields[field] = null;
    },
  };
}

function flag(key: string, en: string, zh: string, field: keyof AssetView, aliases: string[] = []): Column {
  return {
    key,
    en,
    zh,
    field,
    aliases,
    width: 8,
    write: (a, x) => yesNo(a[field] === true, x),
    read: (cell, d) => {
      const r = parseTerm(cell, booleanIndex, ['是', '否', 'Y', 'N', 'yes', 'no', 'true', 'false', '1', '0']);
      return set(d, field, r.ok ? { ok: true, value: r.value === 'true' } : r);
    },
  };
}

function identifiers(key: string, kind: IdentifierKind, en: string, zh: string, aliases: string[]): Column {
  return {
    key,
    en,
    zh,
    aliases,
    field: `identifiers.${kind}`,
    width: 20,
    write: (a) =>
      a.identifiers
        .filter((i) => i.kind === kind)
        .map((i) => i.value)
        .join('; ') || null,
    read: (cell, d) => {
      d.identifiers ??= new Map();
      d.identifiers.set(kind, parseList(cell));
      return { ok: true, value: null };
    },
    blank: (d) => {
      d.identifiers ??= new Map();
      d.identifiers.set(kind, []);
    },
  };
}

function answer(dimension: ProtectionDimension, en: string, zh: string, aliases: string[]): Column {
  const key = `protection${dimension[0]?.toUpperCase()}${dimension.slice(1)}`;
  return {
    key,
    en,
    zh,
    aliases,
    field: `protectionAnswers.${dimension}`,
    width: 10,
    write: (a, x) => labelled(PROTECTION_LEVEL_TERMS, a.protectionAnswers?.[dimension] ?? null, x),
    read: (cell, d) => {
      const r = parseTerm(cell, protectionIndex, ['普', '中', '高', ...PROTECTION_LEVELS]);
      if (r.ok) {
        d.protection ??= {};
        d.protection[dimension] = r.value;
      }
      return r;
    },
    blank: (d) => {
      d.protection ??= {};
      d.protection[dimension] = null;
    },
  };
}

function person(key: 'owner' | 'custodian', en: string, zh: string, aliases: string[]): Column {
  const field = key === 'owner' ? 'ownerId' : 'custodianId';
  return {
    key,
    en,
    zh,
    aliases,
    field,
    width: 14,
    write: (a) => a[key]?.username ?? null,
    read: (cell, d, x) => {
      const found = x.users.find(cellText(cell));
      if ('found' in found) return set(d, field, { ok: true, value: found.found });
      if ('ambiguous' in found)
        return {
          ok: false,
          code: 'ambiguous_user',
          message: `${found.ambiguous} users have this display name; write the username`,
        };
      return { ok: false, code: `unknown_${key}`, message: 'no user has this username or display name' };
    },
    blank: (d) => {
      d.fields[field] = null;
    },
  };
}

/** Every column, in the order files are written. Import accepts them in any order. */
export const COLUMNS: readonly Column[] = [
  text('code', 'Code', '資產編號', 'code', { aliases: ['編號', 'asset code'], width: 12, blank: () => {} }),
  text('name', 'Name', '資產名稱', 'name', { aliases: ['名稱', 'asset name'], required: true, width: 24 }),
  {
    key: 'type',
    en: 'Type',
    zh: '資產類別',
    aliases: ['類別', '類型', '資產類型', 'asset type'],
    field: 'type',
    required: true,
    width: 14,
    write: (a, x) => termLabel(ASSET_TYPE_TERMS, a.type, x.lang),
    read: (cell, d) => set(d, 'type', parseTerm(cell, typeIndex, ASSET_TYPES)),
  },
  identifiers('hostnames', 'hostname', 'Hostnames', '主機名稱', ['hostname', 'host']),
  identifiers('ips', 'ip', 'IP addresses', 'IP 位址', ['ip', 'ips', 'ip address', 'IP位置']),
  identifiers('macs', 'mac', 'MAC addresses', 'MAC 位址', ['mac', 'macs', 'mac address']),
  identifiers('urls', 'url', 'URLs', '網址', ['url', 'URL']),
  identifiers('serials', 'serial', 'Serial numbers', '序號', ['serial', 'serial number', '產品序號']),
  identifiers('otherIds', 'other', 'Other identifiers', '其他識別碼', ['other identifier']),
  person('owner', 'Owner', '資產擁有者', ['擁有者', '擁有人']),
  person('custodian', 'Custodian', '保管者', ['保管人']),
  {
    key: 'unit',
    en: 'Unit',
    zh: '所屬單位',
    aliases: ['單位', 'unitId'],
    field: 'unitId',
    width: 14,
    write: (a, x) => (a.unit ? x.units.reference(a.unit.id, a.unit.name) : null),
    read: (cell, d, x) => {
      const found = x.units.find(cellText(cell));
      if ('found' in found) return set(d, 'unitId', { ok: true, value: found.found });
      if ('ambiguous' in found)
        return {
          ok: false,
          code: 'ambiguous_unit',
          message: `${found.ambiguous} units have this name; write the unit code`,
        };
      return { ok: false, code: 'unknown_unit', message: 'no unit has this code or name' };
    },
    blank: (d) => {
      d.fields.unitId = null;
    },
  },
  text('location', 'Location', '存放位置', 'location', { aliases: ['位置', '地點'], width: 16 }),
  text('description', 'Description', '說明', 'description', { aliases: ['描述', '備註'], width: 30 }),
  {
    key: 'status',
    en: 'Status',
    zh: '狀態',
    aliases: ['資產狀態'],
    field: 'status',
    width: 10,
    write: (a, x) => termLabel(ASSET_STATUS_TERMS, a.status, x.lang),
    read: (cell, d) => set(d, 'status', parseTerm(cell, statusIndex, ASSET_STATUSES)),
  },
  date('commissionedOn', 'Commissioned on', '啟用日期', 'commissionedOn'),
  date('retiredOn', 'Retired on', '停用日期', 'retiredOn'),
  date('disposedOn', 'Disposed on', '報廢日期', 'disposedOn'),
  text('vendor', 'Vendor', '廠商', 'vendor', { aliases: ['供應商'], width: 14 }),
  date('endOfSupportOn', 'End of support', '支援終止日期', 'endOfSupportOn'),
  {
    key: 'tags',
    en: 'Tags',
    zh: '標籤',
    field: 'tags',
    width: 14,
    write: (a) => a.tags.join('; ') || null,
    read: (cell, d) => set(d, 'tags', { ok: true, value: parseList(cell) }),
    blank: (d) => {
      d.fields.tags = [];
    },
  },
  number('confidentiality', 'Confidentiality (C)', '機密性 (C)', 'confidentiality', ['C', '機密性'], true),
  number('integrity', 'Integrity (I)', '完整性 (I)', 'integrity', ['I', '完整性'], true),
  number('availability', 'Availability (A)', '可用性 (A)', 'availability', ['A', '可用性'], true),
  number('legal', 'Legal (L)', '法律遵循性 (L)', 'legal', ['L', '法律遵循性', '法遵性'], true),
  {
    key: 'value',
    en: 'Asset value',
    zh: '資產價值',
    exportOnly: true,
    width: 8,
    write: (a) => a.value,
  },
  {
    key: 'classification',
    en: 'Classification',
    zh: '資產分級',
    aliases: ['分級', '機密等級'],
    field: 'classification',
    width: 10,
    write: (a, x) => {
      if (a.classification === null) return null;
      const level = x.valuation.classifications.find((c) => c.key === a.classification);
      return level ? (x.lang === 'en' ? level.en : level.zh) : a.classification;
    },
    read: (cell, d, x) => set(d, 'classification', parseTerm(cell, x.classifications, x.classificationKeys)),
    blank: (d) => {
      d.fields.classification = null;
    },
  },
  flag('coreSystem', 'Core system', '核心資通系統', 'coreSystem', ['核心系統']),
  flag('criticalInfrastructure', 'Critical infrastructure', '關鍵基礎設施相關', 'criticalInfrastructure', [
    '關鍵基礎設施',
  ]),
  {
    key: 'informationClass',
    en: 'Information class',
    zh: '資訊類別',
    aliases: ['資訊等級'],
    field: 'informationClass',
    width: 14,
    write: (a, x) => termLabel(INFORMATION_CLASS_TERMS, a.informationClass, x.lang),
    read: (cell, d) => set(d, 'informationClass', parseTerm(cell, infoIndex, INFORMATION_CLASSES)),
  },
  answer('confidentiality', 'Schedule 9: confidentiality', '附表九 機密性', ['防護需求 機密性']),
  answer('integrity', 'Schedule 9: integrity', '附表九 完整性', ['防護需求 完整性']),
  answer('availability', 'Schedule 9: availability', '附表九 可用性', ['防護需求 可用性']),
  answer('legal', 'Schedule 9: legal', '附表九 法律遵循性', ['防護需求 法律遵循性']),
  {
    key: 'protectionLevel',
    en: 'Protection level',
    zh: '防護需求等級',
    aliases: ['系統防護需求等級'],
    exportOnly: true,
    width: 10,
    write: (a, x) => labelled(PROTECTION_LEVEL_TERMS, a.protectionLevel, x),
  },
  number('mtpd', 'MTPD (hours)', '最大可容忍中斷時間 (小時)', 'mtpdHours', ['MTPD', 'mtpdHours'], false),
  number('rto', 'RTO (hours)', '復原時間目標 (小時)', 'rtoHours', ['RTO', 'rtoHours'], false),
  number('rpo', 'RPO (hours)', '復原點目標 (小時)', 'rpoHours', ['RPO', 'rpoHours'], false),
  flag('personalData', 'Personal data', '含個人資料', 'personalData', ['個人資料', '個資']),
];

export function header(column: Column, lang: Locale): string {
  return lang === 'en' ? column.en : column.zh;
}

/** The column a request field (or an error about it) belongs to: `identifiers.ip` → IP addresses. */
export function columnOfField(field: string): Column | undefined {
  return COLUMNS.find((c) => c.field === field);
}
