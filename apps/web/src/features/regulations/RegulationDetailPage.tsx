import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, REGULATION_KIND_LABELS, REGULATION_STATUS_LABELS, regulationResponse } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { Field } from '../risks/components/Field.js';
import { useBilingual } from '../risks/labels.js';
import { regulationPath, regulationsKey, useRegulation } from './api.js';
import { RegulationFormModal } from './RegulationFormModal.js';

/** One register entry: what it requires, its review, "mark reviewed", edit and delete. */
export function RegulationDetailPage() {
  const { t } = useTranslation();
  const { regulationId } = useParams();
  const entry = useRegulation(regulationId);
  const can = usePermissions();
  const canManage = can('compliance.manage');
  const language = useLanguage();
  const text = useBilingual();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [reviewedOn, setReviewedOn] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: regulationsKey });
  const review = useMutation({
    mutationFn: () =>
      api.post(
        `${regulationPath(regulationId ?? '')}/review`,
        regulationResponse,
        reviewedOn ? { reviewedOn } : {},
      ),
    onSuccess: async () => {
      setReviewedOn('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(regulationPath(regulationId ?? ''), ok),
    onSuccess: async () => {
      await refresh();
      navigate('/regulations');
    },
  });

  if (entry.isPending) return <LoadingScreen />;
  if (!entry.data) return <ErrorAlert error={entry.error} />;
  const r = entry.data;
  const name = language === 'zh-TW' ? r.nameZh : r.nameEn;

  return (
    <>
      <Anchor component={Link} to="/regulations" size="sm">
        {t('regulations.back')}
      </Anchor>
      <PageHeading title={name}>
        {canManage ? (
          <>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button variant="default" color="red" onClick={() => setDeleting(true)}>
              {t('common.delete')}
            </Button>
          </>
        ) : null}
      </PageHeading>
      <Stack gap="md">
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('regulations.fields.otherName')}>
              {language === 'zh-TW' ? r.nameEn : r.nameZh}
            </Field>
            <Field label={t('regulations.fields.kind')}>{text(REGULATION_KIND_LABELS[r.kind])}</Field>
            <Field label={t('common.status')}>{text(REGULATION_STATUS_LABELS[r.status])}</Field>
            <Field label={t('regulations.fields.authority')}>{r.authority || '—'}</Field>
            <Field label={t('regulations.fields.reference')}>
              {r.reference || '—'}
              {r.url ? (
                <>
                  {' '}
                  <Anchor href={r.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {t('regulations.openSource')}
                  </Anchor>
                </>
              ) : null}
            </Field>
            <Field label={t('regulations.fields.owner')}>{r.owner?.displayName ?? '—'}</Field>
            <Field label={t('regulations.fields.applicable')}>
              {r.applicable ? t('regulations.yes') : t('regulations.no')}
              {r.applicabilityNote ? ` — ${r.applicabilityNote}` : ''}
            </Field>
            <Field label={t('regulations.fields.lastReviewed')}>
              {r.lastReviewedOn ?? t('regulations.neverReviewed')}
            </Field>
            <Field label={t('regulations.fields.nextReview')}>
              {r.nextReviewOn ?? '—'} ({t('regulations.everyMonths', { count: r.reviewMonths })})
              {r.reviewDue ? (
                <Badge ml="xs" color="red.9" variant="outline" miw="max-content">
                  {t('regulations.reviewDue')}
                </Badge>
              ) : null}
            </Field>
          </SimpleGrid>
          {r.notes ? (
            <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.notes}
            </Text>
          ) : null}
        </Card>
        <Card withBorder component="section" aria-labelledby="reg-obligations">
          <Title order={2} size="h4" id="reg-obligations" mb="xs">
            {t('regulations.fields.obligations')}
          </Title>
          {r.obligations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('regulations.noObligations')}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {r.obligations.map((o) => (
                <List.Item key={o.text}>
                  {o.text}
                  {o.requirements.length > 0 ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({o.requirements.map((x) => `${x.framework} ${x.ref}`).join(', ')})
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          )}
          {r.keyDates.length > 0 ? (
            <>
              <Title order={3} size="h5" mt="md" mb="xs">
                {t('regulations.fields.keyDates')}
              </Title>
              <List size="sm" spacing={2}>
                {r.keyDates.map((d) => (
                  <List.Item key={`${d.on}:${d.en}`}>
                    {d.on} {language === 'zh-TW' ? d.zh : d.en}
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Card>
        {canManage ? (
          <Card withBorder component="section" aria-label={t('regulations.markReviewed')}>
            <Group align="flex-end" gap="sm">
              <TextInput
                type="date"
                label={t('regulations.reviewedOn')}
                description={t('regulations.reviewedOnHint')}
                value={reviewedOn}
                onChange={(e) => setReviewedOn(e.currentTarget.value)}
                w={220}
              />
              <Button loading={review.isPending} onClick={() => review.mutate()}>
                {t('regulations.markReviewed')}
              </Button>
            </Group>
            <ErrorAlert error={review.error} />
            {review.data ? (
              <Alert color="teal" variant="light" role="status" mt="sm">
                {t('regulations.reviewed', {
                  on: review.data.lastReviewedOn ?? '—',
                  next: review.data.nextReviewOn ?? '—',
                })}
              </Alert>
            ) : null}
          </Card>
        ) : null}
      </Stack>
      {editing ? <RegulationFormModal entry={r} onClose={() => setEditing(false)} /> : null}
      <ConfirmModal
        opened={deleting}
        title={t('regulations.deleteTitle')}
        message={t('regulations.deleteMessage', { name })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}
