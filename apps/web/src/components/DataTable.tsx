import { Table, type TableProps, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DataTableProps extends Omit<TableProps, 'children'> {
  caption: string;
  /** Column headings, in order. */
  columns: string[];
  /** Adds a last column of per-row buttons, its heading read by screen readers only. */
  withActions?: boolean;
  /** Below this width the table scrolls sideways instead of squeezing. */
  minWidth: number;
  /** The body rows. */
  children: ReactNode;
}

/** A striped list table with a caption and headings; the caller renders the rows. */
export function DataTable({ caption, columns, withActions, minWidth, children, ...table }: DataTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped {...table}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
            {withActions ? (
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
