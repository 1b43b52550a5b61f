import { z } from 'zod';
import { localeField } from './fields';

export const setLanguageSchema = z.object({
	locale: localeField,
	redirectTo: z.string().optional()
});
