import { tick } from 'svelte';

// Actions return different shapes (a failure with values and errors, or a success payload);
// pages read the failure side through these two so every form reads it the same way.
type ActionResultData = Record<string, unknown> | null | undefined;

export function formErrors(form: ActionResultData): Record<string, string | undefined> {
	return form && typeof form.errors === 'object' && form.errors ? (form.errors as Record<string, string>) : {};
}

export function formValues(form: ActionResultData): Record<string, string | undefined> {
	return form && typeof form.values === 'object' && form.values ? (form.values as Record<string, string>) : {};
}

/**
 * After a failed submit, takes the focus to the first field marked invalid, so keyboard and screen
 * reader users land on what to fix. With no invalid field (a wrong password) the focus stays put.
 */
export async function focusFirstInvalid(form: HTMLFormElement): Promise<void> {
	await tick();
	form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
