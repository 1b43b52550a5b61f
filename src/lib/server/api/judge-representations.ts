import type { JudgeRow } from '../judging/judge-queries';
import type { PanelView } from '../judging/panels-service';
import type { ConflictView } from '../judging/conflicts';

export const toApiJudge = (judge: JudgeRow) => ({
	id: judge.id,
	competitionId: judge.competitionId,
	name: judge.name,
	unit: judge.unit,
	phone: judge.phone,
	specialty: judge.specialty,
	email: judge.email,
	hasAccount: judge.userId !== null
});

export const toApiPanel = (panel: PanelView) => ({
	roundId: panel.round.id,
	members: panel.seats.map((seat) => ({ judgeId: seat.judgeId, name: seat.name, role: seat.role }))
});

export const toApiConflicts = (conflicts: ConflictView[]) => ({
	conflicts: conflicts.map((conflict) => ({
		id: conflict.id,
		judgeId: conflict.judgeId,
		entryId: conflict.entryId,
		reason: conflict.reason,
		automatic: conflict.automatic,
		note: conflict.note,
		declaredBy: conflict.declaredByName,
		declaredByJudge: conflict.declaredByJudge,
		declaredAt: conflict.declaredAt?.toISOString() ?? null
	}))
});
