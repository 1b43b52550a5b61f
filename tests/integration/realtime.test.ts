import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createSession } from '../../src/lib/server/auth/session';
import type { ClientToServerEvents, JoinResult, ServerToClientEvents } from '../../src/lib/realtime/events';
import { newOrg } from '../fixtures/factories';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const open: Client[] = [];

async function connect(cookie?: string, origin?: string, transport: 'websocket' | 'polling' = 'websocket'): Promise<Client> {
	const headers = { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) };
	const socket: Client = io(inject('appUrl'), { transports: [transport], extraHeaders: headers, reconnection: false });
	open.push(socket);
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('connect_error', reject);
	});
	return socket;
}

const join = (socket: Client, room: string) => new Promise<JoinResult>((resolve) => socket.emit('room:join', { room }, resolve));

afterEach(() => {
	for (const socket of open.splice(0)) socket.disconnect();
});

describe('socket.io', () => {
	it('lets anyone join a public board but no organisation room', async () => {
		const owner = await newOrg();
		const anonymous = await connect();
		expect(await join(anonymous, `live:${owner.organisation.id}`)).toEqual({ ok: true });
		expect(await join(anonymous, `org:${owner.organisation.id}`)).toEqual({ ok: false, code: 'forbidden' });
	});

	it('authenticates with the session cookie and admits members to their own organisation only', async () => {
		const ownerA = await newOrg();
		const ownerB = await newOrg();
		const { token } = await createSession(db(), ownerA.user.id, new Date());
		const socket = await connect(`jiangxin_session=${token}`);
		expect(await join(socket, `org:${ownerA.organisation.id}`)).toEqual({ ok: true });
		expect(await join(socket, `org:${ownerB.organisation.id}`)).toEqual({ ok: false, code: 'forbidden' });
	});

	it('treats a forged cookie as anonymous and rejects malformed rooms', async () => {
		const owner = await newOrg();
		const socket = await connect('jiangxin_session=forged');
		expect(await join(socket, `org:${owner.organisation.id}`)).toEqual({ ok: false, code: 'forbidden' });
		expect(await join(socket, 'round:anything')).toEqual({ ok: false, code: 'invalid_room' });
	});

	it('refuses a handshake from another site’s page, as HTTP refuses its form posts', async () => {
		for (const transport of ['websocket', 'polling'] as const) {
			await expect(connect(undefined, 'http://evil.test', transport), transport).rejects.toThrow();
			await expect(connect(undefined, inject('appUrl'), transport), transport).resolves.toBeDefined();
		}
	});

	it('is reported by the health check', async () => {
		await connect();
		const health = await (await fetch(`${inject('appUrl')}/healthz`)).json();
		expect(health).toMatchObject({ status: 'ok', database: { status: 'ok' }, sockets: { status: 'ok' } });
		expect(health.sockets.connections).toBeGreaterThanOrEqual(1);
	});
});
