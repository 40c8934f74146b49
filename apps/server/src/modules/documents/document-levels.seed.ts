// The usual four-tier hierarchy of a Taiwan ISMS; editable once seeded.
export const DEFAULT_LEVELS = [
  {
    id: 'policy',
    rank: 1,
    prefix: 'P',
    name_en: 'Level 1 — Policy',
    name_zh: '一階 政策',
    is_record: 0,
    retention_years: 3,
  },
  {
    id: 'procedure',
    rank: 2,
    prefix: 'PR',
    name_en: 'Level 2 — Procedure',
    name_zh: '二階 程序',
    is_record: 0,
    retention_years: 3,
  },
  {
    id: 'instruction',
    rank: 3,
    prefix: 'WI',
    name_en: 'Level 3 — Work instruction',
    name_zh: '三階 作業說明',
    is_record: 0,
    retention_years: 3,
  },
  {
    id: 'record',
    rank: 4,
    prefix: 'F',
    name_en: 'Level 4 — Form / record',
    name_zh: '四階 表單／紀錄',
    is_record: 1,
    retention_years: 3,
  },
] as const;
