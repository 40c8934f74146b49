import { useQuery } from '@tanstack/react-query';
import { BUILTIN_ROLES, type BuiltinRoleId, permissionList, type RoleView, roleList } from '@vigil/contracts';
import { useCallback } from 'react';
import { api } from '../../api/client.js';
import { useActiveSession, usePermissions } from '../../api/session.js';
import { useLanguage } from '../../i18n/useLanguage.js';

export const rolesKey = ['roles'] as const;

export function useRoles(enabled = true) {
  return useQuery({ queryKey: rolesKey, queryFn: () => api.get('/api/roles', roleList), enabled });
}

export function usePermissionList() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => api.get('/api/permissions', permissionList),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function isBuiltinRoleId(id: string): id is BuiltinRoleId {
  return Object.hasOwn(BUILTIN_ROLES, id);
}

export function roleName(role: Pick<RoleView, 'nameEn' | 'nameZh'>, language: string): string {
  return language === 'zh-TW' ? role.nameZh : role.nameEn;
}

/**
 * Names roles by id in the current language: from the role list when the user may read it, else from
 * the names of the user's own roles in the session, else from the built-in names; unknown ids as they are.
 */
export function useRoleLabel(): (id: string) => string {
  const can = usePermissions();
  const session = useActiveSession();
  const roles = useRoles(can('roles.read'));
  const language = useLanguage();
  const items = roles.data?.items;
  return useCallback(
    (id: string) => {
      const role = items?.find((r) => r.id === id);
      if (role) return roleName(role, language);
      const own = session.roleNames[id];
      if (own) return language === 'zh-TW' ? own.zh : own.en;
      if (isBuiltinRoleId(id)) return language === 'zh-TW' ? BUILTIN_ROLES[id].zh : BUILTIN_ROLES[id].en;
      return id;
    },
    [items, language, session],
  );
}

/** Role choices for selects: the role list when readable, else the built-in roles. */
export function useRoleOptions(): { value: string; label: string }[] {
  const can = usePermissions();
  const roles = useRoles(can('roles.read'));
  const label = useRoleLabel();
  const ids = roles.data ? roles.data.items.map((r) => r.id) : Object.keys(BUILTIN_ROLES);
  return ids.map((id) => ({ value: id, label: label(id) }));
}
