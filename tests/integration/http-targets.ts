import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createSession } from '../../src/lib/server/auth/session';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { getCompetitionOverview } from '../../src/lib/server/competitions/competition-service';
import { newOrg, newUser } from '../fixtures/factories';
import { newCompetitionFromTemplate } from '../fixtures/competitions';

// What the HTTP tables walk: every form action and POST endpoint outside the API, found in the route
// files themselves (a new action is covered the day it is added), and a world to aim them at.

const ROUTES = path.resolve('src/routes');

/** The route files with one of these names below `dir`. */
export function routeFiles(dir: string, names: string[]): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return routeFiles(full, names);
		return names.includes(entry.name) ? [full] : [];
	});
}

/** `/orgs/[org=slug]/competitions/[competition=uuid]` with the route groups dropped. */
function routePattern(file: string): string {
	const relative = path.relative(ROUTES, path.dirname(file)).split(path.sep).filter((part) => part && !/^\(.*\)$/.test(part));
	return `/${relative.join('/')}`;
}

export interface FormTarget {
	/** The path with its parameters filled, `?/name` for a named action. */
	path: string;
	/** Who posts: signed-in pages need their member; (auth) pages are posted anonymously. */
	signedIn: boolean;
	admin: boolean;
}

/** Every form action (named or default) and every POST +server.ts outside /api. */
export function listFormTargets(fill: (pattern: string) => string): FormTarget[] {
	const targets: FormTarget[] = [];
	for (const file of routeFiles(ROUTES, ['+page.server.ts'])) {
		const source = readFileSync(file, 'utf8');
		if (!source.includes('export const actions')) continue;
		const block = /export const actions = \{([\s\S]*?)\n\} satisfies Actions/.exec(source)?.[1];
		if (!block) throw new Error(`${file}: write its actions as \`export const actions = { … } satisfies Actions\` so the HTTP tables find them`);
		const pattern = routePattern(file);
		for (const [, name] of block.matchAll(/^\t(\w+): async/gm)) {
			targets.push({ path: `${fill(pattern)}${name === 'default' ? '' : `?/${name}`}`, signedIn: !pattern.match(/^\/(login|setup|signup)/), admin: pattern.startsWith('/admin') });
		}
	}
	for (const file of routeFiles(ROUTES, ['+server.ts'])) {
		const pattern = routePattern(file);
		if (pattern.startsWith('/api/') || !/export const POST/.test(readFileSync(file, 'utf8'))) continue;
		targets.push({ path: fill(pattern), signedIn: true, admin: false });
	}
	return targets;
}

/** Every exported method of every API endpoint file, as `METHOD /path` with OpenAPI's `{param}`. */
export function listApiEndpoints(): string[] {
	return routeFiles(path.join(ROUTES, 'api/v1'), ['+server.ts']).flatMap((file) => {
		const pattern = routePattern(file).replace(/^\/api\/v1/, '').replace(/\[(\w+)\]/g, '{$1}');
		if (pattern.includes('...') || pattern === '/openapi.json') return [];
		return [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(([, method]) => `${method} ${pattern}`);
	});
}

/** An organisation with a competition (one event, two rounds with schemes), its owner's cookie and API token. */
export async function httpWorld() {
	const owner = await newOrg();
	const stranger = await newOrg();
	const admin = await newUser({ isPlatformAdmin: true });
	const competition = await newCompetitionFromTemplate(owner, 'craftsman_award');
	const foreign = await newCompetitionFromTemplate(stranger, 'skills_contest');
	const [event] = (await getCompetitionOverview(owner, competition.id)).events;
	const [foreignEvent] = (await getCompetitionOverview(stranger, foreign.id)).events;
	const cookieOf = async (userId: string) => `jiangxin_session=${(await createSession(db(), userId, new Date())).token}`;
	const world = {
		app: inject('appUrl'),
		owner,
		ownerCookie: await cookieOf(owner.user.id),
		adminCookie: await cookieOf(admin.id),
		token: (await createApiToken(owner, 'http tables')).token,
		competitionId: competition.id,
		eventId: event!.id,
		roundId: event!.rounds[0]!.id,
		foreign: { competitionId: foreign.id, eventId: foreignEvent!.id, roundId: foreignEvent!.rounds[0]!.id }
	};
	const values: Record<string, string> = { org: owner.organisation.slug, competition: world.competitionId, round: world.roundId };
	const fill = (pattern: string) => pattern.replace(/\[(\w+)(?:=\w+)?\]/g, (_match, name: string) => values[name] ?? crypto.randomUUID());
	return { ...world, fill, formTargets: listFormTargets(fill) };
}

export type HttpWorld = Awaited<ReturnType<typeof httpWorld>>;

/** POSTs to a form target the way `use:enhance` does, as its member, in the given language. */
export function postForm(world: HttpWorld, target: FormTarget, body: BodyInit | null, headers: Record<string, string> = {}, locale = 'zh-CN') {
	const cookies = [`PARAGLIDE_LOCALE=${locale}`, ...(target.signedIn ? [target.admin ? world.adminCookie : world.ownerCookie] : [])];
	return fetch(`${world.app}${target.path}`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin: world.app, accept: 'application/json', 'x-sveltekit-action': 'true', cookie: cookies.join('; '), ...headers }
	});
}

/** An API call with the owner's token; `body` goes as is (a string) with the given content type. */
export function callApi(world: HttpWorld, method: string, apiPath: string, body?: string, contentType = 'application/json') {
	return fetch(`${world.app}/api/v1${apiPath}`, {
		method,
		body,
		headers: { authorization: `Bearer ${world.token}`, ...(body === undefined ? {} : { 'content-type': contentType }) }
	});
}

/** The API's one error shape: `{error: {code, message, fields?}}` with a non-empty message. */
export function isApiError(body: unknown): boolean {
	if (typeof body !== 'object' || body === null || !('error' in body)) return false;
	const error = (body as { error: Record<string, unknown> }).error;
	const fieldsOk = error.fields === undefined || (typeof error.fields === 'object' && error.fields !== null);
	return typeof error.code === 'string' && typeof error.message === 'string' && error.message.length > 0 && fieldsOk && Object.keys(error).every((key) => ['code', 'message', 'fields'].includes(key));
}
