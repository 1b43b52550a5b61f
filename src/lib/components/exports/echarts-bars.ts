// Only the parts of ECharts a bar chart needs (echarts/core keeps the bundle to them), loaded in the
// browser by BarChart.svelte through a dynamic import, so no other page carries it.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Bars {
	labels: string[];
	values: number[];
	/** Bars below zero in another colour (a severe judge), above in the brand colour. */
	signed?: boolean;
}

export function drawBars(element: HTMLElement, bars: Bars): { resize: () => void; dispose: () => void } {
	const chart = echarts.init(element, undefined, { renderer: 'canvas' });
	chart.setOption({
		animation: false,
		grid: { left: 48, right: 12, top: 16, bottom: 56, containLabel: true },
		tooltip: { trigger: 'axis', confine: true },
		xAxis: { type: 'category', data: bars.labels, axisLabel: { interval: 0, rotate: bars.labels.length > 6 ? 40 : 0 } },
		yAxis: { type: 'value', minInterval: bars.signed ? 0 : 1 },
		series: [
			{
				type: 'bar',
				data: bars.values.map((value) => ({ value, itemStyle: { color: bars.signed && value < 0 ? '#b45309' : '#1d4ed8' } }))
			}
		]
	});
	return { resize: () => chart.resize(), dispose: () => chart.dispose() };
}
