import { Badge, Button, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiTokenView, ok } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
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

const STATUS_COLOR = { active: 'teal.9', expired: 'gray', revoked: 'red.9' } as const;

/** The user's API tokens: what each may do, when it was last used, and revoking it. */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const formatDateTime = useFormatDateTime();
  const tokens = useApiTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const now = Date.now();

  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/tokens/${encodeURIComponent(id)}`, ok),
    onSuccess: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });

  const items = tokens.data?.items ?? [];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('tokens.explain')}
      </Text>
      <ErrorAlert error={tokens.error} />
      {items.length === 0 && tokens.isSuccess ? <Text size="sm">{t('tokens.none')}</Text> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t('tokens.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('tokens.permissions')}</Table.Th>
                <Table.Th>{t('tokens.expires')}</Table.Th>
                <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                      <Badge color={STATUS_COLOR[status]} variant="light">
                        {t(`tokens.status.${status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {status === 'revoked' ? null : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(token)}
                          aria-label={t('tokens.revokeNamed', { name: token.name })}
                        >
                          {t('tokens.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Group>
        <Button onClick={() => setCreating(true)}>{t('tokens.create')}</Button>
      </Group>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('tokens.revoke')}
        message={t('tokens.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        loading={revoke.isPending}
        error={revoke.error}
        danger
      />
    </Stack>
  );
}
