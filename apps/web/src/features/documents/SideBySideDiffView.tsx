import { Code, Table } from '@mantine/core';
import type { DiffLine } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { type DiffCell, type SideBySideRow, sideBySide } from './sideBySide.js';

const OLD_FILL = 'var(--mantine-color-red-light)';
const NEW_FILL = 'var(--mantine-color-green-light)';

interface SideBySideDiffViewProps {
  lines: DiffLine[];
  from: number;
  to: number;
}

/** The old version on the left, the new on the right; a changed line reads across one row. */
export function SideBySideDiffView({ lines, from, to }: SideBySideDiffViewProps) {
  const { t } = useTranslation();
  const rows = sideBySide(lines);
  return (
    <Table withRowBorders={false} fz="sm" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={48}>{t('documents.diff.line')}</Table.Th>
          <Table.Th>{t('documents.diff.version', { version: from })}</Table.Th>
          <Table.Th w={48}>{t('documents.diff.line')}</Table.Th>
          <Table.Th>{t('documents.diff.version', { version: to })}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the diff is fixed once computed
          <Table.Tr key={i}>
            <Side cell={r.left} mark="−" fill={r.kind === 'same' ? undefined : OLD_FILL} row={r} />
            <Side cell={r.right} mark="+" fill={r.kind === 'same' ? undefined : NEW_FILL} row={r} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Side({
  cell,
  mark,
  fill,
  row,
}: {
  cell: DiffCell | null;
  mark: string;
  fill: string | undefined;
  row: SideBySideRow;
}) {
  const background = cell ? fill : undefined;
  return (
    <>
      <Table.Td style={{ background }}>{cell?.line ?? ''}</Table.Td>
      <Table.Td style={{ background, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {cell ? <Code bg="transparent">{`${row.kind === 'same' ? ' ' : mark} ${cell.text}`}</Code> : null}
      </Table.Td>
    </>
  );
}
