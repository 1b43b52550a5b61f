import { evaluateRound, InvalidRoundInputError, InvalidSchemeError, type RoundInput, type RoundResult, type Scheme } from '$lib/domain/scoring';
import { roundInputIssuesError, schemeIssuesError } from '../competitions/scheme-issues';

/**
 * Scores a round from a scheme and raw data without storing anything: the scheme editor's preview,
 * and organisers checking results worked out on paper. Rule breaks come back per field.
 */
export function evaluateStateless(scheme: Scheme, input: RoundInput): RoundResult {
	try {
		return evaluateRound(scheme, input);
	} catch (error) {
		if (error instanceof InvalidSchemeError) throw schemeIssuesError(error.issues, 'scheme');
		if (error instanceof InvalidRoundInputError) throw roundInputIssuesError(error.issues, 'input');
		throw error;
	}
}
