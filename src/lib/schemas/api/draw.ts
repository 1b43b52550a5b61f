import { z } from 'zod';

const stage = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const drawStageStateSchema = z
	.object({
		stage,
		commitment: hex64.meta({ description: 'SHA-256 (hex) of the 32 seed bytes, published at commitment' }),
		entriesDigest: hex64.meta({ description: 'SHA-256 of the sorted entry ids joined with "\\n"' }),
		entryCount: z.int(),
		stationLabels: z.array(z.string()),
		committedAt: z.iso.datetime(),
		ranAt: z.iso.datetime().nullable(),
		revealedAt: z.iso.datetime().nullable(),
		seed: hex64.nullable().meta({ description: 'The seed, once revealed (null before)' })
	})
	.meta({ id: 'DrawStage' });

const numbersRow = z.object({
	entryId: z.uuid(),
	number: z.int().nullable(),
	runningOrder: z.int().nullable(),
	station: z.string().nullable(),
	markingNumber: z.int().nullable()
});

export const roundDrawSchema = z
	.object({
		roundId: z.uuid(),
		sealed: z.boolean().meta({ description: 'True until the head judge locks the round’s scores' }),
		canOpenDecodingTable: z.boolean(),
		stages: z.array(drawStageStateSchema),
		numbers: z.array(numbersRow).meta({ description: 'Numbers only: never a name, unit or ID number' })
	})
	.meta({ id: 'RoundDraw' });

export const drawVerificationSchema = z
	.object({
		roundId: z.uuid(),
		matches: z.boolean().meta({ description: 'Every revealed stage recomputes to what was published and recorded' }),
		stages: z.array(
			z.object({
				stage,
				revealed: z.boolean(),
				seedMatchesCommitment: z.boolean().nullable(),
				resultMatches: z.boolean().nullable(),
				recordedMatches: z.boolean().nullable(),
				matches: z.boolean().nullable()
			})
		)
	})
	.meta({ id: 'DrawVerification' });

export const decodingTableSchema = z
	.object({
		roundId: z.uuid(),
		sealed: z.boolean(),
		rows: z.array(numbersRow.extend({ unit: z.string(), teamName: z.string().nullable(), names: z.array(z.string()) }))
	})
	.meta({ id: 'DecodingTable' });
