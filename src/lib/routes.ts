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
	settings: (slug: string) => `${org(slug)}/settings`,
	apiTokens: (slug: string) => `${org(slug)}/api-tokens`,
	audit: (slug: string, query?: Record<string, string | undefined>) => {
		const search = new URLSearchParams(Object.entries(query ?? {}).filter((pair): pair is [string, string] => !!pair[1]));
		const text = search.toString();
		return `${org(slug)}/audit${text ? `?${text}` : ''}`;
	},
	competitions: (slug: string) => `${org(slug)}/competitions`,
	competition: (slug: string, competitionId: string) => `${org(slug)}/competitions/${competitionId}`,
	roundScheme: (slug: string, competitionId: string, roundId: string) => `${org(slug)}/competitions/${competitionId}/rounds/${roundId}/scheme`,
	evaluate: () => '/api/v1/scoring/evaluate',
	apiDocs: () => '/api/v1/docs',
	openApi: () => '/api/v1/openapi.json',
	health: () => '/healthz'
};

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeRedirectTarget(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
}
