import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ObligationProfileView,
  obligationGenerateResponse,
  obligationProfileResponse,
} from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { useUserOptions } from '../org/useUserOptions.js';
import { obligationsKey } from './api.js';

/** The organisation's level and the date it took effect, the frameworks in use, and "generate/refresh". */
export function ProfilePanel({ profile }: { profile: ObligationProfileView }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const canManage = can('obligations.manage');
  const language = useLanguage();
  const formatDateTime = useFormatDateTime();
  const users = useUserOptions();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState(profile.anchorOn ?? '');
  const invalidate = () => queryClient.invalidateQueries({ queryKey: obligationsKey });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.patch('/api/obligations/profile', obligationProfileResponse, body),
    onSuccess: invalidate,
  });
  const generate = useMutation({
    mutationFn: () => api.post('/api/obligations/generate', obligationGenerateResponse),
    onSuccess: invalidate,
  });

  if (!profile.level)
    return (
      <Alert color="yellow" title={t('obligations.profile.noLevelTitle')} mb="md">
        <Text size="sm">{t('obligations.profile.noLevel')}</Text>
        {can('org.manage') ? (
          <Anchor component={Link} to="/admin/org" size="sm">
            {t('obligations.profile.setLevel')}
          </Anchor>
        ) : null}
      </Alert>
    );

  const frameworks = profile.availableFrameworks.map((f) => ({
    value: f.key,
    label: language === 'zh-TW' ? f.nameZh : f.nameEn,
  }));
  for (const key of profile.frameworksInUse)
    if (!frameworks.some((f) => f.value === key)) frameworks.push({ value: key, label: key });

  return (
    <Card withBorder component="section" aria-labelledby="obligation-profile" mb="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text id="obligation-profile" fw={600} component="h2" size="lg" m={0}>
            {t('obligations.profile.title')}
          </Text>
          <Badge size="lg" variant="light">
            {t('obligations.profile.level', { level: profile.level })}
          </Badge>
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t('obligations.profile.anchor')}
            description={profile.anchorIsDefault ? t('obligations.profile.anchorDefault') : undefined}
            value={anchor}
            max={profile.today}
            onChange={(e) => setAnchor(e.currentTarget.value)}
            readOnly={!canManage}
            w={220}
          />
          {canManage ? (
            <Button
              variant="default"
              disabled={!anchor || anchor === profile.anchorOn}
              loading={save.isPending}
              onClick={() => save.mutate({ anchorOn: anchor })}
            >
              {t('obligations.profile.saveAnchor')}
            </Button>
          ) : null}
          <MultiSelect
            label={t('obligations.profile.frameworks')}
            data={frameworks}
            value={profile.frameworksInUse}
            readOnly={!canManage}
            onChange={(v) => v.length > 0 && save.mutate({ frameworksInUse: v })}
            w={340}
          />
          {canManage && users.allowed ? (
            <Select
              label={t('obligations.profile.defaultOwner')}
              data={users.options}
              value={profile.defaultOwner?.id ?? null}
              clearable
              searchable
              onChange={(v) => save.mutate({ defaultOwnerId: v })}
              w={260}
            />
          ) : (
            <TextInput
              label={t('obligations.profile.defaultOwner')}
              value={profile.defaultOwner?.displayName ?? '—'}
              readOnly
              w={220}
            />
          )}
        </Group>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {profile.generatedAt
              ? t('obligations.profile.generatedAt', {
                  at: formatDateTime(profile.generatedAt),
                  level: profile.generatedLevel ?? '—',
                })
              : t('obligations.profile.neverGenerated')}
          </Text>
          {profile.needsRefresh ? (
            <StatusBadge tone="danger">{t('obligations.profile.needsRefresh')}</StatusBadge>
          ) : null}
          {canManage ? (
            <Button ml="auto" loading={generate.isPending} onClick={() => generate.mutate()}>
              {profile.generatedAt ? t('obligations.profile.refresh') : t('obligations.profile.generate')}
            </Button>
          ) : null}
        </Group>
        {generate.data ? (
          <Text size="sm" role="status">
            {t('obligations.profile.result', {
              active: generate.data.obligations.active,
              created: generate.data.tasks.created,
              cancelled: generate.data.tasks.cancelled,
              reopened: generate.data.tasks.reopened,
            })}
          </Text>
        ) : null}
        <ErrorAlert error={save.error ?? generate.error} />
      </Stack>
    </Card>
  );
}
