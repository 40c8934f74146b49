import { Fieldset, NativeSelect, Table, TextInput } from '@mantine/core';
import type { RiskScaleLevel } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { scaleOf } from './defaults.js';

interface ScaleEditorProps {
  /** "Likelihood" or "Impact". */
  name: string;
  scale: RiskScaleLevel[];
  onChange: (scale: RiskScaleLevel[]) => void;
}

const SIZES = ['3', '4', '5', '6'];

/** A likelihood or impact scale: 3–6 levels, each labelled and described in both languages. */
export function ScaleEditor({ name, scale, onChange }: ScaleEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<RiskScaleLevel>) =>
    onChange(scale.map((level, i) => (i === index ? { ...level, ...change } : level)));
  const field = (index: number, key: 'zh' | 'en' | 'descriptionZh' | 'descriptionEn') => ({
    value: scale[index]?.[key] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(index, { [key]: e.currentTarget.value }),
    'aria-label': t(`risks.methodology.scaleField.${key}`, { scale: name, value: index + 1 }),
  });
  return (
    <Fieldset legend={name}>
      <NativeSelect
        label={t('risks.methodology.scaleSize', { scale: name })}
        data={SIZES}
        value={String(scale.length)}
        onChange={(e) => onChange(scaleOf(Number(e.currentTarget.value), scale))}
        w={200}
        mb="sm"
      />
      <Table.ScrollContainer minWidth={700}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('risks.methodology.value')}</Table.Th>
              <Table.Th scope="col">{t('risks.methodology.labelZh')}</Table.Th>
              <Table.Th scope="col">{t('risks.methodology.labelEn')}</Table.Th>
              <Table.Th scope="col">{t('risks.methodology.descriptionZh')}</Table.Th>
              <Table.Th scope="col">{t('risks.methodology.descriptionEn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scale.map((level, index) => (
              <Table.Tr key={level.value}>
                <Table.Th scope="row">{level.value}</Table.Th>
                <Table.Td>
                  <TextInput {...field(index, 'zh')} lang="zh-TW" />
                </Table.Td>
                <Table.Td>
                  <TextInput {...field(index, 'en')} lang="en" />
                </Table.Td>
                <Table.Td>
                  <TextInput {...field(index, 'descriptionZh')} lang="zh-TW" />
                </Table.Td>
                <Table.Td>
                  <TextInput {...field(index, 'descriptionEn')} lang="en" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Fieldset>
  );
}
