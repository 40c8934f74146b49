import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, type RoleView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
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
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<RoleView | null>(null);

  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/roles/${encodeURIComponent(id)}`, ok),
    onSuccess: async () => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: rolesKey });
    },
  });

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Caption>{t('roles.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('roles.name')}</Table.Th>
              <Table.Th>{t('roles.id')}</Table.Th>
              <Table.Th>{t('roles.permissionCount')}</Table.Th>
              <Table.Th>{t('roles.userCount')}</Table.Th>
              {canManage ? (
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
                          onClick={() => setDeleting(role)}
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
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={deleting !== null}
        title={t('roles.delete')}
        message={t('roles.deleteConfirm', { name: deleting ? roleName(deleting, language) : '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        loading={remove.isPending}
        error={remove.error}
        danger
      />
    </>
  );
}
