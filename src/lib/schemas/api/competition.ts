import { z } from 'zod';
import { COMPETITION_STATUSES } from '$lib/domain/competition/lifecycle';
import { labelsSchema, schemeSchema } from '../scheme';

export const competitionSchema = z
	.object({
		id: z.uuid(),
		kind: z.enum(['skills_contest', 'craftsman_award']),
		title: z.string().meta({ example: '2026 年全县职工数控车工技能竞赛' }),
		organiser: z.string(),
		startsOn: z.iso.date().nullable(),
		endsOn: z.iso.date().nullable(),
		venue: z.string(),
		description: z.string(),
		slug: z.string(),
		status: z.enum(COMPETITION_STATUSES),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'Competition' });

export const eventSchema = z
	.object({ id: z.uuid(), competitionId: z.uuid(), name: z.string(), participation: z.enum(['individual', 'team']), capacity: z.int().nullable(), position: z.int() })
	.meta({ id: 'Event' });

export const roundSchema = z.object({ id: z.uuid(), eventId: z.uuid(), name: z.string(), position: z.int(), blind: z.boolean() }).meta({ id: 'Round' });

export const competitionListSchema = z.object({ competitions: z.array(competitionSchema) }).meta({ id: 'CompetitionList' });

export const competitionDetailSchema = competitionSchema
	.extend({ events: z.array(eventSchema.extend({ rounds: z.array(roundSchema) })) })
	.meta({ id: 'CompetitionDetail' });

export const schemeVersionSchema = z
	.object({ version: z.int(), scheme: schemeSchema, reason: z.string(), savedBy: z.string().nullable(), savedAt: z.iso.datetime() })
	.meta({ id: 'SchemeVersion' });

export const roundSchemeSchema = z
	.object({ isFrozen: z.boolean().meta({ description: 'Judging has started: a change needs a reason and makes a new version.' }), current: schemeVersionSchema.nullable(), versions: z.array(schemeVersionSchema) })
	.meta({ id: 'RoundScheme' });

export const savedSchemeSchema = z.object({ version: z.int() }).meta({ id: 'SavedScheme' });

export const schemeTemplateListSchema = z
	.object({
		templates: z.array(
			z.object({
				key: z.string().meta({ example: 'skills_contest' }),
				label: labelsSchema,
				rounds: z.array(z.object({ key: z.string(), label: labelsSchema, scheme: schemeSchema }))
			})
		)
	})
	.meta({ id: 'SchemeTemplateList' });
