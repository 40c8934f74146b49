// The Taiwan entries the regulations register (適用法規清單) starts with. Facts from ../shared/TAIWAN.md
// (public sources: the laws and regulations database of the Ministry of Justice, law.moj.gov.tw); shipped
// as editable data — an administrator corrects or extends them in the register. Seeded once per key.
import type { RegulationKind, RegulationObligation, RegulationStatus } from '@vigil/contracts';

export interface RegulationSeed {
  key: string;
  nameZh: string;
  nameEn: string;
  kind: RegulationKind;
  authority: string;
  reference: string;
  url: string | null;
  status: RegulationStatus;
  applicable: boolean;
  applicabilityNote: string;
  keyDates: { on: string; zh: string; en: string }[];
  obligations: RegulationObligation[];
  notes: string;
}

const lawSearch = (name: string) =>
  `https://law.moj.gov.tw/Law/LawSearchResult.aspx?ty=ONEBAR&kw=${encodeURIComponent(name)}`;

export const REGULATION_SEEDS: RegulationSeed[] = [
  {
    key: 'tw-csma',
    nameZh: '資通安全管理法',
    nameEn: 'Cyber Security Management Act',
    kind: 'law',
    authority: '數位發展部 (Ministry of Digital Affairs)',
    reference: '資通安全管理法（2025-09-24 全文修正）',
    url: lawSearch('資通安全管理法'),
    status: 'in_force',
    applicable: true,
    applicabilityNote:
      '公務機關及特定非公務機關適用 (government agencies and designated non-government agencies)',
    keyDates: [
      { on: '2018-06-06', zh: '制定公布', en: 'Promulgated' },
      { on: '2019-01-01', zh: '施行', en: 'In force' },
      { on: '2025-09-24', zh: '全文修正公布', en: 'Fully amended' },
    ],
    obligations: [
      {
        text: '依責任等級辦理應辦事項 (carry out the required items of the responsibility level)',
        requirements: [],
      },
      {
        text: '訂定、修正及實施資通安全維護計畫，並提出實施情形 (adopt and run a security maintenance plan; report on it)',
        requirements: [],
      },
      { text: '資通安全事件之通報及應變 (report and respond to security incidents)', requirements: [] },
      { text: '置資通安全長及專責人員 (appoint a CISO and dedicated security staff)', requirements: [] },
    ],
    notes: '',
  },
  {
    key: 'tw-csma-enforcement-rules',
    nameZh: '資通安全管理法施行細則',
    nameEn: 'Enforcement Rules of the Cyber Security Management Act',
    kind: 'regulation',
    authority: '數位發展部 (Ministry of Digital Affairs)',
    reference: '資通安全管理法施行細則',
    url: lawSearch('資通安全管理法施行細則'),
    status: 'in_force',
    applicable: true,
    applicabilityNote: '',
    keyDates: [],
    obligations: [
      {
        text: '資通安全維護計畫應包含之事項 (what the security maintenance plan must contain)',
        requirements: [],
      },
    ],
    notes: '',
  },
  {
    key: 'tw-responsibility-levels',
    nameZh: '資通安全責任等級分級辦法',
    nameEn: 'Regulations on Classification of Cyber Security Responsibility Levels',
    kind: 'regulation',
    authority: '數位發展部 (Ministry of Digital Affairs)',
    reference: '資通安全責任等級分級辦法（附表一至附表十）',
    url: lawSearch('資通安全責任等級分級辦法'),
    status: 'in_force',
    applicable: true,
    applicabilityNote: '依核定之責任等級（A–E）辦理應辦事項 (items by the approved level A–E)',
    keyDates: [],
    obligations: [
      { text: '每三年重新核定責任等級 (re-approve the level every three years)', requirements: [] },
      { text: '內部資通安全稽核 (internal security audits)', requirements: [] },
      {
        text: '弱點掃描、滲透測試、資安健診 (vulnerability scans, penetration tests, health checks)',
        requirements: [],
      },
      {
        text: '資通系統分級及防護基準（附表九、附表十）(system classification and baseline, schedules 9–10)',
        requirements: [],
      },
      { text: '資通安全教育訓練時數 (security training hours)', requirements: [] },
    ],
    notes: '應辦事項已轉為守望之法遵義務行事曆 (the required items feed the obligations calendar)',
  },
  {
    key: 'tw-incident-2026',
    nameZh: '資通安全事件通報應變及演練辦法',
    nameEn: 'Regulations on Cyber Security Incident Reporting, Response and Drills',
    kind: 'regulation',
    authority: '數位發展部 (Ministry of Digital Affairs)',
    reference: '資通安全事件通報應變及演練辦法（2026-01-05 修正並更名）',
    url: lawSearch('資通安全事件通報應變及演練辦法'),
    status: 'in_force',
    applicable: true,
    applicabilityNote: '',
    keyDates: [{ on: '2026-01-05', zh: '修正並更名', en: 'Amended and renamed' }],
    obligations: [
      {
        text: '知悉資通安全事件後於規定時限內通報 (report incidents within the set deadlines)',
        requirements: [],
      },
      { text: '依事件等級完成損害控制或復原 (contain or recover by incident level)', requirements: [] },
      { text: '參與及辦理資通安全演練 (take part in and run security drills)', requirements: [] },
    ],
    notes: '取代 2021 年之資通安全事件通報及應變辦法 (replaces the 2021 regulation)',
  },
  {
    key: 'tw-incident-2021',
    nameZh: '資通安全事件通報及應變辦法',
    nameEn: 'Regulations on Cyber Security Incident Reporting and Response (2021)',
    kind: 'regulation',
    authority: '行政院 (Executive Yuan)',
    reference: '資通安全事件通報及應變辦法（2021-08-23 修正）',
    url: lawSearch('資通安全事件通報及應變辦法'),
    status: 'superseded',
    applicable: false,
    applicabilityNote: '已由 2026-01-05 之資通安全事件通報應變及演練辦法取代 (superseded on 2026-01-05)',
    keyDates: [
      { on: '2021-08-23', zh: '修正發布', en: 'Amended' },
      { on: '2026-01-05', zh: '更名為資通安全事件通報應變及演練辦法', en: 'Renamed and replaced' },
    ],
    obligations: [],
    notes: '',
  },
  {
    key: 'tw-pdpa',
    nameZh: '個人資料保護法',
    nameEn: 'Personal Data Protection Act',
    kind: 'law',
    authority: '個人資料保護委員會 (Personal Data Protection Commission)',
    reference: '個人資料保護法',
    url: lawSearch('個人資料保護法'),
    status: 'in_force',
    applicable: true,
    applicabilityNote:
      '蒐集、處理或利用個人資料者適用 (anyone collecting, processing or using personal data)',
    keyDates: [],
    obligations: [
      {
        text: '個人資料之蒐集、處理及利用應有特定目的及法定要件 (purpose and legal basis)',
        requirements: [],
      },
      { text: '採行適當之安全維護措施 (appropriate security measures)', requirements: [] },
      { text: '個資外洩時通知當事人 (notify data subjects of a breach)', requirements: [] },
    ],
    notes: '',
  },
  {
    key: 'tw-pdpa-enforcement-rules',
    nameZh: '個人資料保護法施行細則',
    nameEn: 'Enforcement Rules of the Personal Data Protection Act',
    kind: 'regulation',
    authority: '個人資料保護委員會 (Personal Data Protection Commission)',
    reference: '個人資料保護法施行細則',
    url: lawSearch('個人資料保護法施行細則'),
    status: 'in_force',
    applicable: true,
    applicabilityNote: '',
    keyDates: [],
    obligations: [
      {
        text: '安全維護措施之項目（如人員管理、稽核機制）(items of the security measures)',
        requirements: [],
      },
    ],
    notes: '',
  },
  {
    key: 'tw-copyright',
    nameZh: '著作權法',
    nameEn: 'Copyright Act',
    kind: 'law',
    authority: '經濟部智慧財產局 (Intellectual Property Office)',
    reference: '著作權法',
    url: lawSearch('著作權法'),
    status: 'in_force',
    applicable: true,
    applicabilityNote: '軟體授權及著作之合法使用 (licensed software and lawful use of works)',
    keyDates: [],
    obligations: [{ text: '使用合法授權之軟體 (use properly licensed software)', requirements: [] }],
    notes: '',
  },
];
