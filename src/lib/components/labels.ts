import { m } from '$lib/paraglide/messages.js';

const ROLE_LABELS = {
	owner: () => m.role_owner(),
	organiser: () => m.role_organiser(),
	contestant: () => m.role_contestant()
} as const;

export function roleLabel(role: keyof typeof ROLE_LABELS): string {
	return ROLE_LABELS[role]();
}

const STATUS_LABELS = {
	draft: () => m.status_draft(),
	registration: () => m.status_registration(),
	screening: () => m.status_screening(),
	judging: () => m.status_judging(),
	review: () => m.status_review(),
	notice: () => m.status_notice(),
	final: () => m.status_final()
} as const;

export function statusLabel(status: keyof typeof STATUS_LABELS): string {
	return STATUS_LABELS[status]();
}

export function kindLabel(kind: 'skills_contest' | 'craftsman_award'): string {
	return kind === 'skills_contest' ? m.kind_skills_contest() : m.kind_craftsman_award();
}

/** A bilingual label from a scheme or template, in the page's language. */
export function pickLabel(label: { 'zh-CN': string; en: string } | undefined, locale: string, fallback = ''): string {
	if (!label) return fallback;
	return (locale === 'en' ? label.en : label['zh-CN']) || label['zh-CN'] || label.en || fallback;
}
