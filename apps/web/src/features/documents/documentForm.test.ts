import type { DocumentDetail } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { formatRequirements, formFromDetail, metadataPatch, parseRequirements } from './documentForm.js';

const detail: DocumentDetail = {
  id: 'd1',
  number: 'ISMS-P-001',
  title: '資訊安全政策',
  levelId: 'policy',
  owner: { id: 'u1', displayName: '王小明', username: 'wang' },
  classification: 'internal',
  latestStatus: 'published',
  latestVersion: 1,
  publishedVersion: 1,
  nextReviewOn: '2027-06-01',
  reviewOverdue: false,
  updatedAt: '2026-06-01T01:00:00.000Z',
  requirements: [{ framework: 'iso27001', ref: 'A.5.1' }],
  reviewIntervalMonths: 12,
  retentionYears: null,
  effectiveRetentionYears: 3,
  createdAt: '2026-06-01T01:00:00.000Z',
  versions: [],
};

describe('document metadata form', () => {
  it('sends nothing when nothing changed', () => {
    expect(metadataPatch(detail, formFromDetail(detail))).toEqual({});
    // reformatted requirements with extra blank lines are the same list
    expect(
      metadataPatch(detail, { ...formFromDetail(detail), requirements: '\n  iso27001   A.5.1 \n\n' }),
    ).toEqual({});
  });

  it('sends exactly the changed fields', () => {
    const form = {
      ...formFromDetail(detail),
      title: ' 資訊安全政策（修訂） ',
      levelId: 'procedure',
      ownerId: 'u2',
      classification: 'confidential' as const,
      requirements: 'iso27001 A.5.1\ntw-level A-1',
      reviewIntervalMonths: 6,
      nextReviewOn: '',
      retentionYears: 5,
    };
    expect(metadataPatch(detail, form)).toEqual({
      title: '資訊安全政策（修訂）',
      levelId: 'procedure',
      ownerId: 'u2',
      classification: 'confidential',
      requirements: [
        { framework: 'iso27001', ref: 'A.5.1' },
        { framework: 'tw-level', ref: 'A-1' },
      ],
      reviewIntervalMonths: 6,
      nextReviewOn: null,
      retentionYears: 5,
    });
  });

  it('clears a document retention back to the level default', () => {
    const own = { ...detail, retentionYears: 7 };
    expect(metadataPatch(own, { ...formFromDetail(own), retentionYears: null })).toEqual({
      retentionYears: null,
    });
  });

  it('round-trips requirement lines', () => {
    const list = parseRequirements('iso27001 A.5.1\nnist-csf GV.OC-01\nlonely\n');
    expect(list).toEqual([
      { framework: 'iso27001', ref: 'A.5.1' },
      { framework: 'nist-csf', ref: 'GV.OC-01' },
    ]);
    expect(parseRequirements(formatRequirements(list))).toEqual(list);
  });
});
