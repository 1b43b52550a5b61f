import type { PageServerLoad } from './$types';
import { getOpenApiDocument } from '$lib/server/api/openapi';
import { describeOperations } from '$lib/server/api/describe';

export const load = (() => ({ operations: describeOperations(getOpenApiDocument()) })) satisfies PageServerLoad;
