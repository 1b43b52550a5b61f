import { m } from '$lib/paraglide/messages.js';

export type StageNumber = 1 | 2 | 3;
export type StageProgress = 'not_committed' | 'committed' | 'run' | 'revealed';

const NAMES: Record<StageNumber, () => string> = { 1: m.draw_stage_1, 2: m.draw_stage_2, 3: m.draw_stage_3 };
const HINTS: Record<StageNumber, () => string> = { 1: m.draw_stage_1_hint, 2: m.draw_stage_2_hint, 3: m.draw_stage_3_hint };
const PROGRESS: Record<StageProgress, () => string> = {
	not_committed: m.draw_state_not_committed,
	committed: m.draw_state_committed,
	run: m.draw_state_run,
	revealed: m.draw_state_revealed
};

export const stageName = (stage: StageNumber) => NAMES[stage]();
export const stageHint = (stage: StageNumber) => HINTS[stage]();
export const progressLabel = (progress: StageProgress) => PROGRESS[progress]();

export function progressOf(stage: { ranAt: unknown; revealedAt: unknown } | undefined): StageProgress {
	if (!stage) return 'not_committed';
	if (stage.revealedAt) return 'revealed';
	return stage.ranAt ? 'run' : 'committed';
}

export const PROGRESS_STYLE: Record<StageProgress, string> = {
	not_committed: 'bg-stone-100 text-stone-700',
	committed: 'bg-amber-100 text-amber-900',
	run: 'bg-sky-100 text-sky-900',
	revealed: 'bg-emerald-100 text-emerald-900'
};
