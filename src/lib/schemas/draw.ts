import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { parseStationLabels } from '$lib/domain/draw/station-labels';
import { digitsAsNumber, isPlainText, optionalText } from './fields';

export const drawStageField = z
	.preprocess(digitsAsNumber, z.int({ error: () => m.draw_validation_stage() }).min(1, { error: () => m.draw_validation_stage() }).max(3, { error: () => m.draw_validation_stage() }))
	.transform((stage) => stage as 1 | 2 | 3)
	.meta({ description: '1: contestant numbers; 2: running order and stations; 3: marking numbers', example: 1 });

const stationLabel = z
	.string({ error: () => m.validation_invalid() })
	.trim()
	.min(1, { error: () => m.validation_required() })
	.max(20, { error: () => m.validation_too_long({ max: 20 }) })
	.refine(isPlainText, { error: () => m.http_text_invalid_characters() });

export const stageBodySchema = z.object({ stage: drawStageField });

export const commitBodySchema = z.object({
	stage: drawStageField,
	stationLabels: z
		.array(stationLabel)
		.max(1000, { error: () => m.draw_validation_stations_too_many() })
		.refine((labels) => new Set(labels).size === labels.length, { error: () => m.draw_validation_stations_duplicate() })
		.optional()
		.default([])
		.meta({ description: 'Stage 2 only: the stations handed out in drawn order (at least one per entry), e.g. ["A01", "A02", …]. Fixed at commitment.' })
});

/** The commit form: stations typed as "A01-A30" or a list. */
export const commitFormSchema = z.object({
	stage: drawStageField,
	stationLabels: optionalText(20_000)
		.optional()
		.default('')
		.transform((text, context) => {
			const parsed = parseStationLabels(text);
			if (parsed.ok) return parsed.labels;
			const message = parsed.problem === 'duplicate' ? m.draw_validation_stations_duplicate() : parsed.problem === 'too_long' ? m.validation_too_long({ max: 20 }) : m.draw_validation_stations_too_many();
			context.addIssue({ code: 'custom', message });
			return z.NEVER;
		})
});

export const roundPathSchema = z.object({ id: z.uuid() });
