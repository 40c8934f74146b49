import { ActionIcon, Alert, Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ASSET_RELATION_KINDS, type AssetSummary, assetRelationResponse, ok } from '@vigil/contracts';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { LoadingScreen } from '../../../components/LoadingScreen.js';
import { assetPath, assetsKey, useAssetRelations, useAssetSearch } from '../api.js';

const RelationGraphChart = lazy(() => import('./RelationGraphChart.js'));

type Relation = z.infer<typeof assetRelationResponse>;
type Kind = (typeof ASSET_RELATION_KINDS)[number];

interface RelationsSectionProps {
  assetId: string;
  assetName: string;
  canManage: boolean;
}

function AssetLink({ asset }: { asset: AssetSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to={`/assets/${asset.id}`} size="sm">
        {asset.code} {asset.name}
      </Anchor>{' '}
      <Text span size="xs" c="dimmed">
        ({t(`assets.types.${asset.type}`)}
        {asset.archived ? `, ${t('assets.archived')}` : ''})
      </Text>
    </>
  );
}

/** Outgoing and incoming relations as lists (the graph's text alternative), the graph, and adding one. */
export function RelationsSection({ assetId, assetName, canManage }: RelationsSectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const relations = useAssetRelations(assetId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...assetsKey, 'relations'] });

  const remove = useMutation({
    mutationFn: (relationId: string) =>
      api.delete(`${assetPath(assetId)}/relations/${encodeURIComponent(relationId)}`, ok),
    onSuccess: refresh,
  });

  const table = (items: Relation[], direction: 'outgoing' | 'incoming') => (
    <Table striped aria-label={t(`assets.relations.${direction}`)}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('assets.relations.kind')}</Table.Th>
          <Table.Th>{t('assets.relations.asset')}</Table.Th>
          {canManage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={canManage ? 3 : 2}>
              <Text size="sm" c="dimmed">
                {t('assets.relations.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {items.map((relation) => {
          const other = direction === 'outgoing' ? relation.to : relation.from;
          return (
            <Table.Tr key={relation.id}>
              <Table.Td>{t(`assets.relations.${direction}Kinds.${relation.kind}`)}</Table.Td>
              <Table.Td>
                <AssetLink asset={other} />
              </Table.Td>
              {canManage ? (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables === relation.id}
                    onClick={() => remove.mutate(relation.id)}
                    aria-label={t('assets.relations.remove', { name: `${other.code} ${other.name}` })}
                  >
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Table.Td>
              ) : null}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack gap="md">
      <ErrorAlert error={relations.error ?? remove.error} />
      {relations.data ? (
        <>
          <Title order={3} size="h5">
            {t('assets.relations.outgoing')}
          </Title>
          {table(relations.data.outgoing, 'outgoing')}
          <Title order={3} size="h5">
            {t('assets.relations.incoming')}
          </Title>
          {table(relations.data.incoming, 'incoming')}
          {canManage ? <AddRelation assetId={assetId} onAdded={refresh} /> : null}
          <Title order={3} size="h5">
            {t('assets.relations.graph')}
          </Title>
          {relations.data.graph.truncated ? (
            <Alert variant="light" color="gray">
              {t('assets.relations.truncated')}
            </Alert>
          ) : null}
          {relations.data.graph.edges.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('assets.relations.noGraph')}
            </Text>
          ) : (
            <Suspense fallback={<LoadingScreen />}>
              <RelationGraphChart
                graph={relations.data.graph}
                currentId={assetId}
                label={t('assets.relations.graphLabel', { name: assetName })}
              />
            </Suspense>
          )}
        </>
      ) : relations.isPending ? (
        <LoadingScreen />
      ) : null}
    </Stack>
  );
}

function AddRelation({ assetId, onAdded }: { assetId: string; onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('depends_on');
  const [target, setTarget] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useAssetSearch(debounced);
  const options = (found.data?.items ?? [])
    .filter((a) => a.id !== assetId)
    .map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }));

  const add = useMutation({
    mutationFn: () =>
      api.post(`${assetPath(assetId)}/relations`, assetRelationResponse, { toAssetId: target, kind }),
    onSuccess: async () => {
      setTarget(null);
      setSearch('');
      await onAdded();
    },
  });

  return (
    <Stack gap="xs" component="section" aria-labelledby="add-relation">
      <Title order={3} size="h5" id="add-relation">
        {t('assets.relations.add')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('assets.relations.kind')}
          data={ASSET_RELATION_KINDS.map((k) => ({
            value: k,
            label: t(`assets.relations.outgoingKinds.${k}`),
          }))}
          value={kind}
          onChange={(v) => setKind(v === 'contains' ? 'contains' : 'depends_on')}
          allowDeselect={false}
          w={200}
        />
        <Select
          label={t('assets.relations.target')}
          placeholder={t('assets.relations.targetPlaceholder')}
          data={options}
          value={target}
          onChange={setTarget}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={t('assets.relations.noMatch')}
          clearable
          w={320}
        />
        <Button onClick={() => add.mutate()} disabled={!target} loading={add.isPending}>
          {t('assets.relations.addButton')}
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </Stack>
  );
}
