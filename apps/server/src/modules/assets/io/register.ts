// The 資產清冊 record: a summary and the inventory table, as PDF (landscape) or XLSX.
import { ASSET_TYPES, type AssetView, type Locale, PROTECTION_LEVELS } from '@vigil/contracts';
import {
  type Cell,
  type ReportDocument,
  type ReportMeta,
  renderPdf,
  renderXlsx,
  type SheetSpec,
} from '@vigil/reports';
import type { WriteContext } from './columns.js';
import {
  ASSET_STATUS_TERMS,
  ASSET_TYPE_TERMS,
  BOOLEAN_TERMS,
  PROTECTION_LEVEL_TERMS,
  termLabel,
} from './vocabulary.js';

interface Words {
  title: string;
  summary: string;
  inventory: string;
  total: string;
  byType: string;
  type: string;
  count: string;
  core: string;
  personal: string;
  protection: (level: string) => string;
  unassessed: string;
  columns: Record<ColumnWord, string>;
}

type ColumnWord =
  | 'code'
  | 'name'
  | 'type'
  | 'owner'
  | 'custodian'
  | 'unit'
  | 'location'
  | 'c'
  | 'i'
  | 'a'
  | 'l'
  | 'value'
  | 'classification'
  | 'core'
  | 'protection'
  | 'personal'
  | 'status';

const WORDS: Record<Locale, Words> = {
  'zh-TW': {
    title: '資產清冊',
    summary: '摘要',
    inventory: '資產清單',
    total: '資產總數',
    byType: '各類別資產數',
    type: '資產類別',
    count: '數量',
    core: '核心資通系統',
    personal: '含個人資料之資產',
    protection: (level) => `防護需求等級「${level}」`,
    unassessed: '資通系統未評定防護需求等級',
    columns: {
      code: '資產編號',
      name: '資產名稱',
      type: '類別',
      owner: '擁有者',
      custodian: '保管者',
      unit: '單位',
      location: '存放位置',
      c: 'C',
      i: 'I',
      a: 'A',
      l: 'L',
      value: '價值',
      classification: '分級',
      core: '核心',
      protection: '防護等級',
      personal: '個資',
      status: '狀態',
    },
  },
  en: {
    title: 'Asset inventory',
    summary: 'Summary',
    inventory: 'Inventory',
    total: 'Assets',
    byType: 'Assets per type',
    type: 'Type',
    count: 'Count',
    core: 'Core systems',
    personal: 'Assets holding personal data',
    protection: (level) => `Protection level ${level}`,
    unassessed: 'Information systems without a protection level',
    columns: {
      code: 'Code',
      name: 'Name',
      type: 'Type',
      owner: 'Owner',
      custodian: 'Custodian',
      unit: 'Unit',
      location: 'Location',
      c: 'C',
      i: 'I',
      a: 'A',
      l: 'L',
      value: 'Value',
      classification: 'Class.',
      core: 'Core',
      protection: 'Protection',
      personal: 'Personal data',
      status: 'Status',
    },
  },
};

export function registerTitle(lang: Locale): string {
  return WORDS[lang].title;
}

export interface RegisterInput {
  assets: readonly AssetView[];
  x: WriteContext;
  organisation: string;
  generatedAt: string;
  generatedBy: string;
  timeZone: string;
}

function summaryRows(input: RegisterInput): [string, string][] {
  const { assets, x } = input;
  const w = WORDS[x.lang];
  const rows: [string, string][] = [[w.total, String(assets.length)]];
  rows.push([w.core, String(assets.filter((a) => a.coreSystem).length)]);
  for (const level of [...PROTECTION_LEVELS].reverse())
    rows.push([
      w.protection(termLabel(PROTECTION_LEVEL_TERMS, level, x.lang)),
      String(assets.filter((a) => a.protectionLevel === level).length),
    ]);
  rows.push([
    w.unassessed,
    String(assets.filter((a) => a.type === 'information_system' && a.protectionLevel === null).length),
  ]);
  rows.push([w.personal, String(assets.filter((a) => a.personalData).length)]);
  return rows;
}

