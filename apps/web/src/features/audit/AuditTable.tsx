import { Button, Code, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { AuditEntryView } from '@vigil/contracts';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';

const COLUMNS = 7;

function objectLabel(entry: AuditEntryView): string {
  if (!entry.objectType) return '—';
  return entry.objectId ? `${entry.objectType}:${entry.objectId}` : entry.objectType;
}

/** Audit entries, newest first; each row expands to its details and chain hash. */
export function AuditTable({ entries, total }: { entries: AuditEntryView[]; total: number }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [expanded, setExpanded] = useState<Set<number>>(new Set());

  const toggle = (seq: number) => {
    const next = new Set(expanded);
    if (next.has(seq)) next.delete(seq);
    else next.add(seq);
    setExpanded(next);
  };

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped>
        <Table.Caption>{t('audit.caption', { count: total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('audit.time')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.object')}</Table.Th>
            <Table.Th>{t('audit.outcome')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS}>
                <Text size="sm" c="dimmed">
                  {t('audit.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {entries.map((entry) => {
            const open = expanded.has(entry.seq);
            const detailsId = `audit-details-${entry.seq}`;
            return (
              <Fragment key={entry.seq}>
                <Table.Tr data-testid="audit-row" data-seq={entry.seq}>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => toggle(entry.seq)}
                      aria-expanded={open}
                      aria-controls={open ? detailsId : undefined}
                      aria-label={t(open ? 'audit.hideDetails' : 'audit.showDetails', { seq: entry.seq })}
                    >
                      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                    </Button>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    {entry.actorLabel ?? entry.actorId ?? '—'}
                    <Text size="xs" c="dimmed">
                      {entry.actorType}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace">{entry.action}</Table.Td>
                  <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {objectLabel(entry)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <StatusBadge
                      tone={entry.outcome === 'success' ? 'success' : 'danger'}
                      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                    >
                      {entry.outcome === 'success' || entry.outcome === 'failure'
                        ? t(`audit.outcomes.${entry.outcome}`)
                        : entry.outcome}
                    </StatusBadge>
                  </Table.Td>
                  <Table.Td ff="monospace">{entry.ip ?? '—'}</Table.Td>
                </Table.Tr>
                {open ? (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={COLUMNS}>
                      <Stack gap="xs">
                        <Text size="xs" c="dimmed">
                          {t('audit.seq', { seq: entry.seq })}
                          {entry.requestId ? ` · ${t('common.requestId', { id: entry.requestId })}` : ''}
                        </Text>
                        <Text size="sm" fw={500}>
                          {t('audit.details')}
                        </Text>
                        <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
                        <Text size="sm" fw={500}>
                          {t('audit.hash')}
                        </Text>
                        <Code block style={{ wordBreak: 'break-all' }}>
                          {entry.hash}
                        </Code>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
