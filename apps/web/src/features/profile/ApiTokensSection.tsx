import { Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { ApiTokenView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useConfirmedDelete } from '../../components/useConfirmedDelete.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { permissionLabel } from '../../lib/permissions.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { tokensKey, useApiTokens } from './api.js';
import { CreateTokenModal } from './CreateTokenModal.js';

function tokenStatus(token: ApiTokenView, now: number): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

const STATUS_TONE = { active: 'success', expired: 'neutral', revoked: 'danger' } as const;

/** The user's API tokens: what each may do, when it was last used, and revoking it. */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDateTime = useFormatDateTime();
  const tokens = useApiTokens();
  const [creating, setCreating] = useState(false);
  const now = Date.now();

  // Revoking is a DELETE; the token stays listed as revoked.
  const revoking = useConfirmedDelete<ApiTokenView>(
    (id) => `/api/me/tokens/${encodeURIComponent(id)}`,
    tokensKey,
  );

  const items = tokens.data?.items ?? [];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('tokens.explain')}
      </Text>
      <ErrorAlert error={tokens.error} />
      {items.length === 0 && tokens.isSuccess ? <Text size="sm">{t('tokens.none')}</Text> : null}
      {items.length > 0 ? (
        <DataTable
          minWidth={640}
          caption={t('tokens.caption')}
          columns={[
            t('tokens.name'),
            t('tokens.permissions'),
            t('tokens.expires'),
            t('tokens.lastUsed'),
            t('common.status'),
          ]}
          withActions
        >
          {items.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <Table.Tr key={token.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {token.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {token.prefix}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip
                    label={token.permissions
                      .map((p) => permissionLabel(p, language))
                      .join(t('common.listSeparator'))}
                    multiline
                    w={280}
                  >
                    <Text size="sm" tabIndex={0}>
                      {t('tokens.permissionCount', { count: token.permissions.length })}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>{formatDateTime(token.expiresAt)}</Table.Td>
                <Table.Td>
                  {formatDateTime(token.lastUsedAt)}
                  {token.lastUsedIp ? (
                    <Text size="xs" c="dimmed">
                      {token.lastUsedIp}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={STATUS_TONE[status]}>{t(`tokens.status.${status}`)}</StatusBadge>
                </Table.Td>
                <Table.Td>
                  {status === 'revoked' ? null : (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => revoking.ask(token)}
                      aria-label={t('tokens.revokeNamed', { name: token.name })}
                    >
                      {t('tokens.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      ) : null}
      <Group>
        <Button onClick={() => setCreating(true)}>{t('tokens.create')}</Button>
      </Group>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        {...revoking.confirmProps}
        title={t('tokens.revoke')}
        message={t('tokens.revokeConfirm', { name: revoking.target?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
      />
    </Stack>
  );
}
