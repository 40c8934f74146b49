import type { Permission } from '@vigil/contracts';
import type { ParseKeys } from 'i18next';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export type NavSection = 'main' | 'admin';

/** One screen of Vigil: where it lives, who may open it, and how it is named in the navigation. */
export interface ModuleEntry {
  id: string;
  path: string;
  labelKey: ParseKeys;
  section: NavSection;
  /** null: any signed-in user; a list: holders of any one of them. */
  permission: Permission | readonly Permission[] | null;
  page: LazyExoticComponent<ComponentType>;
}

/**
 * Every module in the navigation. A new module adds one entry here; the navbar and the routes are
 * built from this list. Pages are loaded on first use, so each module is its own bundle.
 */
export const MODULES: readonly ModuleEntry[] = [
  {
    id: 'home',
    path: '/',
    labelKey: 'nav.home',
    section: 'main',
    permission: null,
    page: lazy(() => import('../features/home/HomePage.js').then((m) => ({ default: m.HomePage }))),
  },
  {
    id: 'assets',
    path: '/assets',
    labelKey: 'assets.nav',
    section: 'main',
    permission: ['assets.read', 'assets.confirm'],
    page: lazy(() => import('../features/assets/AssetsPage.js').then((m) => ({ default: m.AssetsPage }))),
  },
  {
    id: 'risks',
    path: '/risks',
    labelKey: 'risks.nav',
    section: 'main',
    permission: ['risks.read', 'risks.treat'],
    page: lazy(() => import('../features/risks/RisksPage.js').then((m) => ({ default: m.RisksPage }))),
  },
  {
    id: 'compliance',
    path: '/compliance',
    labelKey: 'compliance.nav',
    section: 'main',
    permission: 'compliance.read',
    page: lazy(() =>
      import('../features/compliance/CompliancePage.js').then((m) => ({ default: m.CompliancePage })),
    ),
  },
  {
    id: 'obligations',
    path: '/obligations',
    labelKey: 'obligations.nav',
    section: 'main',
    permission: ['obligations.read', 'obligations.work', 'obligations.manage'],
    page: lazy(() =>
      import('../features/obligations/ObligationsPage.js').then((m) => ({ default: m.ObligationsPage })),
    ),
  },
  {
    id: 'documents',
    path: '/documents',
    labelKey: 'documents.nav',
    section: 'main',
    permission: null,
    page: lazy(() =>
      import('../features/documents/DocumentsPage.js').then((m) => ({ default: m.DocumentsPage })),
    ),
  },
  {
    id: 'frameworks',
    path: '/frameworks',
    labelKey: 'frameworks.nav',
    section: 'main',
    permission: 'compliance.read',
    page: lazy(() =>
      import('../features/frameworks/FrameworksPage.js').then((m) => ({ default: m.FrameworksPage })),
    ),
  },
  {
    id: 'regulations',
    path: '/regulations',
    labelKey: 'regulations.nav',
    section: 'main',
    permission: 'compliance.read',
    page: lazy(() =>
      import('../features/regulations/RegulationsPage.js').then((m) => ({ default: m.RegulationsPage })),
    ),
  },
  {
    id: 'users',
    path: '/admin/users',
    labelKey: 'nav.users',
    section: 'admin',
    permission: 'users.read',
    page: lazy(() => import('../features/users/UsersPage.js').then((m) => ({ default: m.UsersPage }))),
  },
  {
    id: 'roles',
    path: '/admin/roles',
    labelKey: 'nav.roles',
    section: 'admin',
    permission: 'roles.read',
    page: lazy(() => import('../features/roles/RolesPage.js').then((m) => ({ default: m.RolesPage }))),
  },
  {
    id: 'audit',
    path: '/admin/audit',
    labelKey: 'nav.audit',
    section: 'admin',
    permission: 'audit.read',
    page: lazy(() => import('../features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage }))),
  },
  {
    id: 'settings',
    path: '/admin/settings',
    labelKey: 'nav.settings',
    section: 'admin',
    permission: 'settings.read',
    page: lazy(() =>
      import('../features/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
    ),
  },
  {
    id: 'notifications',
    path: '/admin/notifications',
    labelKey: 'notifications.nav',
    section: 'admin',
    permission: 'notifications.manage',
    page: lazy(() =>
      import('../features/notifications/NotificationsPage.js').then((m) => ({
        default: m.NotificationsPage,
      })),
    ),
  },
  {
    id: 'org',
    path: '/admin/org',
    labelKey: 'nav.org',
    section: 'admin',
    permission: 'org.read',
    page: lazy(() => import('../features/org/OrgPage.js').then((m) => ({ default: m.OrgPage }))),
  },
];

export const NAV_SECTIONS: readonly { id: NavSection; labelKey: ParseKeys | null }[] = [
  { id: 'main', labelKey: null },
  { id: 'admin', labelKey: 'nav.administration' },
];

/** The modules a user with these permissions may open. */
export function visibleModules(permissions: readonly string[]): ModuleEntry[] {
  return MODULES.filter((m) => {
    if (m.permission === null) return true;
    const anyOf: readonly Permission[] = typeof m.permission === 'string' ? [m.permission] : m.permission;
    return anyOf.some((p) => permissions.includes(p));
  });
}
