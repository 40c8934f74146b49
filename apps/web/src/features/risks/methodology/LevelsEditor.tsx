import { Button, ColorInput, Fieldset, Group, Table, TextInput } from '@mantine/core';
import type { RiskLevelDefinition } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

interface LevelsEditorProps {
  levels: RiskLevelDefinition[];
  onChange: (levels: RiskLevelDefinition[]) => void;
  /** CVSS and OWASP levels have fixed keys: only names and colours change. */
  fixedKeys: boolean;
}

/** The risk levels, lowest first: key, names in both languages, colour. */
export function LevelsEditor({ levels, onChange, fixedKeys }: LevelsEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<RiskLevelDefinition>) =>
    onChange(levels.map((level, i) => (i === index ? { ...level, ...change } : level)));
  const label = (key: 'key' | 'zh' | 'en' | 'color', index: number) =>
    t(`risks.methodology.levelField.${key}`, { rank: index + 1 });
  return (
    <Fieldset legend={t('risks.methodology.levels')}>
      <Table.ScrollContainer minWidth={700}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('risks.methodology.rank')}</Table.Th>
              <Table.Th scope="col">{t('risks.methodology.levelKey')}</Table.Th>
              <Table.Th scope="col">{t('risks.methodology.labelZh')}</Table.Th>
              <Table.Th scope="col">{t('risks.methodology.labelEn')}</Table.Th>
              <Table.Th scope="col">{t('risks.methodology.color')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {levels.map((level, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: keys are being edited; the position is the identity.
              <Table.Tr key={index}>
                <Table.Th scope="row">{index + 1}</Table.Th>
                <Table.Td>
                  <TextInput
                    aria-label={label('key', index)}
                    value={level.key}
                    onChange={(e) => set(index, { key: e.currentTarget.value })}
                    readOnly={fixedKeys}
                    ff="monospace"
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={label('zh', index)}
                    value={level.zh}
                    onChange={(e) => set(index, { zh: e.currentTarget.value })}
                    lang="zh-TW"
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={label('en', index)}
                    value={level.en}
                    onChange={(e) => set(index, { en: e.currentTarget.value })}
                    lang="en"
                  />
                </Table.Td>
                <Table.Td>
                  <ColorInput
                    aria-label={label('color', index)}
                    value={level.color}
                    onChange={(color) => set(index, { color })}
                    format="hex"
                    withEyeDropper={false}
                    w={140}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {fixedKeys ? null : (
        <Group mt="sm">
          <Button
            size="xs"
            variant="default"
            disabled={levels.length >= 8}
            onClick={() =>
              onChange([...levels, { key: `level_${levels.length + 1}`, en: '', zh: '', color: '#adb5bd' }])
            }
          >
            {t('risks.methodology.addLevel')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={levels.length <= 2}
            onClick={() => onChange(levels.slice(0, -1))}
          >
            {t('risks.methodology.removeLevel')}
          </Button>
        </Group>
      )}
    </Fieldset>
  );
}
