// Certificate URLs (issue 17, certificates part), kept apart from routes.ts so parts merge cleanly.
const competition = (slug: string, competitionId: string) => `/orgs/${encodeURIComponent(slug)}/competitions/${competitionId}`;

export const certificateRoutes = {
	list: (slug: string, competitionId: string) => `${competition(slug, competitionId)}/certificates`,
	template: (slug: string, competitionId: string) => `${competition(slug, competitionId)}/certificates/template`,
	preview: (slug: string, competitionId: string) => `${competition(slug, competitionId)}/certificates/template/preview`,
	pdf: (slug: string, competitionId: string, certificateId: string) => `${competition(slug, competitionId)}/certificates/${certificateId}`,
	bundle: (slug: string, competitionId: string, format: 'pdf' | 'zip', progressId: string) => `${competition(slug, competitionId)}/certificates/bundle?format=${format}&progress=${progressId}`,
	progress: (slug: string, competitionId: string, progressId: string) => `${competition(slug, competitionId)}/certificates/progress?id=${progressId}`,
	mine: (certificateId: string) => `/my/certificates/${certificateId}`,
	verify: (code: string) => `/verify/${encodeURIComponent(code)}`
};
