import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { RoleView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DataTable } from '../../components/DataTable.js';
import { useConfirmedDelete } from '../../components/useConfirmedDelete.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { roleName, rolesKey } from './api.js';

interface RoleTableProps {
  roles: RoleView[];
  canManage: boolean;
  onEdit: (role: RoleView) => void;
}

/** All roles; built-in ones are read-only, custom ones can be edited or deleted when unused. */
export function RoleTable({ roles, canManage, onEdit }: RoleTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const deletion = useConfirmedDelete<RoleView>((id) => `/api/roles/${encodeURIComponent(id)}`, rolesKey);

  return (
    <>
      <DataTable
        minWidth={720}
        caption={t('roles.caption')}
        columns={[t('roles.name'), t('roles.id'), t('roles.permissionCount'), t('roles.userCount')]}
        withActions={canManage}
      >
        {roles.map((role) => (
          <Table.Tr key={role.id}>
            <Table.Td>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {roleName(role, language)}
                </Text>
                {role.builtin ? (
                  <Badge size="sm" variant="light" color="gray">
                    {t('roles.builtin')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {language === 'zh-TW' ? role.descriptionZh : role.descriptionEn}
              </Text>
            </Table.Td>
            <Table.Td ff="monospace">{role.id}</Table.Td>
            <Table.Td>{role.permissions.length}</Table.Td>
            <Table.Td>{role.userCount}</Table.Td>
            {canManage ? (
              <Table.Td>
                {role.builtin ? (
                  <Text size="xs" c="dimmed">
                    {t('roles.readOnly')}
                  </Text>
                ) : (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => onEdit(role)}
                      aria-label={t('roles.editNamed', { name: roleName(role, language) })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => deletion.ask(role)}
                      aria-label={t('roles.deleteNamed', { name: roleName(role, language) })}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmModal
        {...deletion.confirmProps}
        title={t('roles.delete')}
        message={t('roles.deleteConfirm', {
          name: deletion.target ? roleName(deletion.target, language) : '',
        })}
        confirmLabel={t('common.delete')}
      />
    </>
  );
}
