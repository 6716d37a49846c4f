/**
 * One ECharts chart (bar or line), sized for the wall: fonts scale with the display so labels stay
 * readable from five metres, every value is written on the chart (no tooltip, nothing hover-only).
 * Only the parts used are imported from echarts/core; the canvas renderer keeps the CSP intact.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, CanvasRenderer]);

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
  readonly colour: string;
}

/** Font size for chart text on this display: 1/80 of its width, at least 14 px (48 px at 3840). */
export function wallFont(width: number): number {
  return Math.max(14, Math.round(width / 80));
}

export function Chart({ kind, labels, series, testid }: { kind: 'bar' | 'line'; labels: readonly string[]; series: readonly Series[]; testid: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    const onResize = (): void => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const font = wallFont(window.innerWidth);
    const axis = { color: '#e8eef7', fontSize: font };
    chart.current?.setOption(
      {
        animation: false,
        backgroundColor: 'transparent',
        grid: { left: font * 2.5, right: font, top: font * 1.6, bottom: font * 1.8 },
        xAxis: { type: 'category', data: [...labels], axisLabel: { ...axis, interval: 0 }, axisLine: { lineStyle: { color: '#5a6b85' } } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: axis, splitLine: { lineStyle: { color: '#22324a' } } },
        series: series.map((s) => ({
          name: s.name,
          type: kind,
          data: [...s.values],
          itemStyle: { color: s.colour },
          lineStyle: { width: font / 6 },
          symbolSize: font / 3,
          barMaxWidth: font * 3,
          label: { show: true, position: 'top', color: '#ffffff', fontSize: font, fontWeight: 'bold' },
        })),
      },
      true,
    );
  }, [kind, labels, series]);
  return <div ref={el} className="qx-chart" data-testid={testid} data-points={labels.length} />;
}
