import { z } from 'zod';
import { emailField, roleField } from '../fields';

export const organisationSchema = z
	.object({
		id: z.uuid(),
		slug: z.string().meta({ example: 'xian-zonggonghui' }),
		name: z.string().meta({ example: '某县总工会' }),
		allowSignUp: z.boolean()
	})
	.meta({ id: 'Organisation' });

export const memberSchema = z
	.object({
		userId: z.uuid(),
		email: z.email(),
		displayName: z.string(),
		role: z.enum(['owner', 'organiser', 'contestant']),
		joinedAt: z.iso.datetime()
	})
	.meta({ id: 'Member' });

export const memberListSchema = z.object({ members: z.array(memberSchema) }).meta({ id: 'MemberList' });

export const inviteMemberBodySchema = z
	.object({
		email: emailField.meta({ description: 'Where the person will be known; the answer is the same whether or not it has an account.' }),
		role: roleField.meta({ description: 'The role they get once they accept. Only owners may invite, owners included.' })
	})
	.meta({ id: 'InviteMember' });

export const invitationSchema = z
	.object({
		id: z.uuid(),
		email: z.email(),
		role: z.enum(['owner', 'organiser', 'contestant']),
		status: z.enum(['pending', 'expired']).meta({ description: 'Accepted and revoked invitations are no longer listed.' }),
		invitedBy: z.string().nullable(),
		createdAt: z.iso.datetime(),
		expiresAt: z.iso.datetime()
	})
	.meta({ id: 'Invitation', description: 'An invitation not yet accepted or revoked. Nothing is shared with the person until they accept.' });

export const createdInvitationSchema = z
	.object({
		id: z.uuid(),
		email: z.email(),
		role: z.enum(['owner', 'organiser', 'contestant']),
		expiresAt: z.iso.datetime(),
		acceptUrl: z.url().meta({ description: 'The link to send to the person. It is shown only in this answer; only its hash is stored.' })
	})
	.meta({ id: 'CreatedInvitation' });

export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) }).meta({ id: 'InvitationList' });

export const invitationPathSchema = z.object({ id: z.uuid() });

export const changeRoleBodySchema = z.object({ role: roleField }).meta({ id: 'ChangeMemberRole' });

export const memberPathSchema = z.object({ userId: z.uuid() });

export const auditEntrySchema = z
	.object({
		id: z.string().meta({ description: 'Increasing; use as `before` to page back.' }),
		action: z.string().meta({ example: 'membership.added' }),
		actor: z.string(),
		subjectType: z.string(),
		subjectId: z.string().nullable(),
		subjectLabel: z.string().nullable().meta({ description: 'The subject in words: its current name, or the name it had when the entry was written.' }),
		before: z.unknown(),
		after: z.unknown(),
		ip: z.string().nullable(),
		at: z.iso.datetime()
	})
	.meta({ id: 'AuditEntry' });

export const auditPageSchema = z
	.object({ entries: z.array(auditEntrySchema), nextBefore: z.string().nullable() })
	.meta({ id: 'AuditPage' });
