import { divideRoundHalfUp } from '../scoring/decimal';

/** One judge's complete sheet for one entry: R_j and each criterion's mark, in hundredths. */
export interface JudgedSheet {
	judgeId: string;
	entryId: string;
	judgeScore: number;
	marks: Readonly<Record<string, number>>;
}

export interface CriterionLeniency {
	criterion: string;
	/** The judge's mean mark on this criterion (its own scale, hundredths), rounded half-up. */
	mean: number;
	/** The panel's mean mark on it over the same entries. */
	panelMean: number;
	/** mean − panelMean, in hundredths (from the exact means, then rounded). */
	difference: number;
}

export interface JudgeLeniency {
	judgeId: string;
	/** Entries the judge scored with a complete sheet. */
	entries: number;
	/** The judge's mean R_j (0–100, hundredths). */
	meanScore: number;
	/** The whole panel's mean R_j over the entries this judge scored (every judge's sheets on them, this judge's included). */
	panelMeanScore: number;
	/** meanScore − panelMeanScore: above 0 marks a lenient judge, below 0 a severe one. */
	difference: number;
	criteria: CriterionLeniency[];
}

/** Signed `a/n − b/d`, rounded half-up away from the middle (to the hundredth these values are in). */
function differenceOfMeans(sumA: number, countA: number, sumB: number, countB: number): number {
	const numerator = sumA * countB - sumB * countA;
	const denominator = countA * countB;
	return numerator < 0 ? -divideRoundHalfUp(-numerator, denominator) : divideRoundHalfUp(numerator, denominator);
}

/**
 * Each judge's leniency (how a biased judge shows): their mean R_j and per-criterion mean mark against
 * the panel's means over exactly the entries they scored, so a judge who saw only the strong entries is
 * not mistaken for a lenient one. Means are exact until the single rounding to the hundredth. Judges by id.
 */
export function judgeLeniency(sheets: readonly JudgedSheet[], criteria: readonly string[]): JudgeLeniency[] {
	const byEntry = new Map<string, JudgedSheet[]>();
	const byJudge = new Map<string, JudgedSheet[]>();
	for (const sheet of sheets) {
		byEntry.set(sheet.entryId, [...(byEntry.get(sheet.entryId) ?? []), sheet]);
		byJudge.set(sheet.judgeId, [...(byJudge.get(sheet.judgeId) ?? []), sheet]);
	}
	return [...byJudge.keys()].sort().map((judgeId) => {
		const own = byJudge.get(judgeId)!;
		const panel = own.flatMap((sheet) => byEntry.get(sheet.entryId)!);
		const sum = (rows: readonly JudgedSheet[], read: (sheet: JudgedSheet) => number) => rows.reduce((total, sheet) => total + read(sheet), 0);
		const ownScores = sum(own, (sheet) => sheet.judgeScore);
		const panelScores = sum(panel, (sheet) => sheet.judgeScore);
		return {
			judgeId,
			entries: own.length,
			meanScore: divideRoundHalfUp(ownScores, own.length),
			panelMeanScore: divideRoundHalfUp(panelScores, panel.length),
			difference: differenceOfMeans(ownScores, own.length, panelScores, panel.length),
			criteria: criteria.map((criterion) => {
				const mine = sum(own, (sheet) => sheet.marks[criterion] ?? 0);
				const theirs = sum(panel, (sheet) => sheet.marks[criterion] ?? 0);
				return {
					criterion,
					mean: divideRoundHalfUp(mine, own.length),
					panelMean: divideRoundHalfUp(theirs, panel.length),
					difference: differenceOfMeans(mine, own.length, theirs, panel.length)
				};
			})
		};
	});
}
