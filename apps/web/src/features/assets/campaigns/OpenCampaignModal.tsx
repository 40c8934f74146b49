import { Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assetCampaignResponse, createAssetCampaignRequest } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { validationProblems } from '../../../i18n/errors.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { useUnitOptions } from '../../users/useUnitOptions.js';
import { campaignsKey } from '../api.js';
import { serverFieldErrors } from '../assetForm.js';

/** Opens an inventory confirmation campaign: title, deadline, units in scope. */
export function OpenCampaignModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { options: unitOptions } = useUnitOptions();
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const body = () => ({ title, deadline, unitIds, note: note.trim() || null });
  const open = useMutation({
    mutationFn: () => api.post('/api/assets/campaigns', assetCampaignResponse, body()),
    onSuccess: async (campaign) => {
      await queryClient.invalidateQueries({ queryKey: campaignsKey });
      navigate(`/assets/campaigns/${campaign.id}`);
    },
  });
  const shown = { ...serverFieldErrors(validationProblems(open.error)), ...errors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(createAssetCampaignRequest, body(), t);
    setErrors(next);
    if (!hasErrors(next)) open.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('assets.campaigns.open')}
      closeButtonProps={{ 'aria-label': t('assets.closeDialog') }}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('assets.campaigns.campaignTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={shown.title}
            required
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('assets.campaigns.deadline')}
            description={t('assets.campaigns.deadlineHint')}
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={shown.deadline}
            required
          />
          <MultiSelect
            label={t('assets.campaigns.units')}
            description={t('assets.campaigns.unitsHint')}
            data={unitOptions}
            value={unitIds}
            onChange={setUnitIds}
            error={shown.unitIds}
            searchable
            clearable
          />
          <Textarea
            label={t('assets.campaigns.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={shown.note}
            autosize
            minRows={2}
          />
          <ModalFormActions
            error={open.error}
            onCancel={onClose}
            submitLabel={t('assets.campaigns.openSubmit')}
            loading={open.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
