import { Badge, Button, Group, Text } from '@mantine/core';
import type { UnitView } from '@vigil/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useConfirmedDelete } from '../../components/useConfirmedDelete.js';
import { unitsKey, useUnits } from './api.js';
import { UnitFormModal } from './UnitFormModal.js';
import { buildUnitTree, type UnitNode } from './unitTree.js';
import { useUserOptions } from './useUserOptions.js';

type Editing = { unit: UnitView | null; parentId: string | null } | null;

/** The organisation's units as a nested list; managers add, edit and remove units in place. */
export function UnitTreeEditor({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const units = useUnits();
  const users = useUserOptions();
  const [editing, setEditing] = useState<Editing>(null);
  const items = units.data?.items ?? [];
  const tree = useMemo(() => buildUnitTree(units.data?.items ?? []), [units.data]);

  const deletion = useConfirmedDelete<UnitView>((id) => `/api/units/${encodeURIComponent(id)}`, unitsKey);

  const renderNodes = (nodes: UnitNode[], level: number) => (
    <ul aria-label={level === 1 ? t('org.units') : undefined} style={listStyle(level)}>
      {nodes.map((node) => {
        const { unit } = node;
        const head = users.nameOf(unit.headUserId);
        return (
          <li key={unit.id}>
            <Group
              gap="sm"
              py={6}
              wrap="wrap"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Text fw={500}>{unit.name}</Text>
              {unit.code ? (
                <Badge variant="outline" size="sm">
                  {unit.code}
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                {t('org.memberCount', { count: unit.memberCount })}
                {head ? ` · ${t('org.headIs', { name: head })}` : ''}
              </Text>
              {canManage ? (
                <Group gap={4} ml="auto">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditing({ unit: null, parentId: unit.id })}
                    aria-label={t('org.addChildOf', { name: unit.name })}
                  >
                    {t('org.addChild')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditing({ unit, parentId: unit.parentId })}
                    aria-label={t('org.editNamed', { name: unit.name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => deletion.ask(unit)}
                    aria-label={t('org.deleteNamed', { name: unit.name })}
                  >
                    {t('common.delete')}
                  </Button>
                </Group>
              ) : null}
            </Group>
            {node.children.length > 0 ? renderNodes(node.children, level + 1) : null}
          </li>
        );
      })}
    </ul>
  );

  return (
    <>
      <ErrorAlert error={units.error} />
      {units.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed" mb="md">
          {t('org.noUnits')}
        </Text>
      ) : null}
      {tree.length > 0 ? renderNodes(tree, 1) : null}
      {canManage ? (
        <Group mt="md">
          <Button variant="light" onClick={() => setEditing({ unit: null, parentId: null })}>
            {t('org.addUnit')}
          </Button>
        </Group>
      ) : null}
      {editing ? (
        <UnitFormModal
          key={editing.unit?.id ?? `new-${editing.parentId ?? 'root'}`}
          unit={editing.unit}
          parentId={editing.parentId}
          units={items}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        {...deletion.confirmProps}
        title={t('org.deleteUnit')}
        message={t('org.deleteConfirm', { name: deletion.target?.name ?? '' })}
        confirmLabel={t('common.delete')}
      />
    </>
  );
}

function listStyle(level: number) {
  return { listStyle: 'none', margin: 0, paddingLeft: level === 1 ? 0 : '1.5rem' } as const;
}
