import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { DomainError } from '../domain-error';
import { describeDomainError } from '../http/errors';
import { throwAsPageError } from '../http/pages';
import { enterOrganisation } from '../organisations/service';
import { db } from '../db/client';
import { getRound } from '../competitions/structure-queries';
import type { Actor, MemberRole, OrgActor } from './actor';
import { requireRole } from './roles';
import { routes } from '$lib/routes';

export function clientAddress(event: RequestEvent): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/** The signed-in person, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(event: RequestEvent): Actor {
	const user = event.locals.user;
	if (!user) redirect(303, routes.signIn(event.url.pathname + event.url.search));
	return { user, ip: clientAddress(event), requestId: event.locals.requestId };
}

/** A member of the organisation in the URL; to others it does not exist. Call in every load and action. */
export async function requireMembership(event: RequestEvent, slug: string, roles?: MemberRole[]): Promise<OrgActor> {
	const actor = requireUser(event);
	try {
		const orgActor = await enterOrganisation(actor, slug);
		if (roles) requireRole(orgActor, roles);
		return orgActor;
	} catch (caught) {
		throwAsPageError(caught);
	}
}

/** What a page under `…/competitions/[competition]/…/[round]/…` has in its path. */
interface RoundPathEvent extends RequestEvent {
	params: { org: string; competition: string; round: string };
}

/**
 * requireMembership for every page, action and download under `…/competitions/[competition]/…/[round]/…`:
 * a round that is not that competition's (another competition of the same organisation) does not
 * exist there (404), checked before anything is read, written or audited.
 */
export async function requireMembershipOnRound(event: RoundPathEvent, roles?: MemberRole[]): Promise<OrgActor> {
	const actor = await requireMembership(event, event.params.org, roles);
	const round = await getRound(db(), actor.organisation.id, event.params.round);
	if (!round || round.competitionId !== event.params.competition) throwAsPageError(new DomainError('not_found'));
	return actor;
}

export function requirePlatformAdmin(event: RequestEvent): Actor {
	const actor = requireUser(event);
	if (!actor.user.isPlatformAdmin) {
		const { status, message } = describeDomainError(new DomainError('forbidden'));
		error(status, { message, code: 'forbidden' });
	}
	return actor;
}
