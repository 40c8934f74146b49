import type { Database, DB, Dialect } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AssetIoService } from './modules/assets/asset-io.service.js';
import { AssetService } from './modules/assets/assets.service.js';
import { AuthService, DEFAULT_LOGIN_LIMITS, type LoginLimits } from './modules/auth/auth.service.js';
import { SessionService } from './modules/auth/sessions.service.js';
import { ComplianceService } from './modules/compliance/compliance.service.js';
import { DocumentService } from './modules/documents/documents.service.js';
import { FrameworkService } from './modules/frameworks/frameworks.service.js';
import { MeService } from './modules/me/me.service.js';
import { NotificationSettingsService } from './modules/notifications/notifications.service.js';
import { ObligationService } from './modules/obligations/obligations.service.js';
import { OrgService } from './modules/org/org.service.js';
import { RegulationService } from './modules/regulations/regulations.service.js';
import { RiskService } from './modules/risks/risks.service.js';
import { RoleService } from './modules/roles/roles.service.js';
import { SetupService } from './modules/setup/setup.service.js';
import { TokenService } from './modules/tokens/tokens.service.js';
import { UserService } from './modules/users/users.service.js';
import { AccessService } from './platform/access.js';
import { AuditService } from './platform/audit/audit.service.js';
import { PasswordHasher } from './platform/auth/passwords.js';
import type { Clock } from './platform/clock.js';
import type { KeyRing } from './platform/crypto/keyring.js';
import { SecretStore } from './platform/crypto/secret.store.js';
import { BlobStore } from './platform/files/blob-store.js';
import { JobScheduler } from './platform/jobs/scheduler.js';
import { NotificationService } from './platform/notify/notify.service.js';
import { SettingsService } from './platform/settings/settings.service.js';

export interface ServiceOptions {
  clock: Clock;
  keyRing: KeyRing;
  argon2MemoryKiB: number;
  /** Where the first-run token is written; null keeps it in the database only (tests). */
  setupTokenFile: string | null;
  loginLimits?: LoginLimits;
  /** Where uploaded files are kept by content hash (`<data dir>/files`). */
  blobDir: string;
  /** The configured public URL (`VIGIL_PUBLIC_URL`): links in e-mail use it unless the mail settings name one. */
  publicUrl?: string | null;
}

export interface Services {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  audit: AuditService;
  secrets: SecretStore;
  settings: SettingsService;
  hasher: PasswordHasher;
  access: AccessService;
  sessions: SessionService;
  tokens: TokenService;
  users: UserService;
  roles: RoleService;
  org: OrgService;
  auth: AuthService;
  me: MeService;
  setup: SetupService;
  assets: AssetService;
  assetIo: AssetIoService;
  risks: RiskService;
  blobs: BlobStore;
  notify: NotificationService;
  jobs: JobScheduler;
  notificationSettings: NotificationSettingsService;
  frameworks: FrameworkService;
  compliance: ComplianceService;
  obligations: ObligationService;
  regulations: RegulationService;
  documents: DocumentService;
}

/** Wires every service once; the HTTP layer, the CLI and the tests all start from here. */
export function createServices(database: Database, opts: ServiceOptions): Services {
  const { db, dialect } = database;
  const { clock } = opts;
  const audit = new AuditService(db, clock);
  const secrets = new SecretStore(db, opts.keyRing, clock);
  const settings = new SettingsService(db, audit, clock);
  const hasher = new PasswordHasher(opts.argon2MemoryKiB);
  const sessions = new SessionService(db, settings, clock);
  const users = new UserService(db, audit, settings, hasher, clock);
  const org = new OrgService(db, audit, clock);
  const assets = new AssetService(db, audit, settings, clock);
  const risks = new RiskService(db, audit, settings, assets, clock);
  const jobs = new JobScheduler({ db, clock });
  // The ISMS modules take the whole service set: they are wired below, once it exists, and look their
  // collaborators up at call time.
  const services = {
    db,
    dialect,
    clock,
    audit,
    secrets,
    settings,
    hasher,
    access: new AccessService(db),
    sessions,
    tokens: new TokenService(db, audit, clock),
    users,
    roles: new RoleService(db, audit, clock),
    org,
    auth: new AuthService(
      db,
      audit,
      settings,
      sessions,
      secrets,
      hasher,
      clock,
      opts.loginLimits ?? DEFAULT_LOGIN_LIMITS,
    ),
    me: new MeService(db, audit, settings, sessions, secrets, users, hasher, clock),
    setup: new SetupService(db, audit, users, org, clock, opts.setupTokenFile),
    assets,
    assetIo: new AssetIoService(db, audit, assets, org, clock),
    risks,
    blobs: new BlobStore(opts.blobDir),
    notify: new NotificationService({ db, clock, secrets, jobs, defaultPublicUrl: opts.publicUrl ?? null }),
    jobs,
  } as Services;
  services.notificationSettings = new NotificationSettingsService(services);
  services.frameworks = new FrameworkService(services);
  services.compliance = new ComplianceService(services);
  services.obligations = new ObligationService(services);
  services.regulations = new RegulationService(services);
  services.documents = new DocumentService(services);
  return services;
}

/** Start-up work that must happen before serving: built-in roles current, organisation row present. */
export async function bootstrap(s: Services): Promise<void> {
  await s.roles.syncBuiltins();
  await s.frameworks.bootstrap();
  await s.compliance.bootstrap();
  await s.obligations.bootstrap();
  await s.regulations.bootstrap();
  await s.documents.bootstrap();
  await s.notificationSettings.bootstrap();
}
