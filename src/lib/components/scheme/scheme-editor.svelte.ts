import { validateScheme, type Scheme } from '$lib/domain/scoring';
import { m } from '$lib/paraglide/messages.js';
import { schemeSchema } from '$lib/schemas/scheme';
import { SCHEME_ISSUE_MESSAGES } from '$lib/schemas/scheme-issue-messages';
import { modelToScheme, type LocalIssue } from './build-scheme';
import { emptyComponent, newId, schemeToModel, type SchemeModel, type TieBreakRuleModel } from './editor-model';
import { emptySample, type SampleModel } from './preview-sample';

const LOCAL_MESSAGES: Record<LocalIssue, () => string> = {
	required: m.scheme_editor_issue_required,
	decimal_invalid: m.scheme_editor_issue_decimal_invalid,
	too_many_decimals: m.scheme_editor_issue_too_many_decimals,
	integer_invalid: m.scheme_editor_issue_integer_invalid,
	label_zh_required: m.scheme_editor_issue_label_zh_required
};

/**
 * Everything wrong with a built scheme, by the server's paths, found in the browser with the same
 * rules the server applies (the zod shape, then the domain's validateScheme), so the preview calls
 * the server only with a scheme it will accept. The first message at a path wins.
 */
export function checkScheme(scheme: Scheme): Record<string, string> {
	const found: Record<string, string> = {};
	for (const issue of validateScheme(scheme)) found[['scheme', ...issue.path].join('.')] ??= SCHEME_ISSUE_MESSAGES[issue.code]();
	const shape = schemeSchema.safeParse(scheme);
	if (!shape.success) for (const issue of shape.error.issues) found[['scheme', ...issue.path.map(String)].join('.')] ??= issue.message;
	return found;
}

interface Draft {
	stamp: string;
	model: SchemeModel;
}

/**
 * The scheme editor's state for one page: what the organiser typed (never reset by a failed save),
 * the scheme built from it, and the errors from three places — unreadable numbers (here), the live
 * evaluation, and the last save — all keyed by the server's paths (`scheme.components.0.weight`).
 */
export class SchemeEditor {
	model: SchemeModel = $state()!;
	sample: SampleModel = $state(emptySample());
	/** Messages from the preview's evaluate call, by path, for the scheme in `evaluatedJson`. */
	evaluateErrors: Record<string, string> = $state({});
	evaluatedJson: string | null = $state(null);
	/** Messages from the last save, by path; shown while the scheme is still the one submitted. */
	saveErrors: Record<string, string> = $state({});
	submittedJson: string | null = $state(null);
	savedJson = $state('');
	restoredDraft = $state(false);

	readonly built = $derived(modelToScheme(this.model));
	readonly json = $derived(JSON.stringify(this.built.scheme));
	readonly hasLocalIssues = $derived(Object.keys(this.built.issues).length > 0);
	/** Every problem the browser can find, by path: unreadable values first, then the scheme's rules. */
	readonly issues: Record<string, string> = $derived.by(() => {
		const local = Object.fromEntries(Object.entries(this.built.issues).map(([path, code]) => [path, LOCAL_MESSAGES[code]()]));
		return { ...checkScheme(this.built.scheme), ...local };
	});
	readonly hasIssues = $derived(Object.keys(this.issues).length > 0);
	readonly isDirty = $derived(this.json !== this.savedJson);

	constructor(
		scheme: Scheme | null,
		fallback: () => SchemeModel,
		readonly readOnly: boolean,
		private readonly draftKey: string
	) {
		this.load(scheme, fallback);
	}

	/** Starts again from a stored scheme (after a copy, or when the page opens). */
	load(scheme: Scheme | null, fallback: () => SchemeModel): void {
		this.model = scheme ? schemeToModel(scheme) : fallback();
		this.savedJson = scheme ? JSON.stringify(modelToScheme(this.model).scheme) : '';
		this.saveErrors = {};
		this.submittedJson = null;
		this.restoredDraft = false;
	}

	/** The problems to list beside Save: what the browser found, or else what the last save answered. */
	get problems(): Record<string, string> {
		if (this.hasIssues) return this.issues;
		return this.submittedJson === this.json ? Object.fromEntries(Object.entries(this.saveErrors).filter(([path]) => path.startsWith('scheme'))) : {};
	}

	errorAt(path: string): string | undefined {
		if (this.issues[path]) return this.issues[path];
		if (this.submittedJson === this.json && this.saveErrors[path]) return this.saveErrors[path];
		// An answer about an earlier scheme says nothing about this one.
		return this.evaluatedJson === this.json ? this.evaluateErrors[path] : undefined;
	}

	addComponent(): void {
		this.model.components.push(emptyComponent('judges'));
	}

	removeComponent(index: number): void {
		const [removed] = this.model.components.splice(index, 1);
		this.model.tieBreaks = this.model.tieBreaks.filter((rule) => rule.kind !== 'component' || rule.componentId !== removed?.id);
	}

	addTieBreak(rule: TieBreakRuleModel): void {
		this.model.tieBreaks.push({ ...rule, id: newId() });
	}

	/** The save was submitted with this scheme; its errors apply until the organiser changes something. */
	submitted(): void {
		this.submittedJson = this.json;
	}

	saved(): void {
		this.savedJson = this.json;
		this.clearDraft();
	}

	// Unsaved changes survive a reload (the language switch reloads the page) in this tab only.
	persistDraft(stamp: string): void {
		if (this.readOnly) return;
		if (this.isDirty) sessionStorage.setItem(this.draftKey, JSON.stringify({ stamp, model: $state.snapshot(this.model) } satisfies Draft));
		else sessionStorage.removeItem(this.draftKey);
	}

	restoreDraft(stamp: string): void {
		const text = sessionStorage.getItem(this.draftKey);
		if (!text || this.readOnly) return;
		try {
			const draft = JSON.parse(text) as Draft;
			if (draft.stamp !== stamp) return sessionStorage.removeItem(this.draftKey);
			this.model = draft.model;
			this.restoredDraft = true;
		} catch {
			sessionStorage.removeItem(this.draftKey);
		}
	}

	clearDraft(): void {
		sessionStorage.removeItem(this.draftKey);
		this.restoredDraft = false;
	}
}
