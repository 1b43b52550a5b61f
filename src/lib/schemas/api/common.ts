import { z } from 'zod';

export const apiErrorSchema = z
	.object({
		error: z.object({
			code: z.string().meta({ example: 'validation_failed' }),
			message: z.string().meta({ description: 'A human-readable message in the caller’s language (zh-CN by default).' }),
			fields: z.record(z.string(), z.string()).optional().meta({ description: 'A message per invalid field, by field path.' })
		})
	})
	.meta({ id: 'ApiError', description: 'Every error the API returns has this shape.' });

export const errorResponses = {
	'400': { description: 'The request is invalid (fields says where).', content: { 'application/json': { schema: apiErrorSchema } } },
	'401': { description: 'No valid API token.', content: { 'application/json': { schema: apiErrorSchema } } },
	'403': { description: 'The token’s member may not do this.', content: { 'application/json': { schema: apiErrorSchema } } },
	'404': { description: 'No such thing in this organisation.', content: { 'application/json': { schema: apiErrorSchema } } }
} as const;
