import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { DomainError, InvalidInputError } from '../domain-error';
import { describeDomainError } from './errors';

/** What every failed form action returns: the values to refill (never secrets) and a message per field. */
export interface FormFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
}

const SECRET_FIELD = /password|token/i;

function echoValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (typeof value === 'string' && !SECRET_FIELD.test(key)) values[key] = value;
	}
	return values;
}

/** The first message for each field; errors that belong to no field go under `form`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
		errors[field] ??= issue.message;
	}
	return errors;
}

export type ParsedForm<T> = { ok: true; data: T; formData: FormData } | { ok: false; failure: ActionFailure<FormFailure> };

/** Reads a form against its schema; on failure gives the action its ready `fail(400, …)`. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<ParsedForm<z.output<S>>> {
	return parseFormData(await request.formData(), schema);
}

/** parseForm for a form already read (an action that checks who acts before it looks at the fields). */
export function parseFormData<S extends z.ZodType>(formData: FormData, schema: S): ParsedForm<z.output<S>> {
	const result = schema.safeParse(Object.fromEntries(formData));
	if (result.success) return { ok: true, data: result.data, formData };
	return { ok: false, failure: fail(400, { values: echoValues(formData), errors: fieldErrors(result.error) }) };
}

/**
 * Runs a service call from an action. An expected business failure becomes a translated message at
 * its field (or the form); anything else is a real error and goes to handleError.
 */
export async function runAction<T>(formData: FormData, call: () => Promise<T>): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await call();
	} catch (error) {
		if (error instanceof InvalidInputError) {
			return fail(400, { values: echoValues(formData), errors: { form: error.summary, ...error.fields } });
		}
		if (!(error instanceof DomainError)) throw error;
		const { status, message } = describeDomainError(error);
		return fail(status, { values: echoValues(formData), errors: { [error.field ?? 'form']: message } });
	}
}
