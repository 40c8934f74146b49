import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToZonedLocal, zonedLocalToIso } from '../../lib/time.js';
import { useTimeZone } from '../../lib/useDateTime.js';
import type { AuditFilters } from './api.js';

interface AuditFiltersFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

/** Filter fields; the time range is entered in the user's time zone and sent as UTC instants. */
export function AuditFiltersForm({ filters, onApply }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const [form, setForm] = useState({
    actor: filters.actor ?? '',
    action: filters.action ?? '',
    objectType: filters.objectType ?? '',
    objectId: filters.objectId ?? '',
    outcome: filters.outcome ?? null,
    from: filters.from ? isoToZonedLocal(filters.from, timeZone) : '',
    to: filters.to ? isoToZonedLocal(filters.to, timeZone) : '',
  });

  const text = (name: 'actor' | 'action' | 'objectType' | 'objectId' | 'from' | 'to') => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) =>
      setForm({ ...form, [name]: e.currentTarget.value }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: AuditFilters = {};
    for (const key of ['actor', 'action', 'objectType', 'objectId'] as const) {
      const value = form[key].trim();
      if (value) next[key] = value;
    }
    if (form.outcome) next.outcome = form.outcome;
    const from = zonedLocalToIso(form.from, timeZone);
    const to = zonedLocalToIso(form.to, timeZone);
    if (from) next.from = from;
    if (to) next.to = to;
    onApply(next);
  };

  const reset = () => {
    setForm({ actor: '', action: '', objectType: '', objectId: '', outcome: null, from: '', to: '' });
    onApply({});
  };

  return (
    <search aria-label={t('audit.filters')}>
      <form onSubmit={submit}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mb="sm">
          <TextInput label={t('audit.actor')} {...text('actor')} />
          <TextInput label={t('audit.action')} placeholder="auth.login" {...text('action')} />
          <TextInput label={t('audit.objectType')} placeholder="user" {...text('objectType')} />
          <TextInput label={t('audit.objectId')} {...text('objectId')} />
          <Select
            label={t('audit.outcome')}
            data={[
              { value: 'success', label: t('audit.outcomes.success') },
              { value: 'failure', label: t('audit.outcomes.failure') },
            ]}
            value={form.outcome}
            onChange={(outcome) => setForm({ ...form, outcome })}
            placeholder={t('common.all')}
            clearable
          />
          <TextInput
            type="datetime-local"
            label={t('audit.from')}
            description={t('audit.timeZoneHint', { timeZone })}
            {...text('from')}
          />
          <TextInput
            type="datetime-local"
            label={t('audit.to')}
            description={t('audit.timeZoneHint', { timeZone })}
            {...text('to')}
          />
        </SimpleGrid>
        <Group gap="sm" mb="md">
          <Button type="submit">{t('audit.apply')}</Button>
          <Button variant="default" onClick={reset}>
            {t('audit.reset')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
