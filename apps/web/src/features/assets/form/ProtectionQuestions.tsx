import { Alert, Group, Radio, Stack, Text } from '@mantine/core';
import { PROTECTION_LEVELS, type ProtectionLevel } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { ProtectionBadge } from '../labels.js';
import { deriveProtectionLevel, type PartialProtectionAnswers, PROTECTION_DIMENSIONS } from '../valuation.js';

interface ProtectionQuestionsProps {
  answers: PartialProtectionAnswers;
  onChange: (answers: PartialProtectionAnswers) => void;
  error?: string | undefined;
}

function isLevel(value: string): value is ProtectionLevel {
  return PROTECTION_LEVELS.some((l) => l === value);
}

/** The Schedule 9 (附表九) questions, one per dimension, and the protection level they give. */
export function ProtectionQuestions({ answers, onChange, error }: ProtectionQuestionsProps) {
  const { t } = useTranslation();
  const level = deriveProtectionLevel(answers);

  return (
    <Stack gap="md">
      <Text size="sm">{t('assets.schedule9.intro')}</Text>
      {PROTECTION_DIMENSIONS.map((dimension) => (
        <Radio.Group
          key={dimension}
          label={t(`assets.schedule9.question.${dimension}`)}
          value={answers[dimension] ?? null}
          onChange={(value) => isLevel(value) && onChange({ ...answers, [dimension]: value })}
        >
          <Stack gap={6} mt="xs">
            {PROTECTION_LEVELS.map((answer) => (
              <Radio key={answer} value={answer} label={t(`assets.schedule9.answer.${answer}`)} />
            ))}
          </Stack>
        </Radio.Group>
      ))}
      <Group gap="xs" role="status" aria-live="polite">
        <Text size="sm" fw={600}>
          {t('assets.schedule9.derived')}
        </Text>
        {level ? (
          <ProtectionBadge level={level} />
        ) : (
          <Text size="sm">{t('assets.schedule9.incomplete')}</Text>
        )}
      </Group>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
