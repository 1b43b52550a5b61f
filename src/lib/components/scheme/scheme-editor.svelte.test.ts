import { describe, expect, it } from 'vitest';
import { SKILLS_CONTEST_TEMPLATE } from '$lib/domain/scoring';
import { emptyScheme } from './editor-model';
import { SchemeEditor } from './scheme-editor.svelte';

const skills = SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme;
const editorFor = () => new SchemeEditor(skills, emptyScheme, false, 'test-draft');

describe('SchemeEditor', () => {
	it('starts clean from a stored scheme and dirty from none', () => {
		const editor = editorFor();
		expect(editor.isDirty).toBe(false);
		editor.model.components[0]!.weight = '25';
		expect(editor.isDirty).toBe(true);
		expect(new SchemeEditor(null, emptyScheme, false, 'x').isDirty).toBe(true);
	});

	it('shows unreadable numbers first, then the last save’s errors while the scheme is unchanged, then the preview’s', () => {
		const editor = editorFor();
		const path = 'scheme.components.0.weight';
		editor.evaluateErrors = { [path]: 'from the preview' };
		expect(editor.errorAt(path)).toBe('from the preview');
		editor.submitted();
		editor.saveErrors = { [path]: 'from the save' };
		expect(editor.errorAt(path)).toBe('from the save');
		editor.model.components[1]!.weight = '79';
		expect(editor.errorAt(path)).toBe('from the preview');
		editor.model.components[0]!.weight = '1.234';
		expect(editor.errorAt(path)).toBe('请填写数字，最多两位小数');
		expect(editor.hasLocalIssues).toBe(true);
	});

	it('drops the tie-breaks of a removed component and keeps the others', () => {
		const editor = editorFor();
		editor.removeComponent(1);
		expect(editor.built.scheme.components.map((row) => row.key)).toEqual(['theory']);
		expect(editor.built.scheme.tieBreaks).toEqual(['fewer_deductions', 'earlier_finish']);
		editor.addTieBreak({ kind: 'component', componentId: editor.model.components[0]!.id });
		expect(editor.built.scheme.tieBreaks).toEqual(['fewer_deductions', 'earlier_finish', 'component:theory']);
	});
});
