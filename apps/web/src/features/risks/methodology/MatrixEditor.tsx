import { Fieldset, NativeSelect, Table } from '@mantine/core';
import type { MatrixMethodologyDefinition } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../labels.js';
import { levelByKey, resizeMatrix } from '../rating.js';

interface MatrixEditorProps {
  definition: MatrixMethodologyDefinition;
  onChange: (matrix: string[][]) => void;
}

/** The risk matrix: each likelihood × impact cell picks a level; highest likelihood at the top. */
export function MatrixEditor({ definition, onChange }: MatrixEditorProps) {
  const { t } = useTranslation();
  const text = useBilingual();
  const lowest = definition.levels[0]?.key ?? '';
  const matrix = resizeMatrix(
    definition.matrix,
    definition.likelihood.length,
    definition.impact.length,
    lowest,
  );
  const options = definition.levels.map((l) => ({ value: l.key, label: text(l) || l.key }));
  const rows = [...definition.likelihood].reverse();
  const set = (l: number, i: number, key: string) =>
    onChange(matrix.map((row, r) => (r === l - 1 ? row.map((cell, c) => (c === i - 1 ? key : cell)) : row)));
  return (
    <Fieldset legend={t('risks.methodology.matrix')}>
      <Table.ScrollContainer minWidth={150 + definition.impact.length * 130}>
        <Table withTableBorder withColumnBorders layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('risks.heatmap.corner')}</Table.Th>
              {definition.impact.map((col) => (
                <Table.Th scope="col" key={col.value}>
                  {col.value}. {text(col)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.value}>
                <Table.Th scope="row">
                  {row.value}. {text(row)}
                </Table.Th>
                {definition.impact.map((col) => {
                  const key = matrix[row.value - 1]?.[col.value - 1] ?? lowest;
                  const color = levelByKey(definition, key)?.color ?? '#ffffff';
                  return (
                    <Table.Td key={col.value} style={{ background: color }}>
                      <NativeSelect
                        aria-label={t('risks.methodology.cell', {
                          likelihood: `${row.value}. ${text(row)}`,
                          impact: `${col.value}. ${text(col)}`,
                        })}
                        data={options}
                        value={key}
                        onChange={(e) => set(row.value, col.value, e.currentTarget.value)}
                        size="xs"
                        styles={{ input: { color: '#000000', background: 'rgba(255, 255, 255, 0.85)' } }}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Fieldset>
  );
}
