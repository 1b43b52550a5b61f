import { beforeAll, describe, expect, it } from 'vitest';
import { callApi, httpWorld, isApiError, type HttpWorld } from './http-targets';

// Walks every path and method of the published OpenAPI document with malformed requests. Whatever
// arrives, the API answers 4xx in its one error shape, never 5xx. Bounded: a few hundred requests.

type JsonSchema = { $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; allOf?: JsonSchema[] };
interface Operation {
	method: string;
	path: string;
	body?: JsonSchema;
	query: string[];
}

const WRONG_VALUES: unknown[] = [12345, true, null, ['x'], { nested: {} }, 'ev\ud800', 'a\u0000b', 'x'.repeat(100_000), -1.5, '0000-01-01'];

const GENERIC_BODIES: [string, string][] = [
	['empty', ''],
	['null', 'null'],
	['array', '[]'],
	['array of objects', '[{}]'],
	['string', '"text"'],
	['number', '42'],
	['truncated', '{"a": '],
	['extra fields only', '{"unexpected": 1, "__proto__": {"polluted": true}}'],
	['deep nesting', `${'['.repeat(5_000)}${']'.repeat(5_000)}`],
	['lone surrogate key', '{"\\ud800": "x"}']
];

const WRONG_CONTENT_TYPES = ['text/plain', 'multipart/form-data; boundary=b', 'application/x-www-form-urlencoded', 'application/xml'];

function resolve(schema: JsonSchema | undefined, document: { components: { schemas: Record<string, JsonSchema> } }): JsonSchema | undefined {
	if (!schema) return undefined;
	if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()!], document);
	if (schema.allOf) return { properties: Object.assign({}, ...schema.allOf.map((part) => resolve(part, document)?.properties ?? {})) };
	return schema;
}

function operationsOf(document: Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, JsonSchema> } }): Operation[] {
	return Object.entries(document.paths).flatMap(([path, methods]) =>
		Object.entries(methods).map(([method, operation]) => {
			const content = (operation.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content;
			const parameters = (operation.parameters as { in: string; name: string }[] | undefined) ?? [];
			return { method: method.toUpperCase(), path, body: resolve(content?.['application/json']?.schema, document), query: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name) };
		})
	);
}

/** Real ids where the path names a thing, so a request gets as far as its body's validation. */
function fillPath(world: HttpWorld, path: string, id?: string): string {
	const ids: Record<string, string> = { competitions: world.competitionId, events: world.eventId, rounds: world.roundId, members: world.owner.user.id };
	return path.replace(/\/(\w+)\/\{\w+\}/g, (_match, collection: string) => `/${collection}/${id ?? ids[collection] ?? crypto.randomUUID()}`);
}

describe('the OpenAPI document, fuzzed', () => {
	let world: HttpWorld;
	let operations: Operation[];
	beforeAll(async () => {
		world = await httpWorld();
		operations = operationsOf(await (await fetch(`${world.app}/api/v1/openapi.json`)).json());
	});

	it('answers every malformed request with a 4xx in the error shape', async () => {
		const failures: string[] = [];
		let requests = 0;
		const expect4xx = async (label: string, response: Promise<Response>) => {
			requests++;
			const answer = await response;
			const body = await answer.json().catch(() => undefined);
			if (answer.status < 400 || answer.status >= 500 || !isApiError(body)) failures.push(`${label} → ${answer.status} ${JSON.stringify(body)?.slice(0, 120)}`);
		};
		expect(operations.length).toBeGreaterThanOrEqual(17);
		for (const operation of operations) {
			const label = `${operation.method} ${operation.path}`;
			// Malformed ids in the path (the only malformed DELETE: a real id would delete).
			if (operation.path.includes('{')) {
				// (Not %ED%A0%80: a path that is not UTF-8 gets SvelteKit's plain "Malformed URI" 400 before any hook.)
				for (const id of ['not-a-uuid', '%00', '%C3%A9', '00000000-0000-0000-0000-000000000000']) {
					const body = operation.body ? '{}' : undefined;
					await expect4xx(`${label} id=${id}`, callApi(world, operation.method, fillPath(world, operation.path, id), body));
				}
			}
			// Query values may be free text (an actor's name): never a 5xx, and a 4xx in the error shape.
			for (const name of operation.query) {
				for (const value of ['0000-01-01', '%ED%A0%80', '%00', 'x'.repeat(5_000), '-1']) {
					requests++;
					const answer = await callApi(world, operation.method, `${fillPath(world, operation.path)}?${name}=${value}`);
					const body = await answer.json().catch(() => undefined);
					if (answer.status >= 500 || (answer.status >= 400 && !isApiError(body))) failures.push(`${label} ?${name}=${value.slice(0, 12)} → ${answer.status}`);
				}
			}
			if (!operation.body) continue;
			const path = fillPath(world, operation.path);
			for (const [name, body] of GENERIC_BODIES) await expect4xx(`${label} ${name}`, callApi(world, operation.method, path, body));
			for (const type of WRONG_CONTENT_TYPES) await expect4xx(`${label} as ${type}`, callApi(world, operation.method, path, '{}', type));
			await expect4xx(`${label} no content type`, fetch(`${world.app}/api/v1${path}`, { method: operation.method, headers: { authorization: `Bearer ${world.token}` } }));
			// Each property of the body's schema, alone and wrong: two kinds of wrong value each, rotating.
			const properties = Object.keys(operation.body.properties ?? {});
			expect(properties.length, label).toBeGreaterThan(0);
			for (const [index, property] of properties.entries()) {
				for (const value of [WRONG_VALUES[index % WRONG_VALUES.length], WRONG_VALUES[(index + 5) % WRONG_VALUES.length]]) {
					await expect4xx(`${label} ${property}=${JSON.stringify(value)?.slice(0, 20)}`, callApi(world, operation.method, path, JSON.stringify({ [property]: value })));
				}
			}
			await expect4xx(`${label} every property huge`, callApi(world, operation.method, path, JSON.stringify(Object.fromEntries(properties.map((property) => [property, 'x'.repeat(20_000)])))));
		}
		expect(failures).toEqual([]);
		expect(requests).toBeGreaterThan(200);
		// Live judging (issue 15) added a dozen operations; results, the notice's objections and appeals,
		// certificates and exports (issue 17) several dozen more: the walk stays bounded, a little wider.
		expect(requests).toBeLessThan(4_000);
	}, 120_000);
});
