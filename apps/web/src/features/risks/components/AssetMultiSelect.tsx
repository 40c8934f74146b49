import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AssetType, assetList } from '@vigil/contracts';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../../api/client.js';

export interface AssetOption {
  value: string;
  label: string;
}

/** Searches the inventory (code, name, identifiers) and remembers the labels of assets seen. */
function useAssetSearchOptions(selected: readonly string[], known: readonly AssetOption[], type?: AssetType) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const labels = useRef(new Map<string, string>());
  for (const option of known) labels.current.set(option.value, option.label);
  const query = { q: debounced.trim() || undefined, type, limit: 30, sort: 'code' };
  const assets = useQuery({
    queryKey: ['assets', 'search', query],
    queryFn: () => api.get(withQuery('/api/assets', query), assetList),
    placeholderData: keepPreviousData,
  });
  const data = useMemo(() => {
    for (const asset of assets.data?.items ?? []) {
      labels.current.set(asset.id, `${asset.code} ${asset.name}`);
    }
    const ids = new Set([...(assets.data?.items ?? []).map((a) => a.id), ...selected]);
    return [...ids].map((id) => ({ value: id, label: labels.current.get(id) ?? id }));
  }, [assets.data, selected]);
  return { data, search, setSearch, fetching: assets.isFetching };
}

interface AssetMultiSelectProps {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Labels of assets already chosen (the search may not return them). */
  known?: readonly AssetOption[];
  error?: string;
  required?: boolean;
  description?: string;
}

/** Picks assets from the inventory by searching code, name and identifiers. */
export function AssetMultiSelect({
  label,
  value,
  onChange,
  known = [],
  error,
  required,
  description,
}: AssetMultiSelectProps) {
  const { t } = useTranslation();
  const options = useAssetSearchOptions(value, known);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={options.data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={options.search}
      onSearchChange={options.setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.fetching ? t('common.loading') : t('common.nothingFound')}
      error={error}
      required={required}
      clearable
    />
  );
}

interface AssetSelectProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  placeholder?: string;
  w?: number;
  /** Only assets of this type (e.g. information systems for a Schedule 10 assessment). */
  type?: AssetType;
}

/** Picks one asset (a filter). */
export function AssetSelect({ label, value, onChange, placeholder, w, type }: AssetSelectProps) {
  const { t } = useTranslation();
  const selected = useMemo(() => (value ? [value] : []), [value]);
  const options = useAssetSearchOptions(selected, [], type);
  return (
    <Select
      label={label}
      data={options.data}
      value={value}
      onChange={onChange}
      searchable
      onSearchChange={options.setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.fetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={placeholder}
      clearable
      w={w}
    />
  );
}
