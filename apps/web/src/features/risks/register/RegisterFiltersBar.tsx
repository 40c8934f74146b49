import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { RISK_SCENARIO_STATUSES, RISK_TREATMENT_OPTIONS } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../api/session.js';
import { useUserOptions } from '../../org/useUserOptions.js';
import { useUnitOptions } from '../../users/useUnitOptions.js';
import { useAssessments, useCurrentMethodology } from '../api.js';
import { AssetSelect } from '../components/AssetMultiSelect.js';
import type { RegisterFilters } from '../filters.js';
import { useBilingual } from '../labels.js';

interface RegisterFiltersBarProps {
  search: string;
  onSearch: (value: string) => void;
  filters: RegisterFilters;
  onChange: (change: Partial<RegisterFilters>) => void;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

/** Filters of the register; every one of them is kept in the URL. */
export function RegisterFiltersBar({ search, onSearch, filters, onChange }: RegisterFiltersBarProps) {
  const { t } = useTranslation();
  const can = usePermissions();
  const readAll = can('risks.read');
  const text = useBilingual();
  const methodology = useCurrentMethodology(readAll || can('risks.methodology') || can('risks.approve'));
  const assessments = useAssessments({ limit: 200 }, readAll);
  const users = useUserOptions();
  const { options: unitOptions } = useUnitOptions();
  const levelOptions = (methodology.data?.definition.levels ?? []).map((l) => ({
    value: l.key,
    label: text(l),
  }));

  return (
    <Group
      component="search"
      align="flex-end"
      gap="sm"
      mb="md"
      wrap="wrap"
      aria-label={t('risks.register.filters')}
    >
      <TextInput
        label={t('risks.register.search')}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        w={220}
      />
      {levelOptions.length > 0 ? (
        <Select
          label={t('risks.fields.level')}
          data={levelOptions}
          value={filters.level}
          onChange={(level) => onChange({ level })}
          placeholder={t('common.all')}
          clearable
          w={150}
        />
      ) : null}
      <Select
        label={t('common.status')}
        data={RISK_SCENARIO_STATUSES.map((s) => ({ value: s, label: t(`risks.statuses.${s}`) }))}
        value={filters.status}
        onChange={(s) => onChange({ status: oneOf(RISK_SCENARIO_STATUSES, s) })}
        placeholder={t('common.all')}
        clearable
        w={170}
      />
      <Select
        label={t('risks.fields.treatmentOption')}
        data={RISK_TREATMENT_OPTIONS.map((o) => ({ value: o, label: t(`risks.treatmentOptions.${o}`) }))}
        value={filters.treatmentOption}
        onChange={(o) => onChange({ treatmentOption: oneOf(RISK_TREATMENT_OPTIONS, o) })}
        placeholder={t('common.all')}
        clearable
        w={150}
      />
      {readAll && users.allowed ? (
        <Select
          label={t('risks.fields.owner')}
          data={users.options}
          value={filters.ownerId}
          onChange={(ownerId) => onChange({ ownerId })}
          placeholder={t('common.all')}
          searchable
          clearable
          w={200}
        />
      ) : null}
      {readAll && unitOptions.length > 0 ? (
        <Select
          label={t('risks.fields.unit')}
          data={unitOptions}
          value={filters.unitId}
          onChange={(unitId) => onChange({ unitId })}
          placeholder={t('common.all')}
          searchable
          clearable
          w={200}
        />
      ) : null}
      {readAll && can('assets.read') ? (
        <AssetSelect
          label={t('risks.fields.asset')}
          value={filters.assetId}
          onChange={(assetId) => onChange({ assetId })}
          placeholder={t('common.all')}
          w={220}
        />
      ) : null}
      {readAll ? (
        <Select
          label={t('risks.fields.assessment')}
          data={(assessments.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
          value={filters.assessmentId}
          onChange={(assessmentId) => onChange({ assessmentId })}
          placeholder={t('common.all')}
          searchable
          clearable
          w={220}
        />
      ) : null}
      <Checkbox
        label={t('risks.register.overdueOnly')}
        checked={filters.overdue}
        onChange={(e) => onChange({ overdue: e.currentTarget.checked })}
        mb={8}
      />
      {readAll ? (
        <Checkbox
          label={t('risks.register.mineOnly')}
          checked={filters.mine}
          onChange={(e) => onChange({ mine: e.currentTarget.checked })}
          mb={8}
        />
      ) : null}
    </Group>
  );
}
