import { Alert } from '@mantine/core';
import type { Permission } from '@vigil/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../api/session.js';
import { PageHeading } from './PageHeading.js';

interface RequirePermissionProps {
  /** null: anyone signed in; a list: any one of them. */
  permission: Permission | readonly Permission[] | null;
  children: ReactNode;
}

/** Shows the page only to users holding the permission (or one of them); the server enforces the same rule. */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const { t } = useTranslation();
  const can = usePermissions();
  const allowed =
    permission === null || (typeof permission === 'string' ? [permission] : permission).some(can);
  if (allowed) return children;
  return (
    <>
      <PageHeading title={t('errors.forbiddenTitle')} />
      <Alert color="yellow" variant="light">
        {t('errors.auth.forbidden')}
      </Alert>
    </>
  );
}