function typeRows(input: RegisterInput): Cell[][] {
  const { assets, x } = input;
  return ASSET_TYPES.map((t) => [
    termLabel(ASSET_TYPE_TERMS, t, x.lang),
    assets.filter((a) => a.type === t).length,
  ]);
}

function inventoryTable(input: RegisterInput): {
  columns: { title: string; width: number }[];
  rows: Cell[][];
} {
  const { assets, x } = input;
  const w = WORDS[x.lang].columns;
  const legal = x.valuation.legalRating;
  const yes = (v: boolean) => termLabel(BOOLEAN_TERMS, v ? 'true' : 'false', x.lang);
  const columns = [
    { title: w.code, width: 1.1 },
    { title: w.name, width: 2.2 },
    { title: w.type, width: 1.1 },
    { title: w.owner, width: 1.1 },
    { title: w.custodian, width: 1.1 },
    { title: w.unit, width: 1.1 },
    { title: w.location, width: 1.2 },
    { title: w.c, width: 0.4 },
    { title: w.i, width: 0.4 },
    { title: w.a, width: 0.4 },
    ...(legal ? [{ title: w.l, width: 0.4 }] : []),
    { title: w.value, width: 0.5 },
    { title: w.classification, width: 0.7 },
    { title: w.core, width: 0.5 },
    { title: w.protection, width: 0.7 },
    { title: w.personal, width: 0.6 },
    { title: w.status, width: 0.8 },
  ];
  const rows = assets.map((a): Cell[] => {
    const classification = x.valuation.classifications.find((c) => c.key === a.classification);
    return [
      a.code,
      a.name,
      termLabel(ASSET_TYPE_TERMS, a.type, x.lang),
      a.owner?.displayName ?? null,
      a.custodian?.displayName ?? null,
      a.unit?.name ?? null,
      a.location,
      a.confidentiality,
      a.integrity,
      a.availability,
      ...(legal ? [a.legal] : []),
      a.value,
      classification ? (x.lang === 'en' ? classification.en : classification.zh) : a.classification,
      yes(a.coreSystem),
      a.protectionLevel ? termLabel(PROTECTION_LEVEL_TERMS, a.protectionLevel, x.lang) : null,
      yes(a.personalData),
      termLabel(ASSET_STATUS_TERMS, a.status, x.lang),
    ];
  });
  return { columns, rows };
}

function meta(input: RegisterInput): ReportMeta {
  return {
    title: WORDS[input.x.lang].title,
    organisation: input.organisation,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    locale: input.x.lang,
    timeZone: input.timeZone,
  };
}

/** The record as a landscape PDF with a Traditional Chinese font. */
export function registerPdf(input: RegisterInput): Promise<Buffer> {
  const w = WORDS[input.x.lang];
  const table = inventoryTable(input);
  const doc: ReportDocument = {
    meta: meta(input),
    landscape: true,
    blocks: [
      { type: 'heading', level: 2, text: w.summary },
      { type: 'keyValue', rows: summaryRows(input) },
      {
        type: 'table',
        columns: [
          { title: w.type, width: 2 },
          { title: w.count, align: 'right' },
        ],
        rows: typeRows(input),
        caption: w.byType,
      },
      { type: 'heading', level: 2, text: w.inventory },
      { type: 'table', columns: table.columns, rows: table.rows, repeatHeader: true },
    ],
  };
  return renderPdf(doc);
}

/** The record as a workbook: a summary sheet and the inventory sheet. */
export function registerXlsx(input: RegisterInput): Promise<Buffer> {
  const w = WORDS[input.x.lang];
  const table = inventoryTable(input);
  const sheets: SheetSpec[] = [
    {
      name: w.summary,
      title: w.title,
      columns: [
        { header: w.summary, width: 36 },
        { header: w.count, width: 10 },
      ],
      rows: [
        ...summaryRows(input).map(([k, v]): Cell[] => [k, Number(v)]),
        [null, null],
        [w.byType, null],
        ...typeRows(input),
      ],
    },
    {
      name: w.inventory,
      title: w.title,
      columns: table.columns.map((c) => ({ header: c.title, width: Math.round(c.width * 14) })),
      rows: table.rows,
    },
  ];
  return renderXlsx(sheets, meta(input));
}
