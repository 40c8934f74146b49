import type { TreatmentItemView } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { byUrgency } from './TreatmentPage.js';

const item = (title: string, overdue: boolean, dueOn: string | null) =>
  ({ title, overdue, dueOn }) as Pick<TreatmentItemView, 'title' | 'overdue' | 'dueOn'> as TreatmentItemView;

describe('treatment plan order', () => {
  it('puts overdue items first, then the earliest due, undated last', () => {
    const items = [
      item('undated', false, null),
      item('later', false, '2026-09-01'),
      item('overdue-late', true, '2026-05-20'),
      item('sooner', false, '2026-07-01'),
      item('overdue-early', true, '2026-04-01'),
    ];
    expect([...items].sort(byUrgency).map((i) => i.title)).toEqual([
      'overdue-early',
      'overdue-late',
      'sooner',
      'later',
      'undated',
    ]);
  });
});
