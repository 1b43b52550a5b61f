import { createHash } from 'node:crypto';
import postgres from 'postgres';
import { maskIdNumber } from '../../src/lib/domain/identity/id-number';
import { encryptText, idNumberHash } from '../../src/lib/server/crypto/personal-data';
import { hashPassword } from '../../src/lib/server/auth/password';
import { residentIdNumber } from '../fixtures/people';
import { OWNER } from './fixtures';
import { E2E_SECRET_KEY } from './secret-key';

// Upward recommendation (issue 17): the owner's organisation (the county) has a finalised competition
// with one winner, and a city organisation — managed by its own owner, CITY_OWNER — invites the county
// to recommend to its award with a quota of 2. Written straight into the tables (the flow through the
// API is covered by the integration tests); created once per run.

const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

export const PARENT_SLUG = 'e2e-city';
const PARENT_NAME = '示范市总工会';
export const PARENT_TITLE = '八婺工匠评选';
export const SOURCE_TITLE = '县级工匠推荐来源竞赛';
export const WINNER = { name: '楼建华', unit: '示范县机械厂', tier: '县级工匠' };

/** The city's manager: another person, so the county's owner still belongs to one organisation only. */
export const CITY_OWNER = { email: 'city-owner@jiangxin.test', password: 'city owner passphrase 2026', displayName: '王科长' };

export interface RecommendationSeed {
	parentSlug: string;
	parentCompetitionId: string;
	quotaId: string;
	/** The county's finalised competition (its own quota page is swept in the empty state). */
	sourceCompetitionId: string;
}

export async function ensureRecommendation(): Promise<RecommendationSeed> {
	process.env.JIANGXIN_SECRET_KEY = E2E_SECRET_KEY;
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		return await sql.begin(async (tx) => {
			await tx`select pg_advisory_xact_lock(hashtext('e2e-recommend-seed'))`;
			const [existing] = await tx<{ quotaId: string; competitionId: string; sourceId: string }[]>`
				select q.id as "quotaId", q.competition_id as "competitionId", (select id from competition where slug = 'e2e-recommend-source') as "sourceId"
				from nomination_quota q join organisation o on o.id = q.organisation_id where o.slug = ${PARENT_SLUG}`;
			if (existing) return { parentSlug: PARENT_SLUG, parentCompetitionId: existing.competitionId, quotaId: existing.quotaId, sourceCompetitionId: existing.sourceId };
			const [child] = await tx<{ id: string }[]>`select id from organisation where slug = ${OWNER.organisationSlug}`;
			const [owner] = await tx<{ id: string }[]>`select id from app_user where email = ${OWNER.email}`;
			if (!child || !owner) throw new Error('the first-run journey has not created the owner yet');
			// The county's finalised competition with one winner.
			const [source] = await tx<{ id: string }[]>`
				insert into competition (organisation_id, kind, title, slug, status) values (${child.id}, 'craftsman_award', ${SOURCE_TITLE}, 'e2e-recommend-source', 'final') returning id`;
			const [event] = await tx<{ id: string }[]>`insert into event (organisation_id, competition_id, name, participation, position) values (${child.id}, ${source!.id}, '县级工匠', 'individual', 1) returning id`;
			const [round] = await tx<{ id: string }[]>`insert into round (organisation_id, event_id, name, position, blind) values (${child.id}, ${event!.id}, '终评', 1, false) returning id`;
			const idNumber = residentIdNumber(901);
			const [entry] = await tx<{ id: string }[]>`
				insert into entry (organisation_id, competition_id, event_id, unit, status, source) values (${child.id}, ${source!.id}, ${event!.id}, ${WINNER.unit}, 'approved', 'import') returning id`;
			await tx`
				insert into entry_member (organisation_id, entry_id, event_id, competition_id, position, name, gender, id_type, id_number_cipher, id_number_hash, id_number_masked, phone, unit)
				values (${child.id}, ${entry!.id}, ${event!.id}, ${source!.id}, 0, ${WINNER.name}, 'male', 'resident_id', ${encryptText(idNumber)}, ${idNumberHash(idNumber)}, ${maskIdNumber(idNumber)}, '13900000901', ${WINNER.unit})`;
			await tx`insert into round_entry (organisation_id, round_id, entry_id, number) values (${child.id}, ${round!.id}, ${entry!.id}, 1)`;
			const [version] = await tx<{ id: string }[]>`
				insert into result_version (organisation_id, round_id, version, scheme_version, engine_version, inputs_digest, result)
				values (${child.id}, ${round!.id}, 1, 1, 'e2e', ${createHash('sha256').update(round!.id).digest('hex')},
					${tx.json({ scheme: null, result: { entries: [], teams: [], advancing: [], warnings: [] }, numbers: {}, specialAwards: [] })})
				returning id`;
			await tx`
				insert into result_placing (organisation_id, result_version_id, entry_id, number, rank, total, components, tier_key, tier_label)
				values (${child.id}, ${version!.id}, ${entry!.id}, 1, 1, 9350, ${tx.json({ practical: 9350 })}, 'craftsman', ${WINNER.tier})`;
			await tx`
				update round set published_version_id = ${version!.id}, final_version_id = ${version!.id}, finalised_at = now(), finalised_by = ${owner.id}, results_revealed_at = now()
				where id = ${round!.id}`;
			// The city, its award open for registration, and the county's invitation.
			const [parent] = await tx<{ id: string }[]>`insert into organisation (slug, name) values (${PARENT_SLUG}, ${PARENT_NAME}) returning id`;
			const [cityOwner] = await tx<{ id: string }[]>`
				insert into app_user (email, display_name, password_hash) values (${CITY_OWNER.email}, ${CITY_OWNER.displayName}, ${await hashPassword(CITY_OWNER.password)}) returning id`;
			await tx`insert into membership (organisation_id, user_id, role) values (${parent!.id}, ${cityOwner!.id}, 'owner')`;
			const [award] = await tx<{ id: string }[]>`
				insert into competition (organisation_id, kind, title, slug, status) values (${parent!.id}, 'craftsman_award', ${PARENT_TITLE}, 'e2e-city-award', 'registration') returning id`;
			const [awardEvent] = await tx<{ id: string }[]>`insert into event (organisation_id, competition_id, name, participation, position) values (${parent!.id}, ${award!.id}, '八婺工匠', 'individual', 1) returning id`;
			const [quota] = await tx<{ id: string }[]>`
				insert into nomination_quota (organisation_id, competition_id, event_id, child_organisation_id, quota, created_by)
				values (${parent!.id}, ${award!.id}, ${awardEvent!.id}, ${child.id}, 2, ${cityOwner!.id}) returning id`;
			return { parentSlug: PARENT_SLUG, parentCompetitionId: award!.id, quotaId: quota!.id, sourceCompetitionId: source!.id };
		});
	} finally {
		await sql.end();
	}
}
