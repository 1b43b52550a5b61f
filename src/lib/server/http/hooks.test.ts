import { json, text, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { cacheControl, shapeApiAnswers } from './hooks';

// What SvelteKit answers by itself (a 405 for a missing method, a 500 after handleError) still
// leaves the API in its one error shape.

function eventFor(pathname: string, routeId: string | null, method = 'GET', user: unknown = null): RequestEvent {
	const url = new URL(`http://localhost${pathname}`);
	return { url, route: { id: routeId }, request: new Request(url, { method }), locals: { requestId: 'req-1', user } } as unknown as RequestEvent;
}

describe('shapeApiAnswers', () => {
	it('turns SvelteKit’s 500s (JSON or an HTML page) into the API’s error shape with the request id', async () => {
		for (const answer of [json({ message: 'x', code: 'unexpected', requestId: 'req-1' }, { status: 500 }), text('<h1>500</h1>', { status: 500, headers: { 'content-type': 'text/html' } })]) {
			const response = await shapeApiAnswers({ event: eventFor('/api/v1/competitions', '/api/v1/competitions'), resolve: async () => answer });
			expect(response.status).toBe(500);
			const body = await response.json();
			expect(body).toEqual({ error: { code: 'unexpected', message: expect.stringContaining('req-1') } });
		}
	});

	it('turns a plain-text 405 into the error shape and keeps Allow', async () => {
		const response = await shapeApiAnswers({
			event: eventFor('/api/v1/organisation', '/api/v1/organisation', 'DELETE'),
			resolve: async () => text('DELETE method not allowed', { status: 405, headers: { allow: 'GET' } })
		});
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET');
		expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
	});

	it('leaves pages, the API docs page and answers already in shape alone', async () => {
		const inShape = json({ error: { code: 'x', message: 'y' } }, { status: 503 });
		expect(await shapeApiAnswers({ event: eventFor('/api/v1/x', '/api/v1/x'), resolve: async () => inShape })).toBe(inShape);
		const page = text('<h1>500</h1>', { status: 500 });
		expect(await shapeApiAnswers({ event: eventFor('/api/v1/docs', '/api/v1/docs'), resolve: async () => page })).toBe(page);
		expect(await shapeApiAnswers({ event: eventFor('/orgs/x', '/(app)/orgs/[org=slug]'), resolve: async () => page })).toBe(page);
	});
});

describe('cacheControl', () => {
	it('marks signed-in and API answers no-store, except a document declared public', async () => {
		const answer = (headers: Record<string, string> = {}) => async () => text('x', { headers });
		expect((await cacheControl({ event: eventFor('/orgs/x', '/(app)/orgs/[org=slug]', 'GET', { id: 'u' }), resolve: answer() })).headers.get('cache-control')).toBe('no-store');
		expect((await cacheControl({ event: eventFor('/api/v1/members', '/api/v1/members'), resolve: answer({ 'cache-control': 'max-age=60' }) })).headers.get('cache-control')).toBe('no-store');
		expect((await cacheControl({ event: eventFor('/api/v1/openapi.json', '/api/v1/openapi.json'), resolve: answer({ 'cache-control': 'public, max-age=300' }) })).headers.get('cache-control')).toBe('public, max-age=300');
		expect((await cacheControl({ event: eventFor('/login', '/(auth)/login'), resolve: answer() })).headers.get('cache-control')).toBeNull();
	});
});
