import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createUnitRequest, type UnitView, unitResponse, updateUnitRequest } from '@vigil/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { ModalFormActions } from '../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { unitsKey } from './api.js';
import { buildUnitTree, descendantIds, flattenUnitTree, unitPaths } from './unitTree.js';
import { useUserOptions } from './useUserOptions.js';

interface UnitFormModalProps {
  /** The unit to edit; null creates one under `parentId`. */
  unit: UnitView | null;
  parentId: string | null;
  units: UnitView[];
  onClose: () => void;
}

type UnitBody = z.input<typeof createUnitRequest>;

export function UnitFormModal({ unit, parentId: initialParent, units, onClose }: UnitFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useUserOptions();
  const [name, setName] = useState(unit?.name ?? '');
  const [code, setCode] = useState(unit?.code ?? '');
  const [parentId, setParentId] = useState<string | null>(initialParent);
  const [headUserId, setHeadUserId] = useState<string | null>(unit?.headUserId ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});

  // A unit cannot become its own ancestor, so it and its descendants are not offered as parents.
  const parentOptions = useMemo(() => {
    const excluded = unit ? descendantIds(units, unit.id) : new Set<string>();
    const paths = unitPaths(units);
    return flattenUnitTree(buildUnitTree(units))
      .filter((node) => !excluded.has(node.unit.id))
      .map((node) => ({ value: node.unit.id, label: paths.get(node.unit.id) ?? node.unit.name }));
  }, [units, unit]);

  const body = (): UnitBody => ({ name, code: code.trim() || null, parentId, headUserId });

  const save = useMutation({
    mutationFn: () =>
      unit
        ? api.patch(`/api/units/${encodeURIComponent(unit.id)}`, unitResponse, body())
        : api.post('/api/units', unitResponse, body()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: unitsKey });
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(unit ? updateUnitRequest : createUnitRequest, body(), t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      opened
      onClose={onClose}
      title={unit ? t('org.editUnit') : t('org.addUnit')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('org.unitName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
            required
          />
          <TextInput
            label={t('org.unitCode')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.code}
          />
          <Select
            label={t('org.parent')}
            data={parentOptions}
            value={parentId}
            onChange={setParentId}
            placeholder={t('org.noParent')}
            searchable
            clearable
            error={errors.parentId}
          />
          <Select
            label={t('org.head')}
            description={users.allowed ? undefined : t('org.headNeedsUsersRead')}
            data={users.options}
            value={headUserId}
            onChange={setHeadUserId}
            placeholder={t('org.noHead')}
            disabled={!users.allowed}
            searchable
            clearable
            error={errors.headUserId}
          />
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={unit ? t('common.save') : t('org.addUnit')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
