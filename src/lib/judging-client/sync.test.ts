import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeServer } from './fake-server';
import { JudgeStore, sheetKey } from './store';
import { OutboxSync, type SheetChange } from './sync';

const ENTRIES = Array.from({ length: 20 }, (_, index) => `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`);

let store: JudgeStore;
let server: FakeServer;
let sync: OutboxSync;
let databaseNumber = 0;

beforeEach(async () => {
	store = await JudgeStore.open(`judge-test-${++databaseNumber}`);
	server = new FakeServer();
	sync = new OutboxSync(store, server, { ackTimeoutMs: 50, deviceId: 'device-1' });
});
afterEach(() => store.close());

const change = (entryId: string, fit: number | null, extra: Partial<SheetChange> = {}): SheetChange => ({
	roundId: server.roundId,
	entryId,
	componentKey: 'practical',
	kind: 'save',
	scores: { fit, finish: null },
	deductions: {},
	note: '',
	...extra
});
const key = (entryId: string) => sheetKey({ roundId: server.roundId, entryId, componentKey: 'practical' });

describe('the outbox', () => {
	it('stores every change before sending and sends in the order the judge made them', async () => {
		server.connected = false;
		for (const [index, entryId] of ENTRIES.slice(0, 3).entries()) await sync.change(change(entryId, 1000 + index));
		expect(await store.outboxSize()).toBe(3);
		expect(server.received).toEqual([]);
		server.connected = true;
		expect(await sync.flush()).toBe(3);
		expect(server.applied.map((operation) => operation.entryId)).toEqual(ENTRIES.slice(0, 3));
		expect(await store.outboxSize()).toBe(0);
		const sheet = await store.sheet(key(ENTRIES[0]!));
		expect(sheet).toMatchObject({ dirty: false, baseVersion: 1, serverStatus: 'draft', scores: { fit: 1000 } });
	});

	it('takes an operation out only on an ack: a captive portal or a timeout leaves it for the resend', async () => {
		server.portal = true;
		await sync.change(change(ENTRIES[0]!, 1500));
		await sync.flush();
		expect(await store.outboxSize()).toBe(1);
		expect((await store.sheet(key(ENTRIES[0]!)))?.dirty).toBe(true);
		server.portal = false;
		await sync.flush();
		expect(await store.outboxSize()).toBe(0);
		expect(server.sheets.get(key(ENTRIES[0]!))?.scores).toEqual({ fit: 1500 });
	});

	it('resends an operation whose ack was lost with the same id, and the server applies it once', async () => {
		server.loseAcks = true;
		await sync.change(change(ENTRIES[0]!, 2000));
		await sync.flush();
		expect(await store.outboxSize()).toBe(1);
		server.loseAcks = false;
		await sync.flush();
		expect(server.received.length).toBeGreaterThanOrEqual(2);
		expect(new Set(server.received.map((operation) => operation.operationId)).size).toBe(1);
		expect(server.applied).toHaveLength(1);
		expect(await store.outboxSize()).toBe(0);
	});

	it('coalesces saves of one sheet to the latest but never drops a submit', async () => {
		server.connected = false;
		await sync.change(change(ENTRIES[0]!, 100));
		await sync.change(change(ENTRIES[0]!, 200));
		await sync.change(change(ENTRIES[1]!, 300));
		await sync.change(change(ENTRIES[0]!, 400, { kind: 'submit' }));
		await sync.change(change(ENTRIES[0]!, 500));
		await sync.change(change(ENTRIES[0]!, 600));
		server.connected = true;
		await sync.flush();
		expect(server.applied.map((operation) => [operation.entryId, operation.kind, operation.scores.fit])).toEqual([
			[ENTRIES[1], 'save', 300],
			[ENTRIES[0], 'submit', 400],
			[ENTRIES[0], 'save', 600]
		]);
		expect(server.sheets.get(key(ENTRIES[0]!))?.scores.fit).toBe(600);
	});

	it('delivers 100 changes over 20 sheets made offline: every final value exactly once', async () => {
		server.connected = false;
		const finals = new Map<string, number>();
		for (let step = 0; step < 100; step++) {
			const entryId = ENTRIES[step % 20]!;
			const value = step * 10;
			finals.set(entryId, value);
			await sync.change(change(entryId, value));
		}
		expect(await store.outboxSize()).toBe(100);
		server.connected = true;
		await sync.refreshRound(server.roundId);
		await sync.flush();
		expect(server.applied).toHaveLength(20);
		for (const [entryId, value] of finals) expect(server.sheets.get(key(entryId))?.scores.fit).toBe(value);
		expect(await store.outboxSize()).toBe(0);
	});

	it('stops at a lost connection and resumes in order', async () => {
		let calls = 0;
		const apply = server.apply.bind(server);
		server.apply = async (operation) => {
			if (++calls === 2) server.connected = false;
			return apply(operation);
		};
		server.connected = false;
		for (const entryId of ENTRIES.slice(0, 4)) await sync.change(change(entryId, 700));
		server.connected = true;
		await sync.flush();
		expect(server.applied.map((operation) => operation.entryId)).toEqual(ENTRIES.slice(0, 1));
		server.connected = true;
		await sync.flush();
		expect(server.applied.map((operation) => operation.entryId)).toEqual(ENTRIES.slice(0, 4));
	});

	it('drops the operations of a sheet the server refuses for good, and shows the server sheet with the refusal', async () => {
		server.write(key(ENTRIES[0]!), { entryId: ENTRIES[0]!, componentKey: 'practical', status: 'locked', scores: { fit: 5000, finish: 3000 } });
		server.connected = false;
		await sync.change(change(ENTRIES[0]!, 100, { kind: 'submit' }));
		await sync.change(change(ENTRIES[0]!, 200, { kind: 'submit' }));
		server.connected = true;
		await sync.flush();
		expect(await store.outboxSize()).toBe(0);
		expect(server.received).toHaveLength(1);
		expect(await store.sheet(key(ENTRIES[0]!))).toMatchObject({ serverStatus: 'locked', scores: { fit: 5000 }, notice: { kind: 'refused', code: 'sheet_locked' } });
	});
});

