import { db, isDbConnected } from './client';

export async function checkDatabase(): Promise<{ status: 'ok' | 'error'; latencyMs?: number }> {
	if (!isDbConnected()) return { status: 'error' };
	const started = performance.now();
	try {
		await db()`select 1`;
		return { status: 'ok', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
	} catch {
		return { status: 'error' };
	}
}
