import { Modal, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RiskMethodologyDefinition, type RiskRatingInput, riskScenarioDetail } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { risksKey, scenarioPath } from '../api.js';
import { blankRating, RatingInput } from './RatingInput.js';

interface RatingModalProps {
  scenarioId: string;
  /** rerate: the actual residual after treatment; reassess: a new inherent rating under the current methodology. */
  mode: 'rerate' | 'reassess';
  definition: RiskMethodologyDefinition;
  initial: RiskRatingInput | null;
  onClose: () => void;
}

/** Re-rates a treated risk, or re-assesses it under the current methodology version. */
export function RatingModal({ scenarioId, mode, definition, initial, onClose }: RatingModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const start = initial && initial.kind === definition.type ? initial : blankRating(definition);
  const [rating, setRating] = useState<RiskRatingInput>(start);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `${scenarioPath(scenarioId)}/${mode}`,
        riskScenarioDetail,
        mode === 'rerate'
          ? { actual: rating, ...(note.trim() ? { note: note.trim() } : {}) }
          : { inherent: rating, ...(note.trim() ? { note: note.trim() } : {}) },
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: risksKey });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('risks.closeDialog') }}
      opened
      onClose={onClose}
      title={mode === 'rerate' ? t('risks.scenario.rerateTitle') : t('risks.scenario.reassessTitle')}
      centered
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <RatingInput
            legend={mode === 'rerate' ? t('risks.rating.actualLegend') : t('risks.rating.inherentLegend')}
            levelLabel={mode === 'rerate' ? t('risks.fields.actual') : t('risks.fields.inherent')}
            definition={definition}
            value={rating}
            onChange={setRating}
          />
          <Textarea
            label={t('risks.scenario.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={mode === 'rerate' ? t('risks.scenario.rerate') : t('risks.scenario.reassess')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
