/**
 * ECharts for the KPI dashboard and its printed report, with only what they use registered
 * (line and bar charts, grid, tooltip, legend; the SVG renderer, crisp on screen and in a PDF),
 * so the bundle carries none of the rest. The dark palette follows styles/base.css.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption, EChartsType } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Series colours on the dark theme, then on paper (print). */
export const SERIES_COLOURS = ['#4cc3ff', '#ffb020', '#3ddc84', '#ff4d4f', '#b48cff'];
export const PRINT_COLOURS = ['#1565c0', '#e65100', '#2e7d32', '#c62828', '#6a1b9a'];

export interface ChartTheme {
  readonly text: string;
  readonly line: string;
  readonly colours: readonly string[];
}

export const DARK: ChartTheme = { text: '#b4c2d6', line: '#22324a', colours: SERIES_COLOURS };
export const PAPER: ChartTheme = { text: '#222222', line: '#cccccc', colours: PRINT_COLOURS };

export function createChart(el: HTMLElement): EChartsType {
  return echarts.init(el, undefined, { renderer: 'svg' });
}

/** Axes, grid and legend for a category-by-time chart in a theme. */
export function baseOption(theme: ChartTheme, categories: readonly string[], animate: boolean): ChartOption {
  return {
    animation: animate,
    color: [...theme.colours],
    textStyle: { color: theme.text, fontSize: 13 },
    grid: { left: 44, right: 44, top: 36, bottom: 28 },
    legend: { top: 0, textStyle: { color: theme.text } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [...categories], axisLine: { lineStyle: { color: theme.line } }, axisLabel: { color: theme.text } },
  };
}
