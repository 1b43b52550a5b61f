import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { checkboxField } from './fields';

/** Whether the public board shows a round's provisional standings (by number). */
export const boardStandingsBodySchema = z
	.object({ showsStandings: z.boolean({ error: () => m.board_validation_shows_standings() }) })
	.meta({ id: 'BoardStandingsBody', example: { showsStandings: true } });

/** The organiser's switch on the board page: the round and the checkbox. */
export const boardStandingsFormSchema = z.object({
	roundId: z.uuid({ error: () => m.board_validation_round() }),
	showsStandings: checkboxField
});

export const boardSettingsSchema = z
	.object({
		competition: z.object({ id: z.uuid(), title: z.string(), slug: z.string(), status: z.string() }),
		boardPath: z.string().meta({ description: 'The public board’s address (no sign-in), e.g. /live/2026-skills.' }),
		rounds: z.array(z.object({ roundId: z.uuid(), eventName: z.string(), roundName: z.string(), showsStandings: z.boolean() }))
	})
	.meta({ id: 'BoardSettings' });

export const boardStandingsSchema = z.object({ roundId: z.uuid(), showsStandings: z.boolean() }).meta({ id: 'BoardStandings' });
