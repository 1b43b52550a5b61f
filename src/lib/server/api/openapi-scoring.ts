import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { evaluateRound, type RoundInput, type Scheme } from '$lib/domain/scoring';
import { errorResponses } from '$lib/schemas/api/common';
import { evaluateResponseSchema } from '$lib/schemas/api/scoring';
import { evaluateRequestSchema } from '$lib/schemas/scheme';

// The textile standard in miniature: theory 20 % entered, practical 80 % by five judges dropping the
// highest and lowest, and a deduction per knot end over 3 mm (2 points each).
const exampleScheme: Scheme = {
	components: [
		{ key: 'theory', source: 'entered', weight: 2000 },
		{
			key: 'practical',
			source: 'judges',
			weight: 8000,
			aggregation: { method: 'trimmed_mean', trim: 1, minJudges: 5 },
			criteria: [
				{ key: 'quality', max: 6000 },
				{ key: 'speed', max: 4000 }
			],
			deductions: [{ key: 'knot_end_over_3mm', points: 200 }]
		}
	],
	tieBreaks: ['component:practical', 'fewer_deductions'],
	tiers: [
		{ key: 'first', label: { 'zh-CN': '一等奖', en: 'First prize' }, limit: { kind: 'count', count: 1 } },
		{ key: 'second', label: { 'zh-CN': '二等奖', en: 'Second prize' }, limit: { kind: 'count', count: 1 } }
	]
};

const judges = ['J1', 'J2', 'J3', 'J4', 'J5'];
const sheet = (marks: [number, number][]) => marks.map(([quality, speed], index) => ({ judgeId: judges[index]!, scores: { quality, speed } }));

const exampleInput: RoundInput = {
	entries: [
		{ id: 'A', number: 1, entered: { theory: 9000 }, sheets: { practical: sheet([[5500, 3600], [5200, 3500], [5800, 3900], [5000, 3000], [5400, 3700]]) }, deductions: { practical: { knot_end_over_3mm: 1 } } },
		{ id: 'B', number: 2, entered: { theory: 8250 }, sheets: { practical: sheet([[5600, 3800], [5700, 3900], [5500, 3600], [5900, 4000], [5650, 3850]]) } },
		{ id: 'C', number: 3, entered: { theory: 9500 }, sheets: { practical: sheet([[4800, 3000], [5000, 3200], [4900, 3100], [4700, 2900], [5100, 3300]]) }, deductions: { practical: { knot_end_over_3mm: 2 } } }
	]
};

// The response example is the engine's own answer to the request example, so it can never drift.
const exampleResult = JSON.parse(JSON.stringify(evaluateRound(exampleScheme, exampleInput), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));

export const scoringPaths: ZodOpenApiPathsObject = {
	'/scoring/evaluate': {
		post: {
			operationId: 'evaluateRound',
			tags: ['scoring'],
			summary: 'Score a round from a scheme and raw data, statelessly: nothing is stored',
			description:
				'For checking results worked out on paper, and for the scheme editor’s preview. Accepts an API token or a signed-in session. All point values are integer hundredths (12.5 points → 1250; 20 % → 2000).',
			requestBody: { required: true, content: { 'application/json': { schema: evaluateRequestSchema, example: { scheme: exampleScheme, input: exampleInput } } } },
			responses: {
				'200': { description: 'Every entry ranked, with components, total, tier, flags and the full breakdown', content: { 'application/json': { schema: evaluateResponseSchema, example: exampleResult } } },
				...errorResponses
			}
		}
	}
};
