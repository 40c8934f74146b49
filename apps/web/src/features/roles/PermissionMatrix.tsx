import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { RoleView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage.js';
import { roleName } from './api.js';

interface PermissionMatrixProps {
  roles: RoleView[];
  permissions: { name: string; en: string; zh: string }[];
}

/** Which role holds which permission: permissions down, roles across. */
export function PermissionMatrix({ roles, permissions }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={320 + roles.length * 110}>
      <Table withTableBorder withColumnBorders striped>
        <Table.Caption>{t('roles.matrixCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('roles.permission')}</Table.Th>
            {roles.map((role) => (
              <Table.Th key={role.id} scope="col" ta="center">
                {roleName(role, language)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {permissions.map((permission) => (
            <Table.Tr key={permission.name}>
              <Table.Th scope="row" fw={400}>
                <Text size="sm">{language === 'zh-TW' ? permission.zh : permission.en}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {permission.name}
                </Text>
              </Table.Th>
              {roles.map((role) => {
                const held = role.permissions.includes(permission.name);
                return (
                  <Table.Td key={role.id} ta="center">
                    <Text component="span" c={held ? 'teal' : 'dimmed'} fw={held ? 700 : 400}>
                      <span aria-hidden="true">{held ? '✓' : '–'}</span>
                      <VisuallyHidden>{held ? t('roles.granted') : t('roles.notGranted')}</VisuallyHidden>
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
