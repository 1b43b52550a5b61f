import { m } from '$lib/paraglide/messages.js';

const ROLE_LABELS = {
	owner: () => m.role_owner(),
	organiser: () => m.role_organiser(),
	contestant: () => m.role_contestant()
} as const;

export function roleLabel(role: keyof typeof ROLE_LABELS): string {
	return ROLE_LABELS[role]();
}
