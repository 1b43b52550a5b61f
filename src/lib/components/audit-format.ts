import { m } from '$lib/paraglide/messages.js';
import { SCHEME_TEMPLATES } from '$lib/domain/scoring';
import { COMPETITION_STATUSES, type CompetitionStatus } from '$lib/domain/competition/lifecycle';
import { kindLabel, pickLabel, roleLabel, statusLabel } from './labels';

/** One line of an audit entry for people: "阶段：报名中 → 草稿"; `before` or `after` alone for a creation or removal. */
export interface AuditChangeLine {
	field: string;
	before?: string;
	after?: string;
}

const FIELD_LABELS: Record<string, () => string> = {
	status: m.audit_field_status,
	title: m.audit_field_title,
	name: m.audit_field_name,
	organiser: m.audit_field_organiser,
	startsOn: m.audit_field_starts_on,
	endsOn: m.audit_field_ends_on,
	venue: m.audit_field_venue,
	description: m.audit_field_description,
	slug: m.audit_field_slug,
	kind: m.audit_field_kind,
	template: m.audit_field_template,
	participation: m.audit_field_participation,
	capacity: m.audit_field_capacity,
	blind: m.audit_field_blind,
	reason: m.audit_field_reason,
	version: m.audit_field_version,
	scheme: m.audit_field_scheme,
	role: m.audit_field_role,
	email: m.audit_field_email,
	owner: m.audit_field_owner,
	allowSignUp: m.audit_field_allow_sign_up
};

// Internal ids mean nothing to a reader; the entry's subject already names what was touched.
const HIDDEN = new Set(['eventId', 'copiedFrom', 'id']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Hundredths as a percentage: 1000 → "10 %" (DESIGN.md §3). */
export function formatShare(hundredths: number): string {
	return `${Number((hundredths / 100).toFixed(2))} %`;
}

interface SchemeLike {
	components?: { key: string; label?: { 'zh-CN': string; en: string }; weight: number }[];
	tiers?: unknown[];
}

/** A scheme in one line, "理论考试 20 %；实际操作 80 %；3 个奖项等级", never the JSON. */
export function summariseScheme(scheme: unknown, locale: string): string {
	const { components = [], tiers = [] } = (scheme ?? {}) as SchemeLike;
	const parts = components.map((component) => `${pickLabel(component.label, locale, component.key)} ${formatShare(component.weight)}`);
	if (tiers.length > 0) parts.push(m.audit_scheme_tiers({ count: tiers.length }));
	return parts.join(m.list_separator());
}

function formatValue(key: string, value: unknown, locale: string): string {
	if (value === null || value === undefined || value === '') return key === 'capacity' ? m.audit_unlimited() : m.audit_value_empty();
	if (typeof value === 'boolean') return value ? m.audit_yes() : m.audit_no();
	if (key === 'status' && COMPETITION_STATUSES.includes(value as CompetitionStatus)) return statusLabel(value as CompetitionStatus);
	if (key === 'kind' && (value === 'skills_contest' || value === 'craftsman_award')) return kindLabel(value);
	if (key === 'role' && (value === 'owner' || value === 'organiser' || value === 'contestant')) return roleLabel(value);
	if (key === 'participation' && (value === 'individual' || value === 'team')) return value === 'team' ? m.event_team() : m.event_individual();
	if (key === 'template') return pickLabel(SCHEME_TEMPLATES.find((template) => template.key === value)?.label, locale, String(value));
	if (key === 'version' && typeof value === 'number') return m.audit_version({ version: value });
	if (key === 'scheme') return summariseScheme(value, locale);
	if ((key === 'share' || key === 'weight') && typeof value === 'number') return formatShare(value);
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

const asRecord = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/**
 * What an audit entry changed, field by field in words. An update shows only the fields that differ
 * (a reason always shows); a creation or removal lists what was there.
 */
export function describeAuditChange(before: unknown, after: unknown, locale: string): AuditChangeLine[] {
	const old = asRecord(before);
	const now = asRecord(after);
	const keys = [...new Set([...Object.keys(old ?? {}), ...Object.keys(now ?? {})])].filter((key) => !HIDDEN.has(key));
	const lines: AuditChangeLine[] = [];
	for (const key of keys) {
		const had = old !== null && key in old;
		const has = now !== null && key in now;
		if (had && has && JSON.stringify(old[key]) === JSON.stringify(now[key])) continue;
		const shown = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? undefined : formatValue(key, value, locale));
		const line: AuditChangeLine = { field: FIELD_LABELS[key]?.() ?? key };
		if (had) line.before = shown(old[key]);
		if (has) line.after = shown(now[key]);
		if (line.before === undefined && line.after === undefined) continue;
		// A creation lists only what it set.
		if (!had && (now?.[key] === '' || now?.[key] === null)) continue;
		lines.push(line);
	}
	return lines;
}

/** Repeated identical actions in a row (same action, person and subject) folded into one, with how many. */
export function foldRepeats<T extends { action: string; actorLabel: string; subjectId: string | null }>(rows: T[]): (T & { count: number })[] {
	const folded: (T & { count: number })[] = [];
	for (const row of rows) {
		const last = folded.at(-1);
		if (last && last.action === row.action && last.actorLabel === row.actorLabel && last.subjectId === row.subjectId) last.count += 1;
		else folded.push({ ...row, count: 1 });
	}
	return folded;
}
