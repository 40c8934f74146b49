import { Group, Input, Pill, Select, Stack, Text } from '@mantine/core';
import type { ControlRequirementRef, FrameworkText } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFrameworkOptions, useFrameworkVersionNodes } from '../api.js';

const same = (a: ControlRequirementRef, b: ControlRequirementRef) =>
  a.frameworkKey === b.frameworkKey && a.ref === b.ref;

/**
 * The requirements an applied control addresses: choose a framework, search its requirements by ref or
 * title, and pick; the chosen ones are listed with their framework and can be removed one by one.
 */
export function RequirementPicker({
  value,
  onChange,
  error,
}: {
  value: ControlRequirementRef[];
  onChange: (next: ControlRequirementRef[]) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const text = (x: FrameworkText | null | undefined) => (x ? (zh ? x['zh-TW'] : x.en) : '');
  const frameworks = useFrameworkOptions();
  const items = frameworks.data?.items ?? [];
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const frameworkKey = chosenKey ?? value[0]?.frameworkKey ?? items[0]?.key ?? null;
  const framework = items.find((f) => f.key === frameworkKey);
  const nodes = useFrameworkVersionNodes(framework?.currentVersion?.id);
  const [search, setSearch] = useState('');

  const options = (nodes.data?.nodes ?? [])
    .filter((n) => n.kind === 'requirement')
    .map((n) => ({
      value: n.ref,
      label: `${n.ref} ${text(n.title)}`,
      disabled: value.some((v) => same(v, { frameworkKey: frameworkKey ?? '', ref: n.ref })),
    }));
  // Titles of requirements picked from another framework than the one now shown, so a pill keeps its title.
  const [picked, setPicked] = useState<Map<string, FrameworkText>>(() => new Map());
  const keyOf = (r: ControlRequirementRef) => `${r.frameworkKey}:${r.ref}`;
  const titleOf = (r: ControlRequirementRef) =>
    text(
      r.frameworkKey === frameworkKey
        ? (nodes.data?.nodes.find((n) => n.ref === r.ref)?.title ?? picked.get(keyOf(r)))
        : picked.get(keyOf(r)),
    );
  const frameworkName = (key: string) => text(items.find((f) => f.key === key)?.name) || key;

  const add = (ref: string | null) => {
    if (!ref || !frameworkKey) return;
    const next = { frameworkKey, ref };
    const title = nodes.data?.nodes.find((n) => n.ref === ref)?.title;
    if (title) setPicked(new Map(picked).set(keyOf(next), title));
    if (!value.some((v) => same(v, next))) onChange([...value, next]);
    setSearch('');
  };

  return (
    <Input.Wrapper
      label={t('compliance.controls.requirements')}
      description={t('compliance.controls.requirementsHint')}
      error={error}
    >
      <Stack gap="xs" mt={4}>
        <Group grow align="flex-start">
          <Select
            label={t('compliance.controls.framework')}
            data={items.map((f) => ({ value: f.key, label: text(f.name) || f.key }))}
            value={frameworkKey}
            onChange={(v) => {
              setChosenKey(v);
              setSearch('');
            }}
            allowDeselect={false}
            placeholder={frameworks.isLoading ? t('compliance.controls.loading') : undefined}
          />
          <Select
            label={t('compliance.controls.requirementSearch')}
            placeholder={t('compliance.controls.requirementSearchHint')}
            data={options}
            value={null}
            searchValue={search}
            onSearchChange={setSearch}
            onChange={add}
            searchable
            limit={50}
            nothingFoundMessage={
              nodes.isLoading ? t('compliance.controls.loading') : t('compliance.controls.requirementNone')
            }
            disabled={!framework?.currentVersion}
          />
        </Group>
        {value.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('compliance.controls.requirementsEmpty')}
          </Text>
        ) : (
          <Pill.Group aria-label={t('compliance.controls.requirementsChosen')}>
            {value.map((r) => (
              <Pill
                key={keyOf(r)}
                withRemoveButton
                removeButtonProps={{
                  'aria-label': t('compliance.controls.requirementRemove', {
                    ref: `${frameworkName(r.frameworkKey)} ${r.ref}`,
                  }),
                }}
                onRemove={() => onChange(value.filter((v) => !same(v, r)))}
              >
                {`${frameworkName(r.frameworkKey)} · ${r.ref}${titleOf(r) ? ` ${titleOf(r)}` : ''}`}
              </Pill>
            ))}
          </Pill.Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
