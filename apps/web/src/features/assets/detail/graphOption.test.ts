import { describe, expect, it } from 'vitest';
import { graphOption, TYPE_COLORS } from './graphOption.js';

const node = (id: string, type: 'information_system' | 'hardware' | 'software') => ({
  id,
  code: id.toUpperCase(),
  name: `name ${id}`,
  type,
  status: 'in_use' as const,
  archived: false,
});

const labels = { type: (t: string) => `T:${t}`, kind: (k: string) => `K:${k}` };

describe('relation graph option', () => {
  const option = graphOption(
    {
      nodes: [node('a', 'information_system'), node('b', 'hardware'), node('c', 'hardware')],
      edges: [
        { id: 'e1', from: 'a', to: 'b', kind: 'contains' },
        { id: 'e2', from: 'a', to: 'c', kind: 'depends_on' },
        { id: 'e3', from: 'a', to: 'gone', kind: 'depends_on' },
      ],
    },
    'a',
    labels,
  );
  const series = option.series[0];

  it('groups nodes by type with one coloured, named category per type', () => {
    expect(series?.categories).toEqual([
      { name: 'T:information_system', itemStyle: { color: TYPE_COLORS.information_system } },
      { name: 'T:hardware', itemStyle: { color: TYPE_COLORS.hardware } },
    ]);
    expect(series?.data.map((d) => d.category)).toEqual([0, 1, 1]);
    expect(option.legend[0]?.data).toEqual(['T:information_system', 'T:hardware']);
  });

  it('lays a small graph out in a circle', () => {
    expect(series?.layout).toBe('circular');
  });

  it('makes the current asset stand out', () => {
    expect(series?.data[0]?.symbolSize).toBeGreaterThan(series?.data[1]?.symbolSize ?? 0);
  });

  it('draws each relation as a labelled arrow and drops edges to nodes outside the graph', () => {
    expect(series?.links).toHaveLength(2);
    expect(series?.links[1]).toMatchObject({ source: 'a', target: 'c', kindLabel: 'K:depends_on' });
    expect(series?.links[1]?.lineStyle.type).toBe('dashed');
  });
});
