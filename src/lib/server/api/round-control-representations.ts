import type { RoundMatrix, ProvisionalResult } from '../round-control/matrix-service';
import type { DeviceView } from '../round-control/devices-service';
import type { RoundSheetRow } from '../round-control/queries';

// The API's answers are built from these shapes only, so a page's extra fields never leak into it.

export function toApiMatrix(matrix: RoundMatrix) {
	return {
		round: { id: matrix.round.id, name: matrix.round.name, blind: matrix.round.blind, eventName: matrix.round.eventName, competitionId: matrix.round.competitionId, lockedAt: matrix.round.lockedAt, signedOffByName: matrix.round.signedOffByName },
		judges: matrix.judges,
		components: matrix.components.map(({ key, label, source }) => ({ key, label, source })),
		entries: matrix.rows.map((row) => ({ ...row, ...(matrix.labels[row.entryId] !== undefined ? { name: matrix.labels[row.entryId] } : {}) })),
		absences: matrix.absences,
		progress: matrix.progress
	};
}

export function toApiSheet(sheet: RoundSheetRow) {
	const { entryId, judgeId, componentKey, status, version, statusReason, scores } = sheet;
	return { entryId, judgeId, componentKey, status, version, statusReason, scores, updatedAt: new Date(sheet.updatedAt).toISOString() };
}

export function toApiProvisionalResults(roundId: string, provisional: { schemeVersion: number; results: ProvisionalResult[] }) {
	return {
		roundId,
		schemeVersion: provisional.schemeVersion,
		results: provisional.results.map(({ rank, entryId, number, components, total, tier, flags }) => ({ rank, entryId, number, components, total, tier, flags }))
	};
}

export function toApiDevice(device: DeviceView) {
	const { id, judgeId, judgeName, userAgent, appVersion, outboxSize, clockSkewMs, lastSeenAt, revokedAt, isSignedIn } = device;
	return { id, judgeId, judgeName, userAgent, appVersion, outboxSize, clockSkewMs, lastSeenAt, revokedAt, isSignedIn };
}
