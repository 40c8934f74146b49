import { describe, expect, it } from 'vitest';
import { addRow, duplicateRowKeys, removeRow, rowsToIdentifiers, toRows, updateRow } from './identifiers.js';

describe('identifier list editing', () => {
  it('adds, edits and removes rows by key without touching the others', () => {
    let rows = toRows([{ kind: 'ip', value: '10.0.0.1' }]);
    rows = addRow(rows, 'mac');
    const added = rows[1];
    if (!added) throw new Error('no row added');
    expect(added).toMatchObject({ kind: 'mac', value: '' });
    rows = updateRow(rows, added.key, { value: 'AA:BB:CC:DD:EE:FF' });
    rows = updateRow(rows, added.key, { kind: 'serial' });
    expect(rowsToIdentifiers(rows)).toEqual([
      { kind: 'ip', value: '10.0.0.1' },
      { kind: 'serial', value: 'AA:BB:CC:DD:EE:FF' },
    ]);
    rows = removeRow(rows, rows[0]?.key ?? -1);
    expect(rowsToIdentifiers(rows)).toEqual([{ kind: 'serial', value: 'AA:BB:CC:DD:EE:FF' }]);
  });

  it('gives every row its own key', () => {
    const rows = addRow(addRow(toRows([]), 'ip'), 'ip');
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it('trims values and drops empty rows when sending', () => {
    const rows = addRow(toRows([{ kind: 'hostname', value: '  web01  ' }]));
    expect(rowsToIdentifiers(rows)).toEqual([{ kind: 'hostname', value: 'web01' }]);
  });

  it('marks repeated identifiers, treating MAC spellings and host-name case alike', () => {
    const rows = toRows([
      { kind: 'mac', value: 'aa-bb-cc-dd-ee-ff' },
      { kind: 'mac', value: 'AA:BB:CC:DD:EE:FF' },
      { kind: 'hostname', value: 'Web01' },
      { kind: 'hostname', value: 'web01' },
      { kind: 'serial', value: 'web01' },
      { kind: 'ip', value: '' },
      { kind: 'ip', value: ' ' },
    ]);
    const duplicates = duplicateRowKeys(rows);
    expect([...duplicates]).toEqual([rows[1]?.key, rows[3]?.key]);
  });
});
