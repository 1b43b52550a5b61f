import { readFileSync } from 'node:fs';
import path from 'node:path';
import { routeFiles } from './http-targets';

// What round-paths and competition-paths walk: every load, named action and download under
// …/competitions/[competition]/…, found in the route files themselves.

const COMPETITION_ROUTES = path.resolve('src/routes/(app)/orgs/[org=slug]/competitions/[competition=uuid]');

export interface RouteRequest {
	method: 'GET' | 'POST';
	/** The path below /orgs/<org>/competitions/<competition> ('' for the competition's page), its other [params] still to fill. */
	pattern: string;
	isPage: boolean;
}

/** Each load (GET), named action (POST ?/name) and exported GET/POST of the competition's routes. */
export function competitionRouteRequests(): RouteRequest[] {
	const requests: RouteRequest[] = [];
	for (const file of routeFiles(COMPETITION_ROUTES, ['+page.server.ts', '+server.ts'])) {
		const relative = path.relative(COMPETITION_ROUTES, path.dirname(file)).split(path.sep).join('/');
		const pattern = relative === '' ? '' : `/${relative}`;
		const source = readFileSync(file, 'utf8');
		if (file.endsWith('+page.server.ts')) {
			requests.push({ method: 'GET', pattern, isPage: true });
			const block = /export const actions = \{([\s\S]*?)\n\} satisfies Actions/.exec(source)?.[1] ?? '';
			for (const [, name] of block.matchAll(/^\t(\w+): async/gm)) requests.push({ method: 'POST', pattern: `${pattern}?/${name}`, isPage: false });
		} else {
			for (const [, method] of source.matchAll(/export const (GET|POST)\b/g)) requests.push({ method: method as 'GET' | 'POST', pattern, isPage: false });
		}
	}
	return requests;
}
