import postgres from 'postgres';

type Sql = postgres.Sql;

/**
 * Held (per transaction) while a process sets up the role and its grants: several processes starting
 * at once would otherwise update the same catalogue rows together, and PostgreSQL refuses one with
 * "tuple concurrently updated" (seen when two app processes started side by side).
 */
const ROLE_SETUP_LOCK_ID = 7_115_087_022;

/** The login role the embedded server's app connects as; migrations run as the cluster's owner. */
export const EMBEDDED_RUNTIME_ROLE = 'jiangxin_app';

/**
 * Creates (or resets the password of) a login role with no rights of its own, and returns `ownerUrl`
 * with that role's credentials. The operator's job with an external server; start-up's with the embedded one.
 */
export async function ensureRuntimeRole(owner: Sql, ownerUrl: string, role: string, password: string): Promise<string> {
	// ALTER ROLE takes no parameters: only quote-free passwords reach the SQL text.
	if (!/^[A-Za-z0-9_-]+$/.test(password)) throw new Error('The runtime role password must be letters, digits, _ or -.');
	await owner.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${ROLE_SETUP_LOCK_ID})`;
		const exists = await tx`select 1 from pg_roles where rolname = ${role}`;
		if (exists.length === 0) await tx`create role ${tx(role)}`;
		await tx.unsafe(`alter role "${role.replaceAll('"', '""')}" with login nosuperuser nocreatedb nocreaterole nobypassrls noreplication password '${password}'`);
	});
	const url = new URL(ownerUrl);
	url.username = role;
	url.password = password;
	return url.href;
}

/**
 * What the app's role may do, granted by the owner after migrating: read and write every table,
 * use their sequences, and only add to and read the audit log. Default privileges extend the same
 * grants to tables later migrations create; audit_log is narrowed again on every start.
 */
export async function grantRuntimePrivileges(owner: Sql, role: string): Promise<void> {
	await owner.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${ROLE_SETUP_LOCK_ID})`;
		const grantee = tx(role);
		await tx`grant usage on schema public to ${grantee}`;
		await tx`grant select, insert, update, delete on all tables in schema public to ${grantee}`;
		await tx`grant usage, select on all sequences in schema public to ${grantee}`;
		await tx`alter default privileges in schema public grant select, insert, update, delete on tables to ${grantee}`;
		await tx`alter default privileges in schema public grant usage, select on sequences to ${grantee}`;
		await tx`revoke all on audit_log from ${grantee}`;
		await tx`grant select, insert on audit_log to ${grantee}`;
		await tx`revoke all on schema_migration from ${grantee}`;
	});
}

export interface RuntimeRoleReport {
	role: string;
	problems: string[];
}

/** Why the role behind `sql` could rewrite history: superuser, owner (or member of the owner) of audit_log, or granted changes to it. */
export async function inspectRuntimeRole(sql: Sql): Promise<RuntimeRoleReport> {
	// One-word column names, so the answer reads the same with or without the pool's camelCase transform.
	const [row] = await sql<{ role: string; superuser: boolean; owner: boolean; changer: boolean }[]>`
		select current_user as role,
			(select rolsuper from pg_roles where rolname = current_user) as superuser,
			coalesce((select pg_has_role(current_user, relowner, 'usage') from pg_class where oid = to_regclass('public.audit_log')), false) as owner,
			coalesce(to_regclass('public.audit_log') is not null
				and has_table_privilege('public.audit_log', 'update, delete, truncate, trigger'), false) as changer`;
	const problems: string[] = [];
	if (row!.superuser) problems.push('is a superuser');
	else if (row!.owner) problems.push('owns audit_log');
	else if (row!.changer) problems.push('may update, delete or truncate audit_log');
	return { role: row!.role, problems };
}
