import type { EnteredBoard } from '../entered/entered-service';
import type { DeductionGrid, FinishTimesView } from '../entered/counts-service';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';

// What the API answers for entered values, deduction counts and finish times: entries by number,
// values in hundredths, never another person's keying.

export function toApiEnteredBoard(board: EnteredBoard) {
	return {
		roundId: board.round.id,
		signedOff: board.round.scoresLockedAt !== null,
		components: board.components.map((component) => ({ key: component.key, max: component.max })),
		entries: board.entries.map((entry) => ({
			entryId: entry.entryId,
			number: entry.number,
			values: entry.cells.map((cell) => ({ componentKey: cell.componentKey, value: cell.value, source: cell.source, keying: cell.state, keyedByYou: cell.keyedByMe }))
		})),
		disagreements: board.disagreements
	};
}

export function toApiDeductionGrid(grid: DeductionGrid) {
	return {
		roundId: grid.round.id,
		signedOff: grid.round.scoresLockedAt !== null,
		items: grid.items.map((item) => ({ componentKey: item.componentKey, itemKey: item.itemKey, points: item.points })),
		entries: grid.entries.map((entry) => ({
			entryId: entry.entryId,
			number: entry.number,
			counts: entry.counts.map((cell) => ({ componentKey: cell.componentKey, itemKey: cell.itemKey, count: cell.count, judgeTallies: cell.tallies }))
		}))
	};
}

export function toApiFinishTimes(view: FinishTimesView) {
	return {
		roundId: view.round.id,
		signedOff: view.round.scoresLockedAt !== null,
		entries: view.entries.map((entry) => ({
			entryId: entry.entryId,
			number: entry.number,
			finishedAt: entry.finishedAt?.toISOString() ?? null,
			finishedAtShanghai: entry.finishedAt ? formatShanghaiTime(entry.finishedAt) : null
		}))
	};
}
