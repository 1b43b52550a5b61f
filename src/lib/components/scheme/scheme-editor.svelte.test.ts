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

	it('shows what the browser finds first, then the last save’s errors and the preview’s only for the scheme they were about', () => {
		const editor = editorFor();
		const path = 'scheme.components.0.weight';
		editor.evaluateErrors = { [path]: 'from the preview' };
		editor.evaluatedJson = editor.json;
		expect(editor.errorAt(path)).toBe('from the preview');
		editor.submitted();
		editor.saveErrors = { [path]: 'from the save' };
		expect(editor.errorAt(path)).toBe('from the save');
		editor.model.components[1]!.weight = '79';
		// A changed scheme: neither the save's nor the preview's answer applies; the browser's own check does.
		expect(editor.errorAt(path)).toBeUndefined();
		expect(editor.errorAt('scheme.components')).toBe('各组成部分的权重合计必须正好是 100%');
		editor.model.components[1]!.weight = '80';
		expect(editor.errorAt('scheme.components')).toBeUndefined();
		expect(editor.hasIssues).toBe(false);
		editor.model.components[0]!.weight = '1.234';
		expect(editor.errorAt(path)).toBe('最多两位小数');
		editor.model.components[0]!.weight = 'abc';
		expect(editor.errorAt(path)).toBe('请填写数字，最多两位小数');
		expect(editor.hasLocalIssues).toBe(true);
	});

	it('names the rule a value breaks instead of “invalid”, so the preview is never asked about a broken scheme', () => {
		const editor = editorFor();
		const criterion = 'scheme.components.1.criteria.0';
		editor.model.components[1]!.criteria[0]!.max = '-5';
		expect(editor.errorAt(`${criterion}.max`)).toBe('满分必须大于 0');
		expect(editor.hasIssues).toBe(true);
		expect(editor.problems[`${criterion}.max`]).toBe('满分必须大于 0');
		editor.model.components[1]!.criteria[0]!.max = '10';
		expect(editor.hasIssues).toBe(false);
		// A criterion named only in English would show English to everyone: the Chinese name is asked for.
		editor.model.components[1]!.criteria[0]!.zh = '';
		editor.model.components[1]!.criteria[0]!.en = 'Finish';
		expect(editor.errorAt(`${criterion}.label.zh-CN`)).toBe('请填写中文名称');
		expect(editor.hasIssues).toBe(true);
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
