import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IDENTIFIER_KINDS, type IdentifierKind } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { addRow, duplicateRowKeys, type IdentifierRow, removeRow, updateRow } from '../identifiers.js';

interface IdentifierEditorProps {
  rows: IdentifierRow[];
  onChange: (rows: IdentifierRow[]) => void;
  error?: string | undefined;
}

function isKind(value: string | null): value is IdentifierKind {
  return IDENTIFIER_KINDS.some((k) => k === value);
}

/** Typed identifiers (host names, IPs, MACs, URLs, serials) as rows of kind + value. */
export function IdentifierEditor({ rows, onChange, error }: IdentifierEditorProps) {
  const { t } = useTranslation();
  const duplicates = duplicateRowKeys(rows);
  const kinds = IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(`assets.identifierKinds.${k}`) }));

  return (
    <Stack gap="xs">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assets.form.noIdentifiers')}
        </Text>
      ) : null}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="xs" wrap="nowrap">
          <Select
            label={t('assets.form.identifierKind', { n: index + 1 })}
            data={kinds}
            value={row.kind}
            onChange={(kind) => isKind(kind) && onChange(updateRow(rows, row.key, { kind }))}
            allowDeselect={false}
            w={160}
          />
          <TextInput
            label={t('assets.form.identifierValue', { n: index + 1 })}
            value={row.value}
            onChange={(e) => onChange(updateRow(rows, row.key, { value: e.currentTarget.value }))}
            error={duplicates.has(row.key) ? t('assets.form.identifierDuplicate') : undefined}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            size="lg"
            onClick={() => onChange(removeRow(rows, row.key))}
            aria-label={t('assets.form.removeIdentifier', { n: index + 1 })}
          >
            <span aria-hidden="true">✕</span>
          </ActionIcon>
        </Group>
      ))}
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange(addRow(rows))}>
          {t('assets.form.addIdentifier')}
        </Button>
      </Group>
    </Stack>
  );
}
