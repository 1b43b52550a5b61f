import { DomainError } from '../domain-error';
import type { MemberRole, OrgActor } from './actor';

export const MANAGER_ROLES: MemberRole[] = ['owner', 'organiser'];

/** Refuses the call unless the actor holds one of the roles in their organisation. */
export function requireRole(actor: OrgActor, roles: MemberRole[]): void {
	if (!roles.includes(actor.role)) throw new DomainError('forbidden');
}
