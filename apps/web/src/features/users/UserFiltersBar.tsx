import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRoleOptions } from '../roles/api.js';
import type { UserFilters } from './api.js';
import { useUnitOptions } from './useUnitOptions.js';

interface UserFiltersBarProps {
  search: string;
  onSearch: (value: string) => void;
  filters: UserFilters;
  onChange: (change: Partial<UserFilters>) => void;
}

const STATUSES = ['active', 'disabled', 'locked'] as const;
const MFA_STATES = ['enabled', 'disabled'] as const;

export function isMfaState(value: string | null): value is NonNullable<UserFilters['mfa']> {
  return MFA_STATES.some((s) => s === value);
}

function isStatus(value: string | null): value is UserFilters['status'] & string {
  return STATUSES.some((s) => s === value);
}

export function UserFiltersBar({ search, onSearch, filters, onChange }: UserFiltersBarProps) {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  const { options: unitOptions } = useUnitOptions();

  return (
    <Group component="search" align="flex-end" gap="sm" mb="md" wrap="wrap" aria-label={t('users.filters')}>
      <TextInput
        label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        w={260}
      />
      <Select
        label={t('users.role')}
        data={roleOptions}
        value={filters.role}
        onChange={(role) => onChange({ role })}
        placeholder={t('common.all')}
        clearable
        w={200}
      />
      {unitOptions.length > 0 ? (
        <Select
          label={t('users.unit')}
          data={unitOptions}
          value={filters.unitId}
          onChange={(unitId) => onChange({ unitId })}
          placeholder={t('common.all')}
          searchable
          clearable
          w={240}
        />
      ) : null}
      <Select
        label={t('common.status')}
        data={STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
        value={filters.status}
        onChange={(status) => onChange({ status: isStatus(status) ? status : null })}
        placeholder={t('common.all')}
        clearable
        w={160}
      />
      <Select
        label={t('users.mfaFilter')}
        data={MFA_STATES.map((s) => ({ value: s, label: t(`users.mfaStates.${s}`) }))}
        value={filters.mfa ?? null}
        onChange={(mfa) => onChange({ mfa: isMfaState(mfa) ? mfa : null })}
        placeholder={t('common.all')}
        clearable
        w={180}
      />
    </Group>
  );
}
