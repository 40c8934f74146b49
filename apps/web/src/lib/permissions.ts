import { isPermission, PERMISSIONS } from '@vigil/contracts';

/** A permission's name in the UI language; unknown names are shown as they are. */
export function permissionLabel(name: string, language: string): string {
  if (!isPermission(name)) return name;
  return language === 'zh-TW' ? PERMISSIONS[name].zh : PERMISSIONS[name].en;
}
