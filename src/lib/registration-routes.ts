import { routes } from './routes';

/** URLs of the public and contestant pages of registration (issue 14, "Contestants register"). */
export const publicRoutes = {
	competition: (slug: string) => `/c/${encodeURIComponent(slug)}`,
	register: (slug: string, eventId: string) => `/c/${encodeURIComponent(slug)}/register/${eventId}`,
	signUp: (slug: string) => `/c/${encodeURIComponent(slug)}/signup`,
	signIn: (slug: string) => routes.signIn(`/c/${encodeURIComponent(slug)}`),
	myEntries: () => '/my/entries',
	editEntry: (entryId: string) => `/my/entries/${entryId}/edit`,
	myAttachment: (attachmentId: string) => `/my/attachments/${attachmentId}`,
	orgAttachment: (orgSlug: string, attachmentId: string) => `/orgs/${encodeURIComponent(orgSlug)}/attachments/${attachmentId}`,
	registrationSettings: (orgSlug: string, competitionId: string) => `/orgs/${encodeURIComponent(orgSlug)}/competitions/${competitionId}/registration`
};
