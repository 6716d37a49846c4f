/**
 * One ECharts chart, mounted once and updated with setOption when its option changes (the
 * dashboard's figures refresh without re-creating it); resized with its box.
 */
import { memo, useEffect, useRef } from 'react';
import type { EChartsType } from 'echarts/core';
import { createChart, type ChartOption } from '../../lib/echarts';

export const Chart = memo(function Chart({ option, testId, className = 'qx-chart__canvas' }: { option: ChartOption; testId: string; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = createChart(el);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className={className} data-testid={testId} />;
});
