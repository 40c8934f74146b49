import type { AssetIdentifier, IdentifierKind } from '@vigil/contracts';

/** A row of the identifier editor; `key` keeps React rows stable while rows are added and removed. */
export interface IdentifierRow {
  key: number;
  kind: IdentifierKind;
  value: string;
}

let nextKey = 1;

export function toRows(identifiers: readonly AssetIdentifier[]): IdentifierRow[] {
  return identifiers.map((identifier) => ({ key: nextKey++, ...identifier }));
}

export function addRow(rows: readonly IdentifierRow[], kind: IdentifierKind = 'hostname'): IdentifierRow[] {
  return [...rows, { key: nextKey++, kind, value: '' }];
}

export function updateRow(
  rows: readonly IdentifierRow[],
  key: number,
  change: Partial<Omit<IdentifierRow, 'key'>>,
): IdentifierRow[] {
  return rows.map((row) => (row.key === key ? { ...row, ...change } : row));
}

export function removeRow(rows: readonly IdentifierRow[], key: number): IdentifierRow[] {
  return rows.filter((row) => row.key !== key);
}

/** Normalised for comparing: MACs and hostnames are compared without case or separators' style. */
function comparable(kind: IdentifierKind, value: string): string {
  const trimmed = value.trim();
  if (kind === 'mac') return trimmed.toLowerCase().replace(/[-.:]/g, '');
  if (kind === 'hostname' || kind === 'url') return trimmed.toLowerCase();
  return trimmed;
}

/** Keys of rows repeating an earlier row (same kind and value); the form marks them. */
export function duplicateRowKeys(rows: readonly IdentifierRow[]): Set<number> {
  const seen = new Set<string>();
  const duplicates = new Set<number>();
  for (const row of rows) {
    if (!row.value.trim()) continue;
    const id = `${row.kind}\u0000${comparable(row.kind, row.value)}`;
    if (seen.has(id)) duplicates.add(row.key);
    else seen.add(id);
  }
  return duplicates;
}

/** The identifiers to send: trimmed, empty rows dropped. */
export function rowsToIdentifiers(rows: readonly IdentifierRow[]): AssetIdentifier[] {
  return rows
    .map((row) => ({ kind: row.kind, value: row.value.trim() }))
    .filter((identifier) => identifier.value !== '');
}
