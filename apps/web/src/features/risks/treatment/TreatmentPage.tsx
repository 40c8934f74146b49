import { Checkbox, Group, Pagination, Select } from '@mantine/core';
import { TREATMENT_ITEM_STATUSES, type TreatmentItemStatus, type TreatmentItemView } from '@vigil/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveSession, usePermissions } from '../../../api/session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useUserOptions } from '../../org/useUserOptions.js';
import { useTreatmentItems } from '../api.js';
import { TreatmentItemsTable } from '../components/TreatmentItemsTable.js';
import { TreatmentItemModal } from '../scenarios/TreatmentItemModal.js';

const PAGE_SIZE = 50;

/** Overdue first, then by due date (undated last). */
export function byUrgency(a: TreatmentItemView, b: TreatmentItemView): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn === b.dueOn) return 0;
  if (a.dueOn === null) return 1;
  if (b.dueOn === null) return -1;
  return a.dueOn < b.dueOn ? -1 : 1;
}

/** 風險處理計畫: every treatment item across risks (risk owners: their own), overdue first. */
export function TreatmentPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const session = useActiveSession();
  const readAll = can('risks.read');
  const users = useUserOptions();
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [status, setStatus] = useState<TreatmentItemStatus | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TreatmentItemView | null>(null);
  const items = useTreatmentItems({
    ownerId,
    status,
    overdue: overdue ? 'true' : undefined,
    mine: mine ? 'true' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const sorted = useMemo(() => [...(items.data?.items ?? [])].sort(byUrgency), [items.data]);
  const total = items.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const reset = () => setPage(1);

  return (
    <>
      <PageHeading title={t('risks.treatment.title')} />
      <Group component="search" align="flex-end" gap="sm" mb="md" aria-label={t('risks.treatment.filters')}>
        {readAll && users.allowed ? (
          <Select
            label={t('risks.treatment.owner')}
            data={users.options}
            value={ownerId}
            onChange={(v) => {
              setOwnerId(v);
              reset();
            }}
            placeholder={t('common.all')}
            searchable
            clearable
            w={220}
          />
        ) : null}
        <Select
          label={t('common.status')}
          data={TREATMENT_ITEM_STATUSES.map((s) => ({ value: s, label: t(`risks.treatment.statuses.${s}`) }))}
          value={status}
          onChange={(s) => {
            setStatus(TREATMENT_ITEM_STATUSES.find((x) => x === s) ?? null);
            reset();
          }}
          placeholder={t('common.all')}
          clearable
          w={180}
        />
        <Checkbox
          label={t('risks.register.overdueOnly')}
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.currentTarget.checked);
            reset();
          }}
          mb={8}
        />
        <Checkbox
          label={t('risks.treatment.mineOnly')}
          checked={mine}
          onChange={(e) => {
            setMine(e.currentTarget.checked);
            reset();
          }}
          mb={8}
        />
      </Group>
      <ErrorAlert error={items.error} />
      <TreatmentItemsTable
        caption={t('risks.treatment.caption', { count: total })}
        items={sorted}
        withRisk
        busy={items.isFetching}
        canEdit={(item) =>
          can('risks.manage') || (can('risks.treat') && (!readAll || item.owner?.id === session.user.id))
        }
        onEdit={setEditing}
      />
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
      {editing ? (
        <TreatmentItemModal
          scenarioId={editing.scenario.id}
          item={editing}
          statusOnly={!can('risks.manage')}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