describe('reconciling on reconnect', () => {
	it('keeps a device draft made on the server’s current version', async () => {
		await sync.change(change(ENTRIES[0]!, 100));
		await sync.flush();
		server.connected = false;
		await sync.change(change(ENTRIES[0]!, 900));
		server.connected = true;
		const result = await sync.refreshRound(server.roundId);
		expect(result && 'told' in result && result.told).toBe(0);
		expect(await store.outboxSize()).toBe(1);
		await sync.flush();
		expect(server.sheets.get(key(ENTRIES[0]!))?.scores.fit).toBe(900);
	});

	it('lets a newer server version win over the device’s unsent draft and tells the judge', async () => {
		await sync.change(change(ENTRIES[0]!, 100));
		await sync.flush();
		server.connected = false;
		await sync.change(change(ENTRIES[0]!, 900));
		server.write(key(ENTRIES[0]!), { entryId: ENTRIES[0]!, componentKey: 'practical', scores: { fit: 4400 } });
		server.connected = true;
		const result = await sync.refreshRound(server.roundId);
		expect(result && 'told' in result && result.told).toBe(1);
		expect(await store.outboxSize()).toBe(0);
		expect(await store.sheet(key(ENTRIES[0]!))).toMatchObject({ scores: { fit: 4400 }, dirty: false, notice: { kind: 'superseded' } });
		await sync.flush();
		expect(server.sheets.get(key(ENTRIES[0]!))?.scores.fit).toBe(4400);
	});

	it('shows a sheet the head judge returned, with the reason, over the device’s older draft', async () => {
		await sync.change(change(ENTRIES[0]!, 100, { kind: 'submit' }));
		await sync.flush();
		server.connected = false;
		await sync.change(change(ENTRIES[0]!, 150));
		server.write(key(ENTRIES[0]!), { entryId: ENTRIES[0]!, componentKey: 'practical', status: 'returned', statusReason: '工艺分偏高' });
		server.connected = true;
		await sync.refreshRound(server.roundId);
		expect(await store.sheet(key(ENTRIES[0]!))).toMatchObject({ serverStatus: 'returned', statusReason: '工艺分偏高', scores: { fit: 100 } });
		expect(await store.outboxSize()).toBe(0);
	});

	it('drops pending changes of a sheet locked on the server', async () => {
		await sync.change(change(ENTRIES[0]!, 100));
		await sync.flush();
		server.write(key(ENTRIES[0]!), { entryId: ENTRIES[0]!, componentKey: 'practical', status: 'locked' });
		server.connected = false;
		await sync.change(change(ENTRIES[0]!, 300));
		server.connected = true;
		await sync.refreshRound(server.roundId);
		expect(await store.outboxSize()).toBe(0);
		expect((await store.sheet(key(ENTRIES[0]!)))?.serverStatus).toBe('locked');
	});

	it('recognises its own operation whose ack was lost and keeps the later ones', async () => {
		server.loseAcks = true;
		await sync.change(change(ENTRIES[0]!, 100));
		await sync.flush();
		server.loseAcks = false;
		server.connected = false;
		await sync.change(change(ENTRIES[0]!, 200));
		server.connected = true;
		const result = await sync.refreshRound(server.roundId);
		expect(result && 'told' in result && result.told).toBe(0);
		expect(await store.outboxSize()).toBe(1);
		await sync.flush();
		expect(server.sheets.get(key(ENTRIES[0]!))?.scores.fit).toBe(200);
	});

	it('ignores an announcement older than the ack the device already has', async () => {
		await sync.change(change(ENTRIES[0]!, 100));
		await sync.flush();
		const first = server.sheets.get(key(ENTRIES[0]!))!;
		await sync.change(change(ENTRIES[0]!, 200));
		await sync.flush();
		await sync.serverSheet(first);
		expect((await store.sheet(key(ENTRIES[0]!)))?.scores.fit).toBe(200);
	});
});

describe('a session that ended', () => {
	it('keeps the operation in the outbox and says why, instead of dropping it', async () => {
		const halts: string[] = [];
		sync = new OutboxSync(store, server, { ackTimeoutMs: 50, onHalt: (error) => halts.push(error.code) });
		server.apply = async (operation) => ({ ok: false, operationId: operation.operationId, error: { code: 'session_ended', message: 'sign in again' } });
		await sync.change(change(ENTRIES[0]!, 100));
		await sync.flush();
		expect(await store.outboxSize()).toBe(1);
		expect(halts[0]).toBe('session_ended');
	});
});
