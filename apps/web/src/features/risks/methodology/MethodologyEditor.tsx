import { Fieldset, NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  RISK_METHODOLOGY_TYPES,
  type RiskMethodologyDefinition,
  type RiskMethodologyView,
  riskMethodologyResponse,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { PageFormActions } from '../../../components/PageFormActions.js';
import { methodologyPath, risksKey } from '../api.js';
import { resizeMatrix } from '../rating.js';
import { AcceptanceEditor } from './AcceptanceEditor.js';
import { switchType } from './defaults.js';
import { LevelsEditor } from './LevelsEditor.js';
import { MatrixEditor } from './MatrixEditor.js';
import { MethodologyErrors } from './MethodologyErrors.js';
import { ScaleEditor } from './ScaleEditor.js';

/** Edits a draft methodology: scoring type, scales, levels, matrix and acceptance criteria. */
export function MethodologyEditor({ draft }: { draft: RiskMethodologyView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(draft.name);
  const [notes, setNotes] = useState(draft.notes);
  const [definition, setDefinition] = useState<RiskMethodologyDefinition>(draft.definition);
  const save = useMutation({
    mutationFn: () =>
      api.patch(methodologyPath(draft.id), riskMethodologyResponse, {
        name,
        notes: notes.trim(),
        definition,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: risksKey }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const lowest = definition.levels[0]?.key ?? '';
  const update = (change: Partial<RiskMethodologyDefinition>) => {
    save.reset();
    setDefinition({ ...definition, ...change } as RiskMethodologyDefinition);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('risks.methodology.editorLabel')}>
      <Stack gap="md">
        <TextInput
          label={t('risks.methodology.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t('risks.methodology.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Fieldset legend={t('risks.methodology.type')}>
          <SegmentedControl
            aria-label={t('risks.methodology.type')}
            value={definition.type}
            onChange={(type) => {
              const next = RISK_METHODOLOGY_TYPES.find((x) => x === type);
              if (next) setDefinition(switchType(definition, next));
            }}
            data={RISK_METHODOLOGY_TYPES.map((type) => ({
              value: type,
              label: t(`risks.methodology.types.${type}`),
            }))}
          />
          <Text size="xs" c="dimmed" mt="xs">
            {t(`risks.methodology.typeHints.${definition.type}`)}
          </Text>
          {definition.type === 'owasp' ? (
            <NativeSelect
              mt="sm"
              label={t('risks.methodology.impactBasisLabel')}
              data={(['higher', 'technical', 'business'] as const).map((b) => ({
                value: b,
                label: t(`risks.methodology.impactBasis.${b}`),
              }))}
              value={definition.impactBasis}
              onChange={(e) => {
                const basis = e.currentTarget.value;
                if (basis === 'higher' || basis === 'technical' || basis === 'business')
                  setDefinition({ ...definition, impactBasis: basis });
              }}
              w={260}
            />
          ) : null}
        </Fieldset>
        {definition.type === 'matrix' ? (
          <>
            <ScaleEditor
              name={t('risks.rating.likelihood')}
              scale={definition.likelihood}
              onChange={(likelihood) =>
                setDefinition({
                  ...definition,
                  likelihood,
                  matrix: resizeMatrix(
                    definition.matrix,
                    likelihood.length,
                    definition.impact.length,
                    lowest,
                  ),
                })
              }
            />
            <ScaleEditor
              name={t('risks.rating.impact')}
              scale={definition.impact}
              onChange={(impact) =>
                setDefinition({
                  ...definition,
                  impact,
                  matrix: resizeMatrix(
                    definition.matrix,
                    definition.likelihood.length,
                    impact.length,
                    lowest,
                  ),
                })
              }
            />
          </>
        ) : null}
        <LevelsEditor
          levels={definition.levels}
          onChange={(levels) => update({ levels })}
          fixedKeys={definition.type !== 'matrix'}
        />
        {definition.type === 'matrix' ? (
          <MatrixEditor
            definition={definition}
            onChange={(matrix) => setDefinition({ ...definition, matrix })}
          />
        ) : null}
        <AcceptanceEditor
          criteria={definition.acceptance}
          levels={definition.levels}
          onChange={(acceptance) => update({ acceptance })}
        />
        <MethodologyErrors error={save.error} />
        <PageFormActions
          error={null}
          saved={save.isSuccess}
          savedMessage={t('risks.methodology.saved')}
          loading={save.isPending}
          submitLabel={t('risks.methodology.saveDraft')}
        />
      </Stack>
    </form>
  );
}
