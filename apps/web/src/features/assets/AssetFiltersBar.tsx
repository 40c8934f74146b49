import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { ASSET_STATUSES, ASSET_TYPES, PROTECTION_LEVELS } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../org/useUserOptions.js';
import { useUnitOptions } from '../users/useUnitOptions.js';
import type { AssetFilters, TriState } from './filters.js';
import { useClassificationOptions } from './labels.js';

interface AssetFiltersBarProps {
  search: string;
  onSearch: (value: string) => void;
  tag: string;
  onTag: (value: string) => void;
  filters: AssetFilters;
  onChange: (change: Partial<AssetFilters>) => void;
  /** Whether the whole inventory is visible (assets.read), so owner and archive filters make sense. */
  wholeInventory: boolean;
}

function pick<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

export function AssetFiltersBar(props: AssetFiltersBarProps) {
  const { filters, onChange } = props;
  const { t } = useTranslation();
  const { options: unitOptions } = useUnitOptions();
  const users = useUserOptions();
  const classificationOptions = useClassificationOptions();
  const yesNo = [
    { value: 'true', label: t('assets.yes') },
    { value: 'false', label: t('assets.no') },
  ];
  const tri = (value: string | null): TriState => (value === 'true' || value === 'false' ? value : null);

  return (
    <Group
      component="search"
      align="flex-end"
      gap="sm"
      mb="md"
      wrap="wrap"
      aria-label={t('assets.filters.label')}
    >
      <TextInput
        label={t('assets.filters.search')}
        placeholder={t('assets.filters.searchPlaceholder')}
        value={props.search}
        onChange={(e) => props.onSearch(e.currentTarget.value)}
        w={240}
      />
      <Select
        label={t('assets.fields.type')}
        data={ASSET_TYPES.map((v) => ({ value: v, label: t(`assets.types.${v}`) }))}
        value={filters.type}
        onChange={(v) => onChange({ type: pick(ASSET_TYPES, v) })}
        placeholder={t('common.all')}
        clearable
        w={180}
      />
      <Select
        label={t('assets.fields.status')}
        data={ASSET_STATUSES.map((v) => ({ value: v, label: t(`assets.statuses.${v}`) }))}
        value={filters.status}
        onChange={(v) => onChange({ status: pick(ASSET_STATUSES, v) })}
        placeholder={t('common.all')}
        clearable
        w={140}
      />
      {unitOptions.length > 0 ? (
        <Select
          label={t('assets.fields.unit')}
          data={unitOptions}
          value={filters.unitId}
          onChange={(unitId) => onChange({ unitId })}
          placeholder={t('common.all')}
          searchable
          clearable
          w={200}
        />
      ) : null}
      {props.wholeInventory && users.allowed ? (
        <Select
          label={t('assets.fields.owner')}
          data={users.options}
          value={filters.ownerId}
          onChange={(ownerId) => onChange({ ownerId })}
          placeholder={t('common.all')}
          searchable
          clearable
          w={200}
        />
      ) : null}
      <Select
        label={t('assets.fields.classification')}
        data={classificationOptions}
        value={filters.classification}
        onChange={(classification) => onChange({ classification })}
        placeholder={t('common.all')}
        clearable
        w={140}
      />
      <Select
        label={t('assets.fields.protectionLevel')}
        data={PROTECTION_LEVELS.map((v) => ({ value: v, label: t(`assets.protection.${v}`) }))}
        value={filters.protectionLevel}
        onChange={(v) => onChange({ protectionLevel: pick(PROTECTION_LEVELS, v) })}
        placeholder={t('common.all')}
        clearable
        w={140}
      />
      <Select
        label={t('assets.fields.coreSystem')}
        data={yesNo}
        value={filters.coreSystem}
        onChange={(v) => onChange({ coreSystem: tri(v) })}
        placeholder={t('common.all')}
        clearable
        w={140}
      />
      <Select
        label={t('assets.fields.personalData')}
        data={yesNo}
        value={filters.personalData}
        onChange={(v) => onChange({ personalData: tri(v) })}
        placeholder={t('common.all')}
        clearable
        w={140}
      />
      <TextInput
        label={t('assets.fields.tag')}
        value={props.tag}
        onChange={(e) => props.onTag(e.currentTarget.value)}
        w={140}
      />
      {props.wholeInventory ? (
        <Checkbox
          label={t('assets.filters.includeArchived')}
          checked={filters.includeArchived}
          onChange={(e) => onChange({ includeArchived: e.currentTarget.checked })}
          mb={8}
        />
      ) : null}
    </Group>
  );
}
