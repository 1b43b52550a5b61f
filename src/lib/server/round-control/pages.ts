import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { absenceBodySchema, absenceTargetSchema, deviceIdFormSchema, sheetReasonBodySchema, signOffFormSchema } from '$lib/schemas/round-control';
import { parseFormData, runAction } from '../http/forms';
import type { RoundControl } from './access';
import { getProvisionalResults, getRoundMatrix } from './matrix-service';
import { listRoundDevices, revokeRoundDevice } from './devices-service';
import { clearJudgeAbsence, markJudgeAbsent, returnSheet, unlockSheet } from './sheet-actions';
import { signOffRound } from './sign-off';

// The head judge's pages (/judge/rounds/…) and the organiser's twins share these loads and actions;
// each route only says who may act (its `control` function).

type Control = (event: RequestEvent) => Promise<RoundControl>;

/** The matrix, and after sign-off the provisional results. */
export async function loadMatrixPage(control: RoundControl) {
	const matrix = await getRoundMatrix(control);
	return { matrix, provisional: matrix.round.lockedAt ? await getProvisionalResults(control) : null };
}

export async function loadDevicesPage(control: RoundControl) {
	const { id, name, eventName, competitionId, organisationSlug } = control.round;
	return { round: { id, name, eventName, competitionId, organisationSlug }, viewer: control.as, devices: await listRoundDevices(control) };
}

export function roundControlActions(control: Control) {
	/**
	 * Settles who acts first (a round not under the path is a 404 whatever the form holds), then reads
	 * the form and runs the call; a refusal (not the head judge, a missing sheet…) comes back as the form's message.
	 */
	function action<S extends z.ZodType>(schema: S, call: (acting: RoundControl, data: z.output<S>) => Promise<unknown>, done: string) {
		return async (event: RequestEvent) => {
			const formData = await event.request.formData();
			return runAction(formData, async () => {
				const acting = await control(event);
				const parsed = parseFormData(formData, schema);
				if (!parsed.ok) return parsed.failure;
				await call(acting, parsed.data);
				return { done };
			});
		};
	}
	return {
		returnSheet: action(sheetReasonBodySchema, returnSheet, 'returned'),
		unlockSheet: action(sheetReasonBodySchema, unlockSheet, 'unlocked'),
		markAbsent: action(absenceBodySchema, markJudgeAbsent, 'absent'),
		clearAbsence: action(absenceTargetSchema, clearJudgeAbsence, 'absence_cleared'),
		signOff: action(signOffFormSchema, (acting) => signOffRound(acting), 'signed_off'),
		revoke: action(deviceIdFormSchema, (acting, data) => revokeRoundDevice(acting, data.deviceId), 'revoked')
	};
}
