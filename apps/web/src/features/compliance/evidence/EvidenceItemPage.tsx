import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { evidencePath, useEvidence } from '../api.js';
import { EvidenceStatusBadge } from './EvidenceStatusBadge.js';

/** One evidence item: what it is, its validity, and the file download or the link. */
export function EvidenceItemPage() {
  const { t } = useTranslation();
  const { evidenceId } = useParams();
  const formatDateTime = useFormatDateTime();
  const ev = useEvidence(evidenceId);
  const e = ev.data;
  const rows: [string, string][] = e
    ? [
        [t('compliance.evidence.kind'), t(`compliance.evidence.kinds.${e.kind}`)],
        [t('compliance.evidence.validFrom'), e.validFrom ?? '—'],
        [t('compliance.evidence.validUntil'), e.validUntil ?? '—'],
        [t('compliance.evidence.createdBy'), e.createdBy?.displayName ?? '—'],
        [t('compliance.evidence.createdAt'), formatDateTime(e.createdAt)],
        ...(e.kind === 'file'
          ? ([
              [t('compliance.evidence.fileName'), e.fileName ?? ''],
              [t('compliance.evidence.contentType'), e.contentType ?? ''],
              [t('compliance.evidence.size'), t('compliance.evidence.bytes', { count: e.size ?? 0 })],
              ['SHA-256', e.sha256 ?? ''],
            ] as [string, string][])
          : []),
        ...(e.kind === 'record'
          ? ([[t('compliance.evidence.record'), `${e.recordType} ${e.recordId}`]] as [string, string][])
          : []),
      ]
    : [];
  return (
    <>
      <PageHeading title={e?.title ?? t('compliance.evidence.detailTitle')}>
        <Anchor component={Link} to="/compliance/evidence">
          {t('compliance.evidence.back')}
        </Anchor>
      </PageHeading>
      <ErrorAlert error={ev.error} />
      {e ? (
        <Card withBorder padding="lg">
          <Stack>
            <Group>
              <EvidenceStatusBadge status={e.status} />
              {e.kind === 'file' ? (
                <Button
                  component="a"
                  href={`${evidencePath(e.id)}/content`}
                  download
                  variant="default"
                  size="sm"
                >
                  {t('compliance.evidence.download')}
                </Button>
              ) : null}
              {e.kind === 'link' && e.url ? (
                <Anchor href={e.url} target="_blank" rel="noopener noreferrer">
                  {t('compliance.evidence.open')}
                </Anchor>
              ) : null}
            </Group>
            {e.description ? <Text size="sm">{e.description}</Text> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl">
              {rows.map(([k, v]) => (
                <div key={k}>
                  <Text component="dt" size="xs" c="dimmed">
                    {k}
                  </Text>
                  <Text component="dd" size="sm" m={0} style={{ wordBreak: 'break-all' }}>
                    {v}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Stack>
        </Card>
      ) : null}
    </>
  );
}
