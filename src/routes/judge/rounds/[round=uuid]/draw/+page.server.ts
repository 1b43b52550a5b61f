import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { encryptionJudgeActor } from '$lib/server/draw/judge-draw';
import { commitStage, getRoundDraw, openDecodingTable, revealStage, runStage, verifyRoundDraw } from '$lib/server/draw/draw-service';
import { commitFormSchema, stageBodySchema } from '$lib/schemas/draw';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad, throwAsPageError } from '$lib/server/http/pages';
import { z } from 'zod';

// The round's encryption judges, members of the organisation or not (code-only accounts): the same
// services as the organiser's draw page, which admit them only as the round's encryption judges.
const member = (event: RequestEvent) => encryptionJudgeActor(requireUser(event), event.params.round).catch(throwAsPageError);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await member(event);
	const draw = await getRoundDraw(actor, event.params.round);
	return {
		round: { id: draw.round.id, name: draw.round.name, eventName: draw.round.eventName, competitionTitle: draw.round.competitionTitle, competitionSlug: draw.round.competitionSlug, competitionId: draw.round.competitionId },
		stages: draw.stages,
		numbers: draw.numbers,
		sealed: draw.sealed,
		canOpenDecodingTable: draw.canOpenDecodingTable,
		verification: await verifyRoundDraw(actor, event.params.round)
	};
}) satisfies PageServerLoad;

// The form says what it is for, so a stray or garbled post opens nothing.
const openSchema = z.object({ formId: z.literal('open', { error: () => m.validation_invalid() }) });

export const actions = {
	commit: async (event) => {
		const actor = await member(event);
		const parsed = await parseForm(event.request, commitFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ done: 'committed' as const, stage: (await commitStage(actor, event.params.round, parsed.data.stage, parsed.data.stationLabels)).stage }));
	},
	run: async (event) => {
		const actor = await member(event);
		const parsed = await parseForm(event.request, stageBodySchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ done: 'run' as const, stage: (await runStage(actor, event.params.round, parsed.data.stage)).stage }));
	},
	reveal: async (event) => {
		const actor = await member(event);
		const parsed = await parseForm(event.request, stageBodySchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ done: 'revealed' as const, stage: (await revealStage(actor, event.params.round, parsed.data.stage)).stage }));
	},
	open: async (event) => {
		const actor = await member(event);
		const parsed = await parseForm(event.request, openSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			const { rows } = await openDecodingTable(actor, event.params.round);
			return { decoding: rows.map(({ entryId, number, runningOrder, station, markingNumber, unit, teamName, names }) => ({ entryId, number, runningOrder, station, markingNumber, unit, teamName, names })) };
		});
	}
} satisfies Actions;
