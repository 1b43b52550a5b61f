import type { UserRow } from './user-queries';
import { maskPhone } from '$lib/domain/identity/id-number';
import type { MemberRole } from '$lib/domain/membership/roles';

export type { MemberRole };

/** Who is asking, and from where: the first argument of every service function. */
export interface Actor {
	user: UserRow;
	ip: string | null;
	requestId: string;
}

/** A person acting inside one organisation, with their role there. */
export interface OrgActor extends Actor {
	organisation: { id: string; slug: string; name: string };
	role: MemberRole;
}

export function actorLabel(actor: Actor): string {
	// A phone-only contestant is named by the masked number: audit rows never hold a full phone.
	return `${actor.user.displayName} <${actor.user.email ?? maskPhone(actor.user.phone ?? '')}>`;
}
