import type { AssetView } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import {
  assetFormFrom,
  assetRequestFrom,
  emptyAssetForm,
  hasPartialAnswers,
  ruleErrorField,
  serverFieldErrors,
} from './assetForm.js';
import { addRow } from './identifiers.js';

const asset: AssetView = {
  id: 'a1',
  code: 'IS-0001',
  name: '公文系統',
  type: 'information_system',
  identifiers: [{ kind: 'hostname', value: 'doc.example.tw' }],
  owner: { id: 'u1', displayName: '王小明', username: 'ming' },
  custodian: null,
  unit: { id: 'unit1', name: '資訊室' },
  location: null,
  description: null,
  status: 'in_use',
  commissionedOn: '2024-01-02',
  retiredOn: null,
  disposedOn: null,
  vendor: 'ACME',
  endOfSupportOn: null,
  tags: ['erp'],
  confidentiality: 3,
  integrity: 2,
  availability: 1,
  legal: 2,
  value: 3,
  classification: 'sensitive',
  coreSystem: true,
  criticalInfrastructure: false,
  informationClass: 'core',
  protectionAnswers: {
    confidentiality: 'high',
    integrity: 'medium',
    availability: 'normal',
    legal: 'normal',
  },
  protectionLevel: 'high',
  mtpdHours: 8,
  rtoHours: 4,
  rpoHours: 1,
  personalData: true,
  archivedAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('asset form ↔ request', () => {
  it('leaves out an empty code so the server generates one, and sends empty text as null', () => {
    const form = { ...emptyAssetForm(), name: 'Web', type: 'hardware' as const, location: '  ' };
    const body = assetRequestFrom(form, { legalRating: false });
    expect('code' in body).toBe(false);
    expect(body.location).toBeNull();
    expect(body.protectionAnswers).toBeNull();
    expect('legal' in body).toBe(false);
  });

  it('keeps every field of an existing asset through the form unchanged', () => {
    const body = assetRequestFrom(assetFormFrom(asset), { legalRating: true });
    expect(body).toMatchObject({
      code: 'IS-0001',
      name: '公文系統',
      ownerId: 'u1',
      unitId: 'unit1',
      identifiers: [{ kind: 'hostname', value: 'doc.example.tw' }],
      legal: 2,
      protectionAnswers: asset.protectionAnswers,
      commissionedOn: '2024-01-02',
      mtpdHours: 8,
    });
  });

  it('drops Schedule 9 answers when the type no longer asks them and empty identifier rows', () => {
    const form = assetFormFrom(asset);
    form.type = 'hardware';
    form.identifiers = addRow(form.identifiers);
    const body = assetRequestFrom(form, { legalRating: true });
    expect(body.protectionAnswers).toBeNull();
    expect(body.identifiers).toHaveLength(1);
  });

  it('clears an old legal rating once the organisation stopped rating it', () => {
    expect(assetRequestFrom(assetFormFrom(asset), { legalRating: false }).legal).toBeNull();
  });

  it('notices half-answered Schedule 9 questions', () => {
    const form = { ...emptyAssetForm(), type: 'cloud_service' as const };
    expect(hasPartialAnswers(form)).toBe(false);
    form.protectionAnswers = { confidentiality: 'high' };
    expect(hasPartialAnswers(form)).toBe(true);
    expect(assetRequestFrom(form, { legalRating: false }).protectionAnswers).toBeNull();
  });

  it('maps server validation details onto the top-level fields', () => {
    expect(
      serverFieldErrors([
        { path: 'identifiers.1.value', message: 'duplicate' },
        { path: 'confidentiality', message: 'above scale' },
        { path: 'identifiers.2.value', message: 'second' },
      ]),
    ).toEqual({ identifiers: 'duplicate', confidentiality: 'above scale' });
  });
});

describe('ruleErrorField', () => {
  it('names the top-level field of a business-rule error', () => {
    expect(ruleErrorField({ field: 'identifiers.1', kind: 'ip' })).toBe('identifiers');
    expect(ruleErrorField({ field: 'ownerId' })).toBe('ownerId');
    expect(ruleErrorField({ ratingsOutOfRange: 2 })).toBeNull();
    expect(ruleErrorField(null)).toBeNull();
    expect(ruleErrorField([{ path: 'name' }])).toBeNull();
  });
});
