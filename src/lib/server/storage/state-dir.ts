import path from 'node:path';

/**
 * Where the platform keeps what is not in PostgreSQL: the generated secret key and uploaded files.
 * `JIANGXIN_STATE_DIR`, default `./data` (beside the embedded database). Back it up with the database.
 */
export function stateDir(env: Record<string, string | undefined> = process.env): string {
	return path.resolve(env.JIANGXIN_STATE_DIR || 'data');
}
