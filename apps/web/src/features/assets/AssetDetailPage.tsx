import { Alert, Anchor, Badge, Button, Stack, Tabs } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assetResponse, type DeleteAssetResponse, deleteAssetResponse } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { assetPath, assetsKey, useAsset, useValuationSettings } from './api.js';
import { AssetFields } from './detail/AssetFields.js';
import { HistorySection } from './detail/HistorySection.js';
import { RelationsSection } from './detail/RelationsSection.js';
import { useReferenceLabel } from './detail/references.js';

/** /assets/:assetId — the asset, its relations and its history. */
export function AssetDetailPage() {
  const { t } = useTranslation();
  const { assetId = '' } = useParams();
  const can = usePermissions();
  const canManage = can('assets.manage');
  const queryClient = useQueryClient();
  const asset = useAsset(assetId);
  const settings = useValuationSettings();
  const formatDateTime = useFormatDateTime();
  const referenceLabel = useReferenceLabel();
  const [tab, setTab] = useState<string | null>('details');
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState<DeleteAssetResponse | null>(null);

  const remove = useMutation({
    mutationFn: () => api.delete(assetPath(assetId), deleteAssetResponse),
    onSuccess: async (result) => {
      setConfirming(false);
      setDeleted(result);
      await queryClient.invalidateQueries({ queryKey: assetsKey });
    },
  });
  const restore = useMutation({
    mutationFn: () => api.post(`${assetPath(assetId)}/restore`, assetResponse),
    onSuccess: async () => {
      setDeleted(null);
      await queryClient.invalidateQueries({ queryKey: assetsKey });
    },
  });

  if (deleted?.outcome === 'deleted') {
    return (
      <>
        <PageHeading title={t('assets.detail.deletedTitle')} />
        <Alert color="teal" variant="light" role="status" mb="md">
          {t('assets.detail.deleted')}
        </Alert>
        <Anchor component={Link} to="/assets">
          {t('assets.detail.backToList')}
        </Anchor>
      </>
    );
  }
  if (asset.isPending) return <LoadingScreen />;
  if (!asset.data) {
    return (
      <>
        <PageHeading title={t('assets.title')} />
        <ErrorAlert error={asset.error} />
        <Anchor component={Link} to="/assets">
          {t('assets.detail.backToList')}
        </Anchor>
      </>
    );
  }
  const data = asset.data;
  const references = Object.entries(deleted?.references ?? {}).filter(([, n]) => n > 0);

  return (
    <>
      <PageHeading title={`${data.code} ${data.name}`}>
        <Anchor component={Link} to="/assets">
          {t('assets.detail.backToList')}
        </Anchor>
        {canManage && !data.archivedAt ? (
          <Button component={Link} to={`/assets/${data.id}/edit`}>
            {t('common.edit')}
          </Button>
        ) : null}
        {canManage && !data.archivedAt ? (
          <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
            {t('assets.actions.delete')}
          </Button>
        ) : null}
        {canManage && data.archivedAt ? (
          <Button variant="default" onClick={() => restore.mutate()} loading={restore.isPending}>
            {t('assets.actions.restore')}
          </Button>
        ) : null}
      </PageHeading>
      <Stack gap="md">
        {deleted?.outcome === 'archived' ? (
          <Alert color="indigo" variant="light" role="status" title={t('assets.detail.archivedTitle')}>
            {t('assets.detail.archivedBecause', {
              list:
                references
                  .map(([kind, n]) => `${referenceLabel(kind)}: ${n}`)
                  .join(t('common.listSeparator')) || '—',
            })}
          </Alert>
        ) : null}
        {data.archivedAt ? (
          <Alert color="gray" variant="light">
            <Badge variant="outline" color="gray.8" mr="xs">
              {t('assets.archived')}
            </Badge>
            {t('assets.detail.archivedAt', { at: formatDateTime(data.archivedAt) })}
          </Alert>
        ) : null}
        <ErrorAlert error={restore.error} />
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label={t('assets.detail.tabs')}>
            <Tabs.Tab value="details">{t('assets.detail.details')}</Tabs.Tab>
            <Tabs.Tab value="relations">{t('assets.detail.relations')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('assets.detail.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="details" pt="md">
            <Stack gap="md" maw={1100}>
              <AssetFields asset={data} legalRating={settings.data?.legalRating ?? false} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="relations" pt="md">
            <RelationsSection
              assetId={data.id}
              assetName={data.name}
              canManage={canManage && !data.archivedAt}
            />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistorySection assetId={data.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('assets.actions.delete')}
        message={t('assets.detail.confirmDelete', { name: `${data.code} ${data.name}` })}
        confirmLabel={t('assets.actions.delete')}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
        loading={remove.isPending}
        error={remove.error}
        danger
      />
    </>
  );
}
