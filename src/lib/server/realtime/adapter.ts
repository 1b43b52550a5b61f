import pg from 'pg';
import { createAdapter } from '@socket.io/postgres-adapter';
import { onShutdown } from '../runtime.js';
import { getSocketServer } from './io';

export type SocketAdapterKind = 'postgres' | 'memory';

let roomsShared = false;

/** Whether other processes share this one's rooms (the PostgreSQL adapter is attached). */
export const roomsAreShared = (): boolean => roomsShared;

/**
 * Which adapter socket.io uses. An external database (DATABASE_URL) may be shared by several app
 * processes, so rooms go through PostgreSQL there unless told otherwise; the embedded database belongs
 * to one process, so rooms stay in memory. JIANGXIN_SOCKET_ADAPTER=postgres|memory decides explicitly.
 */
export function socketAdapterKind(env: Record<string, string | undefined>): SocketAdapterKind {
	const chosen = env.JIANGXIN_SOCKET_ADAPTER?.trim().toLowerCase();
	if (chosen === 'postgres' || chosen === 'memory') return chosen;
	if (chosen) throw new Error(`JIANGXIN_SOCKET_ADAPTER must be "postgres" or "memory", not "${env.JIANGXIN_SOCKET_ADAPTER}".`);
	return env.DATABASE_URL ? 'postgres' : 'memory';
}

/**
 * Shares rooms across processes through LISTEN/NOTIFY on the app's own database, with a dedicated `pg`
 * pool (the adapter needs pg, not postgres.js). Broadcasts above 7,900 bytes go through the
 * socket_io_attachments table (the adapter's 8,000-byte default trips a bug fixed only on its main
 * branch). Large messages may arrive out of order across processes: the board sends whole snapshots
 * with a rising sequence, and `round:changed` is a hint to refetch, so order does not matter.
 */
export function attachPostgresAdapter(databaseUrl: string): void {
	const io = getSocketServer();
	if (!io) return;
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: 'jiangxin-socket-adapter' });
	const report = (error: unknown) => console.error(`[jiangxin] socket.io adapter: ${error instanceof Error ? error.message : error}`);
	// An idle or listening connection that drops emits 'error'; unhandled it would end the process.
	// The adapter reconnects its listener by itself.
	pool.on('error', report);
	pool.on('connect', (client) => client.on('error', report));
	io.adapter(createAdapter(pool, { payloadThreshold: 7900, tableName: 'socket_io_attachments', errorHandler: report }));
	roomsShared = true;
	onShutdown(() => {
		roomsShared = false;
		return pool.end().catch(report);
	});
}
