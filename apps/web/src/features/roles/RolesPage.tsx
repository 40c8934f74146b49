import { Button, Tabs } from '@mantine/core';
import type { RoleView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { usePermissionList, useRoles } from './api.js';
import { PermissionMatrix } from './PermissionMatrix.js';
import { RoleFormModal } from './RoleFormModal.js';
import { RoleTable } from './RoleTable.js';

type Editing = { role: RoleView | null } | null;

export function RolesPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const canManage = can('roles.manage');
  const roles = useRoles();
  const permissions = usePermissionList();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <>
      <PageHeading title={t('roles.title')}>
        {canManage ? <Button onClick={() => setEditing({ role: null })}>{t('roles.create')}</Button> : null}
      </PageHeading>
      <ErrorAlert error={roles.error ?? permissions.error} />
      {roles.isPending || permissions.isPending ? <LoadingScreen /> : null}
      {roles.data && permissions.data ? (
        <Tabs defaultValue="list" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="list">{t('roles.tabList')}</Tabs.Tab>
            <Tabs.Tab value="matrix">{t('roles.tabMatrix')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="list">
            <RoleTable
              roles={roles.data.items}
              canManage={canManage}
              onEdit={(role) => setEditing({ role })}
            />
          </Tabs.Panel>
          <Tabs.Panel value="matrix">
            <PermissionMatrix roles={roles.data.items} permissions={permissions.data.items} />
          </Tabs.Panel>
        </Tabs>
      ) : null}
      {editing && permissions.data ? (
        <RoleFormModal
          key={editing.role?.id ?? 'new'}
          role={editing.role}
          permissions={permissions.data.items}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
