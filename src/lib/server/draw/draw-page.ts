import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { commitFormSchema, stageBodySchema } from '$lib/schemas/draw';
import type { OrgActor } from '../auth/actor';
import { parseForm, runAction } from '../http/forms';
import { pageLoad } from '../http/pages';
import { commitStage, getRoundDraw, openDecodingTable, revealStage, runStage, verifyRoundDraw } from './draw-service';

/** What a draw page's load and actions need of the request. */
interface DrawPageEvent {
	params: { round: string };
	request: Request;
}

// The form says what it is for, so a stray or garbled post opens nothing.
const openSchema = z.object({ formId: z.literal('open', { error: () => m.validation_invalid() }) });

/**
 * A round's draw page, for whoever `actorOf` admits: the organiser's page (members) and the encryption
 * judges' own (accounts that need not be members). The services decide what each may do; `actorOf`
 * refuses a round that is not under the page's path.
 */
export function drawPage<Event extends DrawPageEvent>(actorOf: (event: Event) => Promise<OrgActor>) {
	const load = pageLoad(async (event: Event) => {
		const actor = await actorOf(event);
		const draw = await getRoundDraw(actor, event.params.round);
		return {
			round: { id: draw.round.id, name: draw.round.name, eventName: draw.round.eventName, competitionTitle: draw.round.competitionTitle, competitionSlug: draw.round.competitionSlug, competitionId: draw.round.competitionId },
			stages: draw.stages,
			numbers: draw.numbers,
			sealed: draw.sealed,
			canOpenDecodingTable: draw.canOpenDecodingTable,
			verification: await verifyRoundDraw(actor, event.params.round)
		};
	});
	const actions = {
		commit: async (event: Event) => {
			const actor = await actorOf(event);
			const parsed = await parseForm(event.request, commitFormSchema);
			if (!parsed.ok) return parsed.failure;
			return runAction(parsed.formData, async () => ({ done: 'committed' as const, stage: (await commitStage(actor, event.params.round, parsed.data.stage, parsed.data.stationLabels)).stage }));
		},
		run: async (event: Event) => {
			const actor = await actorOf(event);
			const parsed = await parseForm(event.request, stageBodySchema);
			if (!parsed.ok) return parsed.failure;
			return runAction(parsed.formData, async () => ({ done: 'run' as const, stage: (await runStage(actor, event.params.round, parsed.data.stage)).stage }));
		},
		reveal: async (event: Event) => {
			const actor = await actorOf(event);
			const parsed = await parseForm(event.request, stageBodySchema);
			if (!parsed.ok) return parsed.failure;
			return runAction(parsed.formData, async () => ({ done: 'revealed' as const, stage: (await revealStage(actor, event.params.round, parsed.data.stage)).stage }));
		},
		open: async (event: Event) => {
			const actor = await actorOf(event);
			const parsed = await parseForm(event.request, openSchema);
			if (!parsed.ok) return parsed.failure;
			return runAction(parsed.formData, async () => {
				const { rows } = await openDecodingTable(actor, event.params.round);
				return { decoding: rows.map(({ entryId, number, runningOrder, station, markingNumber, unit, teamName, names }) => ({ entryId, number, runningOrder, station, markingNumber, unit, teamName, names })) };
			});
		}
	};
	return { load, actions };
}
