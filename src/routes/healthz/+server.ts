import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { checkDatabase } from '$lib/server/db/health';
import { getSocketServer } from '$lib/server/realtime/io';

/** For load balancers and monitoring: 200 when the database answers, 503 otherwise. */
export const GET: RequestHandler = async () => {
	const database = await checkDatabase();
	const io = getSocketServer();
	const sockets = io ? { status: 'ok', connections: io.engine.clientsCount } : { status: 'detached', connections: 0 };
	const healthy = database.status === 'ok' && sockets.status === 'ok';
	return json({ status: healthy ? 'ok' : 'degraded', database, sockets }, { status: healthy ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
