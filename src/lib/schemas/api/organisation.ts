import { z } from 'zod';
import { emailField, newPasswordField, requiredText, roleField } from '../fields';

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

export const addMemberBodySchema = z
	.object({
		email: emailField,
		displayName: requiredText(100),
		password: newPasswordField.optional().meta({ description: 'Needed only when the person has no account yet.' }),
		role: roleField
	})
	.meta({ id: 'AddMember' });

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
