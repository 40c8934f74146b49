import type { AssetType } from '@vigil/contracts';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphOption, type RelationGraph } from './graphOption.js';

// Only the parts the relation graph draws, so the chunk stays small.
echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

interface RelationGraphChartProps {
  graph: RelationGraph;
  currentId: string;
  /** The accessible name of the drawing; the relation lists next to it are its text alternative. */
  label: string;
}

/** The relation graph drawn with ECharts; clicking another asset's node opens it. */
export default function RelationGraphChart({ graph, currentId, label }: RelationGraphChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element);
    chart.setOption(
      graphOption(graph, currentId, {
        type: (type: AssetType) => t(`assets.types.${type}`),
        kind: (kind) => t(`assets.relations.kinds.${kind}`),
      }),
    );
    chart.on('click', (params) => {
      if (params.dataType !== 'node') return;
      const id = (params.data as { id?: string } | undefined)?.id;
      if (id && id !== currentId) navigate(`/assets/${id}`);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [graph, currentId, t, navigate]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 420 }} />;
}
