/** Every internal URL is built here, so a renamed route is changed in one place. */
const org = (slug: string) => `/orgs/${encodeURIComponent(slug)}`;

export const routes = {
	home: () => '/',
	setup: () => '/setup',
	signIn: (redirectTo?: string) => (redirectTo && redirectTo !== '/' ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login'),
	signOut: () => '/logout',
	signUp: (slug: string) => `/signup/${encodeURIComponent(slug)}`,
	account: () => '/account',
	language: () => '/language',
	admin: () => '/admin/organisations',
	organisation: (slug: string) => org(slug),
	members: (slug: string) => `${org(slug)}/members`,
	invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
	settings: (slug: string) => `${org(slug)}/settings`,
	apiTokens: (slug: string) => `${org(slug)}/api-tokens`,
	audit: (slug: string, query?: Record<string, string | undefined>) => {
		const search = new URLSearchParams(Object.entries(query ?? {}).filter((pair): pair is [string, string] => !!pair[1]));
		const text = search.toString();
		return `${org(slug)}/audit${text ? `?${text}` : ''}`;
	},
	competitions: (slug: string) => `${org(slug)}/competitions`,
	competition: (slug: string, competitionId: string) => `${org(slug)}/competitions/${competitionId}`,
	entries: (slug: string, competitionId: string, query?: Record<string, string | undefined>) => {
		const search = new URLSearchParams(Object.entries(query ?? {}).filter((pair): pair is [string, string] => !!pair[1])).toString();
		return `${org(slug)}/competitions/${competitionId}/entries${search ? `?${search}` : ''}`;
	},
	entry: (slug: string, competitionId: string, entryId: string) => `${org(slug)}/competitions/${competitionId}/entries/${entryId}`,
	attachment: (slug: string, attachmentId: string) => `${org(slug)}/attachments/${attachmentId}`,
	screeningReasons: (slug: string) => `${org(slug)}/settings/screening-reasons`,
	roundScheme: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/scheme`,
	entriesImport: (slug: string, competitionId: string) => `${org(slug)}/competitions/${competitionId}/entries/import`,
	entriesTemplate: (slug: string, competitionId: string) => `${org(slug)}/competitions/${competitionId}/entries/import/template`,
	entriesExport: (slug: string, competitionId: string, masked = false) => `${org(slug)}/competitions/${competitionId}/entries/import/export${masked ? '?masked=true' : ''}`,
	evaluate: () => '/api/v1/scoring/evaluate',
	apiDocs: () => '/api/v1/docs',
	// Public voting (issue 16, vote part).
	publicVote: (competitionSlug: string, roundId: string) => `/c/${encodeURIComponent(competitionSlug)}/vote/${roundId}`,
	roundVote: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/vote`,
	openApi: () => '/api/v1/openapi.json',
	health: () => '/healthz',
	// Judges (issue 14, judges part).
	judges: (slug: string, competitionId: string) => `${org(slug)}/competitions/${competitionId}/judges`,
	judgeCards: (slug: string, competitionId: string) => `${org(slug)}/competitions/${competitionId}/judges/cards`,
	judgePanel: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/judges/rounds/${roundId}`,
	judgeInvitation: (token: string) => `/judge-invitations/${encodeURIComponent(token)}`,
	judgeHome: () => '/judge',
	judgeSignIn: (code?: string) => (code ? `/judge/sign-in?code=${encodeURIComponent(code)}` : '/judge/sign-in'),
	judgeRound: (roundId: string) => `/judge/rounds/${roundId}`,
	judgeEntry: (roundId: string, entryId: string) => `/judge/rounds/${roundId}/entries/${entryId}`,
	/** The draw of a round for its encryption judges (accounts that need not be members of the organisation). */
	judgeDraw: (roundId: string) => `/judge/rounds/${roundId}/draw`,
	// Entered components and the paper fallback (issue 15, panel part).
	roundEntered: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/entered`,
	roundEnteredTemplate: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/entered/template`,
	roundDeductions: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/deductions`,
	roundFinishTimes: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/finish-times`,
	roundPaper: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/paper`,
	roundPaperPdf: (slug: string, competitionId: string, roundId: string, judgeId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/paper/${judgeId}`,
	// The head judge and the organiser run a round's scoring (issue 15, head-judge part).
	judgeRoundMatrix: (roundId: string) => `/judge/rounds/${roundId}/matrix`,
	judgeRoundDevices: (roundId: string) => `/judge/rounds/${roundId}/devices`,
	roundMatrix: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/matrix`,
	roundDevices: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/devices`,
	// The organisers' review of public votes (issue 16, rigging part).
	roundResults: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/results`,
	roundVoteReview: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/vote-review`,
	roundVoteExport: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/vote-review/export`,
	// Excel exports of a round (issue 17): results, judge-sheets, sign-off, votes.
	roundExport: (slug: string, competitionId: string, roundId: string, kind: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/exports/${kind}.xlsx`,
	// The same workbooks through the API, which also admits the head judge's session (sign-off sheet).
	apiRoundExport: (competitionId: string, roundId: string, kind: string) => `/api/v1/competitions/${competitionId}/rounds/${roundId}/exports/${kind}.xlsx`,
	roundAnalysis: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/analysis`
};

// A base that no real request has: a target is accepted only when resolving it keeps this origin.
const REDIRECT_BASE = 'http://jiangxin.invalid';
// Control characters and backslashes are dropped or turned into "/" by browsers' URL parsers, which
// is how "/\t/evil.test" or "/\\evil.test" become another host; such a value is never a path we made.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_TARGET = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The one judge of where to go after sign-in or a language change: a path on this site, parsed the
 * way a browser parses it and given back normalised (pathname, search and hash), or the fallback.
 */
export function safeRedirectTarget(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || UNSAFE_IN_TARGET.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, REDIRECT_BASE);
	} catch {
		return fallback;
	}
	const target = url.pathname + url.search + url.hash;
	// "/..//evil.test" resolves to the path "//evil.test", which a browser reads as another host.
	if (url.origin !== REDIRECT_BASE || target.startsWith('//')) return fallback;
	return target;
}
