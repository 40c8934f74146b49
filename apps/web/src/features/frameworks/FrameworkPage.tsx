import { Alert, Anchor, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { useFramework, useFrameworkVersion, useText } from './api.js';
import { nodeAnchor, RequirementCard } from './RequirementCard.js';
import { visibleTree } from './tree.js';

/**
 * One framework. Keyed by the framework so a mapping link to another framework starts with an empty search
 * (a search carried over would hide the requirement the link points at).
 */
export function FrameworkPage() {
  const { key } = useParams();
  return <FrameworkView key={key} frameworkKey={key} />;
}

/** Version switcher, search, and the section tree with each requirement and its mappings. */
function FrameworkView({ frameworkKey: key }: { frameworkKey: string | undefined }) {
  const { t } = useTranslation();
  const text = useText();
  const formatDateTime = useFormatDateTime();
  const location = useLocation();
  const imported = (location.state as { imported?: { version: string } } | null)?.imported;
  const [params, setParams] = useSearchParams();
  const framework = useFramework(key);
  const versionId = params.get('version') ?? framework.data?.currentVersion?.id ?? null;
  const version = useFrameworkVersion(versionId);
  const target = params.get('ref');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const rows = useMemo(() => visibleTree(version.data?.nodes ?? [], debounced), [version.data, debounced]);
  const shown = rows.filter((r) => r.node.kind === 'requirement').length;

  // A link from another framework's mapping lands on its requirement.
  useEffect(() => {
    if (!target || !version.data) return;
    const card = document.getElementById(nodeAnchor(target));
    card?.scrollIntoView({ block: 'center' });
    card?.focus({ preventScroll: true });
  }, [target, version.data]);

  if (framework.isPending) return <LoadingScreen />;
  if (framework.error) return <ErrorAlert error={framework.error} />;
  const fw = framework.data;
  const selected = version.data?.version;
  return (
    <>
      <Anchor component={Link} to="/frameworks" size="sm">
        {t('frameworks.page.back')}
      </Anchor>
      <PageHeading title={text(fw.name)} />
      {imported ? (
        <Alert color="teal" variant="light" role="status" mb="md">
          {t('frameworks.import.done', { name: text(fw.name), version: imported.version })}
        </Alert>
      ) : null}
      <Group align="flex-end" mb="md" wrap="wrap">
        <Select
          label={t('frameworks.page.versionSelect')}
          data={fw.versions.map((v) => ({
            value: v.id,
            label: `${v.version} (${v.status === 'current' ? t('frameworks.page.current') : t('frameworks.page.superseded')})`,
          }))}
          value={versionId}
          onChange={(id) => {
            if (!id) return;
            const next = new URLSearchParams(params);
            next.set('version', id);
            next.delete('ref');
            setParams(next);
          }}
          allowDeselect={false}
          w={260}
        />
        <TextInput
          label={t('frameworks.page.search')}
          description={t('frameworks.page.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={360}
        />
      </Group>
      {selected?.status === 'superseded' ? (
        <Alert color="yellow" mb="md">
          {t('frameworks.page.supersededNotice')}
        </Alert>
      ) : null}
      {selected ? (
        <Stack gap={2} mb="md">
          {fw.publisher ? (
            <Text size="sm">{`${t('frameworks.page.publisher')}: ${fw.publisher}`}</Text>
          ) : null}
          {selected.effectiveDate ? (
            <Text size="sm">{`${t('frameworks.page.effectiveDate')}: ${selected.effectiveDate}`}</Text>
          ) : null}
          <Text size="sm">{`${t('frameworks.page.importedAt')}: ${formatDateTime(selected.importedAt)}`}</Text>
          {selected.source ? (
            <Text size="sm" c="dimmed">{`${t('frameworks.page.source')}: ${selected.source}`}</Text>
          ) : null}
        </Stack>
      ) : null}
      <ErrorAlert error={version.error} />
      {version.isPending && versionId ? <LoadingScreen /> : null}
      {version.data ? (
        <section aria-label={t('frameworks.page.treeLabel')}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {t('frameworks.page.matches', { count: shown })}
          </Text>
          {rows.length === 0 ? <Text>{t('frameworks.page.noMatch')}</Text> : null}
          <Stack gap="xs">
            {rows.map(({ node, depth }) =>
              node.kind === 'section' ? (
                <Title
                  key={node.ref}
                  id={nodeAnchor(node.ref)}
                  order={Math.min(depth + 2, 6) as 2 | 3 | 4 | 5 | 6}
                  size={depth === 0 ? 'h3' : 'h5'}
                  ml={depth * 16}
                  mt={depth === 0 ? 'md' : 'xs'}
                >
                  {`${node.ref} ${text(node.title)}`}
                </Title>
              ) : (
                <RequirementCard key={node.ref} node={node} depth={depth} highlighted={node.ref === target} />
              ),
            )}
          </Stack>
        </section>
      ) : null}
    </>
  );
}
