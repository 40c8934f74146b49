import { Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import type { DocumentDetail } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useDiff } from './api.js';
import { DiffView } from './DiffView.js';
import { SideBySideDiffView } from './SideBySideDiffView.js';

type Layout = 'unified' | 'split';

/** Compares two Markdown versions of a document, as one unified list or side by side. */
export function DiffCard({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [layout, setLayout] = useState<Layout>('unified');
  const diff = useDiff(doc.id, from, to);
  const choices = doc.versions
    .filter((v) => v.format === 'markdown' && !v.disposedAt)
    .map((v) => ({ value: String(v.version), label: `v${v.version}` }));
  if (choices.length < 2) return null;
  const d = diff.data;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('documents.doc.diffTitle')}</Title>
        <Group align="flex-end">
          <Select
            label={t('documents.doc.from')}
            data={choices}
            value={from ? String(from) : null}
            onChange={(v) => setFrom(v ? Number(v) : null)}
          />
          <Select
            label={t('documents.doc.to')}
            data={choices}
            value={to ? String(to) : null}
            onChange={(v) => setTo(v ? Number(v) : null)}
          />
          <SegmentedControl
            aria-label={t('documents.diff.layout')}
            value={layout}
            onChange={(v) => setLayout(v as Layout)}
            data={[
              { value: 'unified', label: t('documents.diff.unified') },
              { value: 'split', label: t('documents.diff.sideBySide') },
            ]}
          />
        </Group>
        <ErrorAlert error={diff.error} />
        {d ? (
          d.added + d.removed === 0 ? (
            <Text c="dimmed">{t('documents.doc.noDiff')}</Text>
          ) : (
            <>
              <Text size="sm">{t('documents.diff.counts', { added: d.added, removed: d.removed })}</Text>
              {layout === 'unified' ? (
                <DiffView lines={d.lines} />
              ) : (
                <SideBySideDiffView lines={d.lines} from={d.from} to={d.to} />
              )}
            </>
          )
        ) : null}
      </Stack>
    </Card>
  );
}
