export type CompetitionKind = 'skills_contest' | 'craftsman_award';

/** Which kind of competition each scheme template is made for: a craftsman award is not scored like a contest. */
export const TEMPLATE_KINDS: Record<string, CompetitionKind> = { skills_contest: 'skills_contest', worldskills: 'skills_contest', craftsman_award: 'craftsman_award' };

export function templateFitsKind(templateKey: string, kind: CompetitionKind): boolean {
	return TEMPLATE_KINDS[templateKey] === kind;
}
