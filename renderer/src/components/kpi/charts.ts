/**
 * The dashboard's and the report's chart options from a KPI report: weekly and monthly trends
 * (cases collected, completed, resolved as bars; SLA breaches as a line) and the year-over-year
 * comparison of the period's counts. Pure: the labels come in already translated.
 */
import type { KpiFigures, TrendPoint } from '../../../../shared/cases/model';
import { baseOption, type ChartOption, type ChartTheme } from '../../lib/echarts';

export interface SeriesLabels {
  readonly collected: string;
  readonly completed: string;
  readonly resolved: string;
  readonly slaBreaches: string;
  readonly satisfied: string;
}

export function trendOption(points: readonly TrendPoint[], l: SeriesLabels, theme: ChartTheme, animate = true): ChartOption {
  const split = { lineStyle: { color: theme.line } };
  return {
    ...baseOption(
      theme,
      points.map((p) => p.label),
      animate,
    ),
    yAxis: [
      { type: 'value', minInterval: 1, splitLine: split, axisLabel: { color: theme.text } },
      { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { color: theme.text } },
    ],
    series: [
      { name: l.collected, type: 'bar', data: points.map((p) => p.collected) },
      { name: l.completed, type: 'bar', data: points.map((p) => p.completed) },
      { name: l.resolved, type: 'bar', data: points.map((p) => p.resolved) },
      { name: l.slaBreaches, type: 'line', yAxisIndex: 1, data: points.map((p) => p.slaBreaches), symbolSize: 6 },
    ],
  };
}

/** This period against the same period a year before, count by count. */
export function yoyOption(now: KpiFigures, before: KpiFigures, l: SeriesLabels & { readonly now: string; readonly before: string }, theme: ChartTheme, animate = true): ChartOption {
  const keys = ['collected', 'completed', 'resolved', 'slaBreaches', 'satisfied'] as const;
  return {
    ...baseOption(
      theme,
      keys.map((k) => l[k]),
      animate,
    ),
    xAxis: { type: 'category', data: keys.map((k) => l[k]), axisLine: { lineStyle: { color: theme.line } }, axisLabel: { color: theme.text, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: theme.line } }, axisLabel: { color: theme.text } },
    series: [
      { name: l.before, type: 'bar', data: keys.map((k) => before[k]) },
      { name: l.now, type: 'bar', data: keys.map((k) => now[k]), label: { show: true, position: 'top', color: theme.text } },
    ],
  };
}
