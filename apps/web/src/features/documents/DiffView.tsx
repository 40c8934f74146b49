import { Code, Table } from '@mantine/core';
import type { DiffLine } from '@vigil/contracts';

const MARK = { same: ' ', added: '+', removed: '−' } as const;
const FILL = {
  same: undefined,
  added: 'var(--mantine-color-green-light)',
  removed: 'var(--mantine-color-red-light)',
} as const;

/** A unified line diff with the old and new line numbers. */
export function DiffView({ lines }: { lines: DiffLine[] }) {
  return (
    <Table withRowBorders={false} fz="sm">
      <Table.Tbody>
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the diff is fixed once computed
          <Table.Tr key={i} style={{ background: FILL[l.kind] }}>
            <Table.Td w={40}>{l.oldLine ?? ''}</Table.Td>
            <Table.Td w={40}>{l.newLine ?? ''}</Table.Td>
            <Table.Td>
              <Code bg="transparent">{`${MARK[l.kind]} ${l.text}`}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
