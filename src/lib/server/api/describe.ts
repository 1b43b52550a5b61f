import type { oas31 } from 'zod-openapi';

export interface OperationSummary {
	method: string;
	path: string;
	operationId: string;
	summary: string;
	parameters: { name: string; location: string; required: boolean; schema: string }[];
	requestBody: string | null;
	responses: { status: string; description: string; schema: string | null }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Inlines component references (one level deep is enough to read) for the human-readable page. */
function show(schema: unknown, document: oas31.OpenAPIObject): string | null {
	if (!schema) return null;
	const ref = (schema as { $ref?: string }).$ref;
	const resolved = ref ? document.components?.schemas?.[ref.split('/').pop()!] : schema;
	return JSON.stringify(resolved, null, 2);
}

/** A parameter's type as people read it: `string (uuid)` rather than the uuid's 200-character pattern. */
function showParameter(schema: unknown): string {
	const value = (schema ?? {}) as { type?: string; format?: string; enum?: unknown[] };
	if (value.enum) return value.enum.map(String).join(' | ');
	if (value.type) return value.format ? `${value.type} (${value.format})` : value.type;
	return JSON.stringify(schema);
}

/** The OpenAPI document as a list the docs page can render without a third-party viewer. */
export function describeOperations(document: oas31.OpenAPIObject): OperationSummary[] {
	const operations: OperationSummary[] = [];
	for (const [path, item] of Object.entries(document.paths ?? {})) {
		for (const method of METHODS) {
			const operation = item[method];
			if (!operation) continue;
			const body = operation.requestBody as oas31.RequestBodyObject | undefined;
			operations.push({
				method: method.toUpperCase(),
				path,
				operationId: operation.operationId ?? '',
				summary: operation.summary ?? '',
				parameters: ((operation.parameters ?? []) as oas31.ParameterObject[]).map((parameter) => ({
					name: parameter.name,
					location: parameter.in,
					required: parameter.required ?? false,
					schema: showParameter(parameter.schema)
				})),
				requestBody: show(body?.content?.['application/json']?.schema, document),
				responses: Object.entries(operation.responses ?? {}).map(([status, response]) => {
					const value = response as oas31.ResponseObject;
					return { status, description: value.description, schema: show(value.content?.['application/json']?.schema, document) };
				})
			});
		}
	}
	return operations;
}
