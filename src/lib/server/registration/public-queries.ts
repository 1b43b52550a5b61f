import type { Db } from '../db/client';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';

/** What anyone may read of a competition that is past its draft. */
export interface PublicCompetitionRow {
	id: string;
	organisationId: string;
	organisationName: string;
	kind: 'skills_contest' | 'craftsman_award';
	title: string;
	organiser: string;
	startsOn: string | null;
	endsOn: string | null;
	venue: string;
	description: string;
	slug: string;
	status: CompetitionStatus;
	registrationClosesAt: Date | null;
	allowMultipleEvents: boolean;
	privacyNotice: string;
	privacyNoticeVersion: number;
}

/**
 * The public address is global (/c/<slug>), so this is the one lookup without an organisation: it finds
 * the organisation. A draft is nobody's business yet and is not found.
 */
export async function findPublicCompetitionBySlug(db: Db, slug: string): Promise<PublicCompetitionRow | undefined> {
	const [row] = await db<PublicCompetitionRow[]>`
		select c.id, c.organisation_id, o.name as organisation_name, c.kind, c.title, c.organiser, c.starts_on::text, c.ends_on::text,
			c.venue, c.description, c.slug, c.status, c.registration_closes_at, c.allow_multiple_events, c.privacy_notice, c.privacy_notice_version
		from competition c join organisation o on o.id = c.organisation_id
		where c.slug = ${slug} and c.status <> 'draft'`;
	return row;
}

