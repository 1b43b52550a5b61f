import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { idPathSchema } from '$lib/schemas/competition';
import { boardSettingsSchema, boardStandingsBodySchema, boardStandingsSchema } from '$lib/schemas/board';

const tags = ['live board'];
const who = 'Owners and organisers.';

/** The public live board (/live/<slug>): its settings; the board itself is a public page and socket room, not API. */
export const boardPaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/board': {
		get: {
			operationId: 'getBoardSettings',
			tags,
			summary: 'The live board’s address and, per round with entries, whether it shows provisional standings',
			description: `${who} The board itself is public at /live/<slug> and over socket.io (room live:<competition id>, event board:snapshot): numbers only, never names or units.`,
			requestParams: { path: idPathSchema },
			responses: { '200': { description: 'The board settings', content: { 'application/json': { schema: boardSettingsSchema } } }, ...errorResponses }
		}
	},
	'/rounds/{id}/board': {
		put: {
			operationId: 'setBoardStandings',
			tags,
			summary: 'Show or hide the round’s provisional standings (rank, number, total) on the public board',
			description: `${who} Audited; viewers get a new snapshot within 250 ms.`,
			requestParams: { path: idPathSchema },
			requestBody: { required: true, content: { 'application/json': { schema: boardStandingsBodySchema } } },
			responses: { '200': { description: 'The round’s setting', content: { 'application/json': { schema: boardStandingsSchema } } }, ...errorResponses }
		}
	}
};
