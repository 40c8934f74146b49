import type { Config } from '../config.js';
import { loadAssetDemo } from '../modules/assets/assets.demo.js';
import { loadComplianceDemo } from '../modules/compliance/compliance.demo.js';
import { loadDocumentDemo } from '../modules/documents/documents.demo.js';
import { loadObligationDemo } from '../modules/obligations/obligations.demo.js';
import { loadRegulationDemo } from '../modules/regulations/regulations.demo.js';
import { loadRiskDemo } from '../modules/risks/risks.demo.js';
import { temporaryPassword } from '../platform/auth/passwords.js';
import type { Services } from '../services.js';
import { cliActor, EXIT, withPlatform } from './util.js';

interface DemoUnit {
  key: string;
  name: string;
  code: string;
  parent?: string;
}

const UNITS: DemoUnit[] = [
  { key: 'it', name: '資訊局', code: 'IT' },
  { key: 'sec', name: '資訊安全科', code: 'IT-SEC', parent: 'it' },
  { key: 'sys', name: '系統管理科', code: 'IT-SYS', parent: 'it' },
  { key: 'net', name: '網路管理科', code: 'IT-NET', parent: 'it' },
  { key: 'app', name: '應用服務科', code: 'IT-APP', parent: 'it' },
  { key: 'sect', name: '秘書室', code: 'SECR' },
  { key: 'eth', name: '政風室', code: 'ETH' },
  { key: 'hr', name: '人事室', code: 'HR' },
];

const USERS = [
  {
    username: 'lin.admin',
    displayName: '林志明',
    email: 'lin.admin@demo.example.tw',
    roles: ['admin'],
    unit: 'it',
    heads: 'it',
  },
  {
    username: 'chen.se',
    displayName: '陳怡君',
    email: 'chen.se@demo.example.tw',
    roles: ['security_engineer'],
    unit: 'sec',
    heads: 'sec',
  },
  {
    username: 'wang.sa',
    displayName: '王俊傑',
    email: 'wang.sa@demo.example.tw',
    roles: ['security_assistant'],
    unit: 'sec',
  },
  {
    username: 'huang.audit',
    displayName: '黃淑芬',
    email: 'huang.audit@demo.example.tw',
    roles: ['auditor'],
    unit: 'eth',
    heads: 'eth',
  },
  {
    username: 'lee.sys',
    displayName: '李建宏',
    email: 'lee.sys@demo.example.tw',
    roles: ['asset_owner'],
    unit: 'sys',
    heads: 'sys',
  },
  {
    username: 'wu.app',
    displayName: '吳承翰',
    email: 'wu.app@demo.example.tw',
    roles: ['asset_owner'],
    unit: 'app',
    heads: 'app',
  },
  {
    username: 'tsai.net',
    displayName: '蔡宗翰',
    email: 'tsai.net@demo.example.tw',
    roles: ['asset_owner'],
    unit: 'net',
    heads: 'net',
  },
  {
    username: 'chang.view',
    displayName: '張雅婷',
    email: 'chang.view@demo.example.tw',
    roles: ['viewer'],
    unit: 'sect',
    heads: 'sect',
  },
  {
    username: 'liu.hr',
    displayName: '劉美玲',
    email: 'liu.hr@demo.example.tw',
    roles: ['viewer'],
    unit: 'hr',
    heads: 'hr',
  },
] as const;

/** Loads the sample organisation; returns the shared demo password, or null if the database is not empty. */
export async function loadDemo(s: Services): Promise<string | null> {
  const anyUser = await s.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return null;
  const ctx = cliActor();
  await s.org.update(ctx, { name: '示範市政府資訊局', responsibilityLevel: 'B', timeZone: 'Asia/Taipei' });
  const unitIds = new Map<string, string>();
  for (const u of UNITS) {
    const created = await s.org.createUnit(ctx, {
      name: u.name,
      code: u.code,
      parentId: u.parent ? unitIds.get(u.parent) : null,
    });
    unitIds.set(u.key, created.id);
  }
  // One strong password for every demo account, printed once; demo accounts skip the forced change.
  const password = `Demo-${temporaryPassword()}`;
  for (const u of USERS) {
    const created = await s.users.create(ctx, {
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      roles: [...u.roles],
      unitId: unitIds.get(u.unit) ?? null,
      password,
      mustChangePassword: false,
    });
    if ('heads' in u) await s.org.updateUnit(ctx, unitIds.get(u.heads)!, { headUserId: created.user.id });
  }
  await loadAssetDemo(s, ctx);
  await loadRiskDemo(s, ctx);
  // The ISMS modules (issue 4): applied controls and evidence, the level-B obligations calendar, the
  // information security policy awaiting acknowledgements, the regulations register with owners.
  await loadComplianceDemo(s, ctx);
  await loadObligationDemo(s);
  await loadDocumentDemo(s);
  await loadRegulationDemo(s, ctx);
  await s.db.deleteFrom('setup_tokens').execute();
  return password;
}

export async function demo(config: Config): Promise<number> {
  return withPlatform(config, async (s) => {
    const password = await loadDemo(s);
    if (!password) {
      console.error(
        'vigil demo: the database already has users; demo data is only loaded into an empty database',
      );
      return EXIT.failed;
    }
    console.log(
      'Loaded the demo organisation 示範市政府資訊局 (responsibility level B) with 8 units and these users:\n',
    );
    for (const u of USERS) console.log(`  ${u.username.padEnd(12)} ${u.displayName}  ${u.roles.join(', ')}`);
    console.log(
      '\nWith assets, risk assessments, applied controls and evidence, an approved Statement of Applicability,\n' +
        'the level-B obligations calendar, the information security policy awaiting acknowledgements and\n' +
        'the regulations register.',
    );
    console.log(`\nEvery demo account uses the password: ${password}`);
    return EXIT.ok;
  });
}
