import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createTreatmentItemRequest,
  TREATMENT_ITEM_STATUSES,
  type TreatmentItemStatus,
  type TreatmentItemView,
  treatmentItemResponse,
  updateTreatmentItemRequest,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { useUserOptions } from '../../org/useUserOptions.js';
import { risksKey, scenarioPath, treatmentItemPath } from '../api.js';

interface TreatmentItemModalProps {
  scenarioId: string;
  /** null adds an item. */
  item: TreatmentItemView | null;
  /** Risk owners without risks.manage may change only the status and description. */
  statusOnly: boolean;
  onClose: () => void;
}

/** Adds or edits a treatment plan item (風險處理計畫項目). */
export function TreatmentItemModal({ scenarioId, item, statusOnly, onClose }: TreatmentItemModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useUserOptions();
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [controls, setControls] = useState(item?.controls ?? '');
  const [ownerId, setOwnerId] = useState<string | null>(item?.owner?.id ?? null);
  const [dueOn, setDueOn] = useState(item?.dueOn ?? '');
  const [status, setStatus] = useState<TreatmentItemStatus>(item?.status ?? 'todo');
  const [errors, setErrors] = useState<FieldErrors>({});

  const body = () =>
    statusOnly
      ? { status, description: description.trim() }
      : {
          title,
          description: description.trim(),
          controls: controls.trim(),
          ownerId,
          dueOn: dueOn || null,
          status,
        };

  const save = useMutation({
    mutationFn: () =>
      item
        ? api.patch(treatmentItemPath(item.id), treatmentItemResponse, body())
        : api.post(`${scenarioPath(scenarioId)}/treatment-items`, treatmentItemResponse, body()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: risksKey });
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(item ? updateTreatmentItemRequest : createTreatmentItemRequest, body(), t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  const ownerOptions =
    item?.owner && !users.options.some((o) => o.value === item.owner?.id)
      ? [...users.options, { value: item.owner.id, label: item.owner.displayName }]
      : users.options;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('risks.closeDialog') }}
      opened
      onClose={onClose}
      title={item ? t('risks.treatment.editTitle') : t('risks.treatment.createTitle')}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('risks.treatment.itemTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
            disabled={statusOnly}
            data-autofocus
          />
          <Textarea
            label={t('risks.treatment.controls')}
            value={controls}
            onChange={(e) => setControls(e.currentTarget.value)}
            error={errors.controls}
            disabled={statusOnly}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('risks.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('risks.treatment.owner')}
              data={ownerOptions}
              value={ownerId}
              onChange={setOwnerId}
              searchable
              clearable
              disabled={statusOnly || !users.allowed}
            />
            <TextInput
              type="date"
              label={t('risks.treatment.dueOn')}
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              error={errors.dueOn}
              disabled={statusOnly}
            />
            <Select
              label={t('common.status')}
              data={TREATMENT_ITEM_STATUSES.map((s) => ({
                value: s,
                label: t(`risks.treatment.statuses.${s}`),
              }))}
              value={status}
              onChange={(s) => setStatus(TREATMENT_ITEM_STATUSES.find((x) => x === s) ?? 'todo')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={item ? t('common.save') : t('risks.treatment.add')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
