import type { AssetSummary, AssetType } from '@vigil/contracts';

export interface RelationGraph {
  nodes: AssetSummary[];
  edges: { id: string; from: string; to: string; kind: 'contains' | 'depends_on' }[];
}

/** One colour per asset type (the legend names them, so colour is never the only clue). */
export const TYPE_COLORS: Record<AssetType, string> = {
  information: '#1c7ed6',
  software: '#7048e8',
  hardware: '#495057',
  information_system: '#c92a2a',
  service: '#2b8a3e',
  network_device: '#e67700',
  cloud_service: '#0b7285',
  mobile_device: '#a61e4d',
  iot_device: '#5c940d',
  people: '#862e9c',
  site: '#364fc7',
};

export interface GraphLabels {
  type: (type: AssetType) => string;
  kind: (kind: 'contains' | 'depends_on') => string;
}

/**
 * The ECharts option for the relation graph around `currentId`: nodes grouped (and coloured) by type,
 * arrows pointing from the asset that contains or depends on to the one contained or depended on.
 */
export function graphOption(graph: RelationGraph, currentId: string, labels: GraphLabels) {
  const types = [...new Set(graph.nodes.map((n) => n.type))];
  const known = new Set(graph.nodes.map((n) => n.id));
  return {
    animation: false,
    tooltip: { trigger: 'item' as const },
    legend: [{ data: types.map((type) => labels.type(type)), bottom: 0 }],
    series: [
      {
        type: 'graph' as const,
        // A circle reads best for a handful of assets; a force layout untangles larger graphs.
        layout: graph.nodes.length <= 12 ? ('circular' as const) : ('force' as const),
        circular: { rotateLabel: false },
        force: { repulsion: 260, edgeLength: 110, gravity: 0.08 },
        roam: true,
        draggable: true,
        label: { show: true, position: 'right' as const, formatter: '{b}' },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: [0, 9],
        edgeLabel: {
          show: true,
          fontSize: 10,
          formatter: (p: { data?: { kindLabel?: string } }) => p.data?.kindLabel ?? '',
        },
        categories: types.map((type) => ({
          name: labels.type(type),
          itemStyle: { color: TYPE_COLORS[type] },
        })),
        data: graph.nodes.map((node) => ({
          id: node.id,
          name: `${node.code} ${node.name}`,
          category: types.indexOf(node.type),
          symbolSize: node.id === currentId ? 30 : 18,
          itemStyle: node.id === currentId ? { borderColor: '#000', borderWidth: 3 } : undefined,
          value: labels.type(node.type),
        })),
        links: graph.edges
          .filter((edge) => known.has(edge.from) && known.has(edge.to))
          .map((edge) => ({
            source: edge.from,
            target: edge.to,
            kindLabel: labels.kind(edge.kind),
            lineStyle: {
              type: edge.kind === 'depends_on' ? ('dashed' as const) : ('solid' as const),
              width: 1.5,
            },
          })),
      },
    ],
  };
}
