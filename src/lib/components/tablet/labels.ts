import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Labels } from '$lib/domain/scoring/types';
import type { EntryStatus } from '$lib/judging-client/rules';
import type { OfflineReadiness } from '$lib/judging-client/register';

export const entryStatusLabel = (status: EntryStatus): string =>
	({
		not_started: m.tablet_status_not_started,
		draft: m.tablet_status_draft,
		sent: m.tablet_status_sent,
		received: m.tablet_status_received,
		returned: m.tablet_status_returned,
		locked: m.tablet_status_locked,
		stood_aside: m.tablet_status_stood_aside
	})[status]();

/** Colours that differ in more than hue (text and border too), so the states read on a dim tablet. */
export const entryStatusStyle = (status: EntryStatus): string =>
	({
		not_started: 'border-stone-300 bg-white text-stone-700',
		draft: 'border-amber-400 bg-amber-50 text-amber-900',
		sent: 'border-sky-400 bg-sky-50 text-sky-900',
		received: 'border-emerald-500 bg-emerald-50 text-emerald-900',
		returned: 'border-red-500 bg-red-50 text-red-900',
		locked: 'border-stone-400 bg-stone-100 text-stone-700',
		stood_aside: 'border-stone-200 bg-stone-50 text-stone-500'
	})[status];

export const offlineReadinessLabel = (readiness: OfflineReadiness): string =>
	({ preparing: m.tablet_offline_preparing, ready: m.tablet_offline_ready, unavailable: m.tablet_offline_unavailable })[readiness]();

export const offlineReadinessStyle = (readiness: OfflineReadiness): string =>
	({ preparing: 'border-stone-200 bg-white text-stone-700', ready: 'border-emerald-500 bg-emerald-50 text-emerald-900', unavailable: 'border-red-400 bg-red-50 text-red-900' })[readiness];

/** A scheme label in the page's language, or the key when the scheme has none. */
export const labelOf = (label: Labels | undefined, key: string): string => (label ? label[getLocale() === 'en' ? 'en' : 'zh-CN'] || key : key);
