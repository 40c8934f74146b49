import type { AssetView } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { addRow, updateRow } from '../identifiers.js';
import { correctionFormFrom, correctionsFrom } from './correction.js';

const asset: AssetView = {
  id: 'a1',
  code: 'HW-0001',
  name: 'Server',
  type: 'hardware',
  identifiers: [{ kind: 'ip', value: '10.0.0.1' }],
  owner: { id: 'u1', displayName: 'Owner', username: 'owner' },
  custodian: null,
  unit: null,
  location: 'Room 1',
  description: null,
  status: 'in_use',
  commissionedOn: null,
  retiredOn: null,
  disposedOn: null,
  vendor: null,
  endOfSupportOn: null,
  tags: ['rack'],
  confidentiality: 2,
  integrity: 2,
  availability: 3,
  legal: null,
  value: 3,
  classification: 'restricted',
  coreSystem: false,
  criticalInfrastructure: false,
  informationClass: 'non_core',
  protectionAnswers: null,
  protectionLevel: null,
  mtpdHours: null,
  rtoHours: null,
  rpoHours: null,
  personalData: false,
  archivedAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('owner corrections', () => {
  it('are empty when nothing changed (a plain confirmation)', () => {
    expect(correctionsFrom(asset, correctionFormFrom(asset))).toEqual({});
  });

  it('hold only the changed fields, with cleared text as null', () => {
    const form = correctionFormFrom(asset);
    form.location = ' ';
    form.status = 'retired';
    form.availability = 1;
    expect(correctionsFrom(asset, form)).toEqual({ location: null, status: 'retired', availability: 1 });
  });

  it('send the whole identifier list when one identifier changed, ignoring empty new rows', () => {
    const form = correctionFormFrom(asset);
    form.identifiers = addRow(form.identifiers);
    expect(correctionsFrom(asset, form)).toEqual({});
    const first = form.identifiers[0];
    if (!first) throw new Error('no row');
    form.identifiers = updateRow(form.identifiers, first.key, { value: '10.0.0.2' });
    expect(correctionsFrom(asset, form)).toEqual({ identifiers: [{ kind: 'ip', value: '10.0.0.2' }] });
  });
});
