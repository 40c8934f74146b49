/**
 * Every permission Vigil knows, named `<area>.<action>`. Routes declare one of these, or one of the
 * two pseudo-permissions: `public` (no sign-in) and `authenticated` (any signed-in user, for self-service).
 */
export const PERMISSIONS = {
  'users.read': { en: 'View users', zh: '檢視使用者' },
  'users.manage': { en: 'Create, change, disable and unlock users', zh: '新增、修改、停用及解鎖使用者' },
  'roles.read': { en: 'View roles and permissions', zh: '檢視角色與權限' },
  'roles.manage': { en: 'Create and change roles', zh: '新增及修改角色' },
  'audit.read': { en: 'Read the audit trail', zh: '查閱稽核軌跡' },
  'audit.export': { en: 'Export the audit trail', zh: '匯出稽核軌跡' },
  'audit.verify': { en: 'Verify the audit trail chain', zh: '驗證稽核軌跡完整性' },
  'settings.read': { en: 'View system settings', zh: '檢視系統設定' },
  'settings.manage': { en: 'Change system settings', zh: '修改系統設定' },
  'org.read': { en: 'View the organisation profile and units', zh: '檢視機關資料與單位' },
  'org.manage': { en: 'Change the organisation profile and units', zh: '修改機關資料與單位' },
  'assets.read': { en: 'View the whole asset inventory', zh: '檢視全部資產清冊' },
  'assets.manage': {
    en: 'Create, change, import and retire assets; asset valuation settings',
    zh: '新增、修改、匯入及除役資產；資產價值評估設定',
  },
  'assets.confirm': {
    en: 'See and confirm the assets one owns (inventory confirmation)',
    zh: '檢視並確認本人擁有之資產（資產盤點確認）',
  },
  'assets.campaigns': { en: 'Open and close inventory confirmation campaigns', zh: '發起及結束資產盤點作業' },
  'risks.read': { en: 'View the risk register, assessments and plans', zh: '檢視風險清單、評估與處理計畫' },
  'risks.manage': {
    en: 'Run risk assessments, edit scenarios, treatment plans and catalogues',
    zh: '執行風險評估，編修風險情境、處理計畫與威脅弱點目錄',
  },
  'risks.treat': {
    en: 'Work on the risks and treatment items one owns, re-rate them, accept within the criteria',
    zh: '處理本人負責之風險與處理項目、重新評等，並於準則內接受風險',
  },
  'risks.methodology': { en: 'Draft the risk methodology', zh: '擬訂風險評估方法' },
  'risks.approve': {
    en: 'Approve the risk methodology and accept risks above the criteria',
    zh: '核定風險評估方法，並核准超出準則之風險接受',
  },
  'compliance.read': {
    en: 'View frameworks, applied controls, evidence, compliance assessments, the SoA and the regulations register',
    zh: '檢視框架、控制措施、佐證、符合性評估、適用性聲明及適用法規清單',
  },
  'compliance.manage': {
    en: 'Import frameworks; edit controls, evidence, assessments, SoA drafts and the regulations register',
    zh: '匯入框架；編修控制措施、佐證、符合性評估、適用性聲明草稿及適用法規清單',
  },
  'compliance.approve': { en: 'Approve the Statement of Applicability', zh: '核定適用性聲明' },
  'obligations.read': { en: 'View the obligations calendar', zh: '檢視法遵義務行事曆' },
  'obligations.manage': {
    en: 'Plan obligations: generate the calendar, assign owners and due dates',
    zh: '規劃法遵義務：產生行事曆、指派負責人與期限',
  },
  'obligations.work': {
    en: 'Complete the obligation tasks one owns, with evidence',
    zh: '以佐證完成本人負責之法遵義務',
  },
  'documents.read': { en: 'Read ISMS documents and their versions', zh: '閱覽資訊安全管理制度文件及其版本' },
  'documents.manage': {
    en: 'Create documents, draft versions, distribute policies, manage record retention',
    zh: '新增文件、撰擬版本、發布政策並管理紀錄保存',
  },
  'documents.approve': {
    en: 'Review and approve document versions; approve record disposal',
    zh: '審查及核定文件版本；核准紀錄銷毀',
  },
  'notifications.manage': { en: 'Configure outgoing e-mail', zh: '設定寄送電子郵件' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
/** A list means any one of those permissions (e.g. the whole inventory, or only one's own assets). */
export type RouteAccess = Permission | readonly Permission[] | 'public' | 'authenticated';

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** Read-only permissions: what an auditor holds. A permission is read-only when it changes nothing. */
export const READ_ONLY_PERMISSIONS: Permission[] = ALL_PERMISSIONS.filter(
  (p) => p.endsWith('.read') || p === 'audit.verify' || p === 'audit.export',
);

export const BUILTIN_ROLES = {
  admin: {
    en: 'Administrator',
    zh: '系統管理者',
    descriptionEn: 'Full control of Vigil, including users, roles and settings.',
    descriptionZh: '完整管理守望，包括使用者、角色與系統設定。',
    permissions: ALL_PERMISSIONS,
  },
  security_engineer: {
    en: 'Security engineer',
    zh: '資訊安全工程師',
    descriptionEn: 'Runs the ISMS and security operations.',
    descriptionZh: '推動資訊安全管理制度及資安維運。',
    permissions: [
      'users.read',
      'roles.read',
      'audit.read',
      'audit.export',
      'audit.verify',
      'org.read',
      'settings.read',
      'assets.read',
      'assets.manage',
      'assets.confirm',
      'assets.campaigns',
      'risks.read',
      'risks.manage',
      'risks.treat',
      'risks.methodology',
      'compliance.read',
      'compliance.manage',
      'obligations.read',
      'obligations.manage',
      'obligations.work',
      'documents.read',
      'documents.manage',
    ],
  },
  security_assistant: {
    en: 'Security assistant',
    zh: '網路資訊安全助理',
    descriptionEn: 'Day-to-day monitoring, hardening and records.',
    descriptionZh: '執行日常監控、主機強化與紀錄。',
    permissions: [
      'users.read',
      'org.read',
      'assets.read',
      'assets.confirm',
      'risks.read',
      'compliance.read',
      'obligations.read',
      'obligations.work',
      'documents.read',
    ],
  },
  auditor: {
    en: 'Auditor',
    zh: '稽核人員',
    descriptionEn: 'Reads everything, changes nothing.',
    descriptionZh: '可查閱所有資料，但不能變更。',
    permissions: READ_ONLY_PERMISSIONS,
  },
  asset_owner: {
    en: 'Asset owner',
    zh: '資產擁有者',
    descriptionEn: 'Confirms and owns assets and risks of their unit.',
    descriptionZh: '確認並負責所屬單位之資產與風險。',
    permissions: ['org.read', 'assets.confirm', 'risks.treat', 'obligations.work'],
  },
  viewer: {
    en: 'Viewer',
    zh: '檢視者',
    descriptionEn: 'Reads the organisation profile.',
    descriptionZh: '檢視機關基本資料。',
    permissions: ['org.read'],
  },
} as const satisfies Record<
  string,
  { en: string; zh: string; descriptionEn: string; descriptionZh: string; permissions: readonly Permission[] }
>;
export type BuiltinRoleId = keyof typeof BUILTIN_ROLES;
