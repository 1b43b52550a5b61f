import type { Scheme } from '$lib/domain/scoring';
import { m } from '$lib/paraglide/messages.js';
import { modelToScheme, type LocalIssue } from './build-scheme';
import { emptyComponent, newId, schemeToModel, type SchemeModel, type TieBreakRuleModel } from './editor-model';
import { emptySample, type SampleModel } from './preview-sample';

const LOCAL_MESSAGES: Record<LocalIssue, () => string> = {
	required: m.scheme_editor_issue_required,
	decimal_invalid: m.scheme_editor_issue_decimal_invalid,
	integer_invalid: m.scheme_editor_issue_integer_invalid
};

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
	/** Messages from the preview's evaluate call, by path. */
	evaluateErrors: Record<string, string> = $state({});
	/** Messages from the last save, by path; shown while the scheme is still the one submitted. */
	saveErrors: Record<string, string> = $state({});
	submittedJson: string | null = $state(null);
	savedJson = $state('');
	restoredDraft = $state(false);

	readonly built = $derived(modelToScheme(this.model));
	readonly json = $derived(JSON.stringify(this.built.scheme));
	readonly hasLocalIssues = $derived(Object.keys(this.built.issues).length > 0);
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

	errorAt(path: string): string | undefined {
		const local = this.built.issues[path];
		if (local) return LOCAL_MESSAGES[local]();
		if (this.submittedJson === this.json && this.saveErrors[path]) return this.saveErrors[path];
		return this.evaluateErrors[path];
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
