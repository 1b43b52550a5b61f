import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { VOID_REASON_CLASSES } from '$lib/domain/vote-review/thresholds';
import { plainText, requiredText } from './fields';

// The organisers' review of public votes: voiding and restoring, by vote ids or by cluster (a
// candidate's votes from one address prefix), from the API's JSON and the review page's forms.

const uuidField = () => z.uuid({ error: () => m.validation_invalid() });
const hashField = () => plainText().min(1, { error: () => m.validation_invalid() }).max(128, { error: () => m.validation_invalid() });

export const voidReasonClassField = z.enum(VOID_REASON_CLASSES, { error: () => m.votereview_validation_reason_class() });

const clusterSchema = z
	.object({
		entryId: uuidField(),
		addressPrefixHash: hashField().meta({ description: 'The cluster’s address-prefix hash, as the flags list gives it.' }),
		status: z.enum(['accepted', 'flagged', 'voided'], { error: () => m.validation_invalid() }).optional().meta({ description: 'Which of the cluster’s votes: flagged (default).' })
	})
	.meta({ id: 'VoteCluster' });

const selectionShape = {
	voteIds: z.array(uuidField(), { error: () => m.validation_invalid() }).min(1, { error: () => m.validation_invalid() }).max(10_000, { error: () => m.validation_invalid() }).optional(),
	cluster: clusterSchema.optional()
};

const oneSelection = (value: { voteIds?: string[]; cluster?: unknown }) => (value.voteIds === undefined) !== (value.cluster === undefined);
const selectionIssue = { error: () => m.votereview_validation_selection(), path: ['voteIds'] };

export const voidVotesSchema = z
	.object({ ...selectionShape, reasonClass: voidReasonClassField, reason: requiredText(500) })
	.refine(oneSelection, selectionIssue)
	.meta({ id: 'VoidVotes', description: 'Either voteIds or cluster.' });

export const restoreVotesSchema = z
	.object({ ...selectionShape, reason: requiredText(500) })
	.refine(oneSelection, selectionIssue)
	.meta({ id: 'RestoreVotes', description: 'Either voteIds or cluster.' });

export type VoidVotesInput = z.output<typeof voidVotesSchema>;
export type RestoreVotesInput = z.output<typeof restoreVotesSchema>;

/** The review page's form: one cluster (candidate + prefix), the action, and the reason. */
export const clusterDecisionFormSchema = z.object({
	entryId: uuidField(),
	addressPrefixHash: hashField(),
	status: z.enum(['flagged', 'voided'], { error: () => m.validation_invalid() }),
	reasonClass: z.union([voidReasonClassField, z.literal('')]).optional(),
	reason: requiredText(500)
});


/** "Run detection now" sends only its name: anything else in the form is refused, not ignored. */
export const detectFormSchema = z.strictObject({ form: z.literal('detect', { error: () => m.validation_invalid() }) });
