// Only the parts of ECharts the timeline uses (echarts/core keeps the bundle to them), loaded in the
// browser by VoteTimeline.svelte through a dynamic import, so no other page carries it.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, DataZoomComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export interface TimelineSeries {
	label: string;
	votes: number[];
	flagged: number[];
}

export interface TimelineOptions {
	/** Bucket starts as Shanghai clock labels. */
	labels: string[];
	lines: TimelineSeries[];
	flaggedLabel: string;
}

/** Draws votes per candidate per bucket as lines, and all flagged votes as a red filled line on top. */
export function drawTimeline(element: HTMLElement, options: TimelineOptions): { resize: () => void; dispose: () => void } {
	const chart = echarts.init(element, undefined, { renderer: 'canvas' });
	const flaggedTotals = options.labels.map((_, index) => options.lines.reduce((sum, line) => sum + (line.flagged[index] ?? 0), 0));
	chart.setOption({
		animation: false,
		grid: { left: 40, right: 12, top: 48, bottom: 56 },
		tooltip: { trigger: 'axis', confine: true },
		legend: { type: 'scroll', top: 0 },
		dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
		xAxis: { type: 'category', data: options.labels, boundaryGap: true },
		yAxis: { type: 'value', minInterval: 1 },
		series: [
			...options.lines.map((line) => ({ name: line.label, type: 'line', data: line.votes, showSymbol: false, sampling: 'lttb' })),
			// On top of the lines, filled, so a flagged burst reads as red even where its candidate's line covers it.
			{ name: options.flaggedLabel, type: 'line', data: flaggedTotals, z: 5, showSymbol: false, step: 'middle', itemStyle: { color: '#dc2626' }, lineStyle: { width: 2, color: '#dc2626' }, areaStyle: { color: 'rgba(220, 38, 38, 0.35)' } }
		]
	});
	return { resize: () => chart.resize(), dispose: () => chart.dispose() };
}
