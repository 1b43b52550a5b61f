import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi, httpWorld, type HttpWorld } from './http-targets';

// What a browser is told about every kind of answer: pages carry a strict Content-Security-Policy with a
// fresh nonce; everything carries nosniff and a Referrer-Policy; nothing signed-in or from the API is stored.

const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('security headers', () => {
	let world: HttpWorld;
	beforeAll(async () => {
		world = await httpWorld();
	});

	const get = (path: string, cookie?: string) => fetch(`${world.app}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

	it('gives every page a strict policy whose nonce is the one on its inline script', async () => {
		for (const response of [await get('/login'), await get(`/orgs/${world.owner.organisation.slug}`, world.ownerCookie)]) {
			expect(response.status).toBe(200);
			const policy = directives(response.headers.get('content-security-policy') ?? '');
			expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
			expect(policy.get('object-src')).toEqual(["'none'"]);
			expect(policy.get('base-uri')).toEqual(["'self'"]);
			expect(policy.get('form-action')).toEqual(["'self'"]);
			expect(policy.get('default-src')).toEqual(["'self'"]);
			const scripts = policy.get('script-src') ?? [];
			expect(scripts.filter((source) => !source.startsWith("'nonce-"))).toEqual(["'self'"]);
			const nonce = scripts.find((source) => source.startsWith("'nonce-"))!.slice(7, -1);
			const html = await response.text();
			const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map(([, attributes]) => attributes);
			expect(inline.length).toBeGreaterThan(0);
			for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
			expect(policy.get('style-src')).toEqual(["'self'"]);
		}
		const [first, second] = [await get('/login'), await get('/login')];
		expect(first.headers.get('content-security-policy')).not.toBe(second.headers.get('content-security-policy'));
	});

	it('sends nosniff and a referrer policy with pages, API answers and static files', async () => {
		const asset = readdirSync('build/client/_app/immutable/entry').find((name) => name.endsWith('.js'))!;
		const answers = {
			'public page': await get('/login'),
			'signed-in page': await get(`/orgs/${world.owner.organisation.slug}`, world.ownerCookie),
			'API answer': await callApi(world, 'GET', '/organisation'),
			'static asset': await get(`/_app/immutable/entry/${asset}`),
			favicon: await get('/favicon.svg')
		};
		for (const [kind, response] of Object.entries(answers)) {
			expect(response.status, kind).toBe(200);
			expect(response.headers.get('x-content-type-options'), kind).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), kind).toBe('strict-origin-when-cross-origin');
		}
		expect(answers['signed-in page'].headers.get('cache-control')).toBe('no-store');
		expect(answers['API answer'].headers.get('cache-control')).toBe('no-store');
		expect(answers['public page'].headers.get('cache-control')).not.toBe('no-store');
		expect(answers['static asset'].headers.get('cache-control')).toContain('immutable');
	});

	it('keeps API errors and signed-in data requests out of caches too', async () => {
		expect((await callApi(world, 'GET', `/competitions/${crypto.randomUUID()}`)).headers.get('cache-control')).toBe('no-store');
		const data = await get(`/orgs/${world.owner.organisation.slug}/__data.json`, world.ownerCookie);
		expect(data.headers.get('cache-control')).toBe('no-store');
	});
});
