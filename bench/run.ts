/**
 * Runs every benchmark module and prints a table plus one JSON line per figure, e.g.
 * {"bench":"engine_rank_5000x7x10_ms","value":18.2,"unit":"ms","baseline":2.1}.
 * Add a bench by exporting a `(measure) => Figure[]` (or Promise) function and listing it in ALL_BENCHES.
 * Arguments name the benches to run (scoring, import, live, voting, results, certificates); none runs them all.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { runScoringBench } from './scoring.bench';
import { runRegistrationImportBench } from './registration-import.bench';
import { runLiveJudgingBench } from './live-judging.bench';
import { runVotingBench } from './voting.bench';
import { runResultsBench } from './results.bench';
import { runCertificatesBench } from './certificates.bench';

export interface Figure {
	bench: string;
	value: number;
	unit: string;
	/** The same work done the naive way, measured in the same run, when there is one. */
	baseline?: number;
}

/** Median (or fastest) wall time in ms of `runs` calls after `warmUp` unmeasured ones. */
export type Measure = (work: () => unknown, options?: { warmUp?: number; runs?: number; statistic?: 'median' | 'min' }) => number;

const measure: Measure = (work, { warmUp = 5, runs = 21, statistic = 'median' } = {}) => {
	for (let index = 0; index < warmUp; index++) work();
	const times: number[] = [];
	for (let index = 0; index < runs; index++) {
		const start = performance.now();
		work();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return (statistic === 'min' ? times[0] : times[Math.floor(times.length / 2)]) as number;
};

// A bench may be async (the registration import needs a database).
const ALL_BENCHES: Record<string, (measure: Measure) => Figure[] | Promise<Figure[]>> = {
	scoring: runScoringBench,
	import: runRegistrationImportBench,
	live: runLiveJudgingBench,
	voting: runVotingBench,
	results: runResultsBench,
	certificates: runCertificatesBench
};
// `npm run bench -- live` (or `tsx bench/run.ts import live`) runs only the named benches.
const chosen = process.argv.slice(2).filter((name) => !name.startsWith('-'));
for (const name of chosen) if (!(name in ALL_BENCHES)) throw new Error(`Unknown bench ${name}; known: ${Object.keys(ALL_BENCHES).join(', ')}`);
const BENCHES = chosen.length > 0 ? chosen.map((name) => ALL_BENCHES[name]!) : Object.values(ALL_BENCHES);

const round = (value: number) => Math.round(value * 100) / 100;

for (const bench of BENCHES) {
	const figures = await bench(measure);
	console.log(`\n${'figure'.padEnd(40)} ${'value'.padStart(10)} ${'unit'.padEnd(8)} ${'baseline'.padStart(10)}`);
	for (const figure of figures)
		console.log(`${figure.bench.padEnd(40)} ${String(round(figure.value)).padStart(10)} ${figure.unit.padEnd(8)} ${figure.baseline === undefined ? '' : String(round(figure.baseline)).padStart(10)}`);
	console.log('');
	for (const figure of figures)
		console.log(JSON.stringify({ ...figure, value: round(figure.value), ...(figure.baseline === undefined ? {} : { baseline: round(figure.baseline) }) }));
}
console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
