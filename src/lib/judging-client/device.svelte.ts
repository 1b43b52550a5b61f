import { version } from '$app/environment';
import type { JudgeRoundState, SheetState } from '$lib/realtime/events';
import { connectJudgeSocket, socketTransport, type JudgeSocket } from './connection';
import { entryStatus, type EntryStatus } from './rules';
import { JudgeStore, sheetKey, type LocalSheet } from './store';
import { OutboxSync, type SheetChange } from './sync';
import { forgetDevice } from './forget';
import { isoNow } from './sheet-input';
import { routes } from '$lib/routes';
import { OfflineReadinessTracker, type OfflineReadiness } from './register';

const HEARTBEAT_MS = 10_000;

/**
 * One judge's tablet while a judge page is open: the IndexedDB store, the socket, the outbox engine,
 * the heartbeat, and what the page shows (reactive). With a round it also keeps that round's server view
 * (reloaded and reconciled on every connect) and the device's sheets.
 */
export class JudgeDevice {
	online = $state(false);
	outboxSize = $state(0);
	round = $state<JudgeRoundState | null>(null);
	sheets = $state<Record<string, LocalSheet>>({});
	pending = $state<Record<string, ('save' | 'submit')[]>>({});
	/** How many of the device's unsent drafts a newer server version replaced at the last reconnect. */
	replaced = $state(0);
	error = $state<{ code: string; message: string } | null>(null);
	ready = $state(false);
	/** Whether this page reopens with no network; warmed up again on a reconnect after a failed warm-up. */
	offline = $state<OfflineReadiness>('preparing');

	private store: JudgeStore | null = null;
	private socket: JudgeSocket | null = null;
	private sync: OutboxSync | null = null;
	private heartbeat: ReturnType<typeof setInterval> | null = null;
	private stopped = false;
	private readonly readiness: OfflineReadinessTracker;

	/** `offlinePages`: the other judge pages the offline worker should keep a copy of. */
	constructor(
		private readonly roundId: string | null = null,
		offlinePages: () => string[] = () => []
	) {
		this.readiness = new OfflineReadinessTracker(offlinePages, (readiness) => (this.offline = readiness));
	}

	async start(): Promise<void> {
		void this.readiness.prepare();
		const store = await JudgeStore.open();
		if (this.stopped) return store.close();
		this.store = store;
		if (this.roundId) this.round = (await store.round(this.roundId)) ?? null;
		await this.reload();
		this.ready = true;
		const socket = connectJudgeSocket();
		this.socket = socket;
		this.sync = new OutboxSync(store, socketTransport(socket), {
			deviceId: await store.deviceId(),
			onChange: () => void this.reload(),
			onHalt: (error) => {
				if (error.code === 'device_revoked') void this.revoked();
				else this.error = error;
			}
		});
		socket.on('connect', () => void this.connected());
		socket.on('disconnect', (reason) => {
			this.online = false;
			// The server closes a socket itself only when the head judge revoked the tablet; socket.io does not
			// reconnect after that by itself, and the tablet would sit "offline", never told. Reconnecting, its
			// heartbeat answers that it was revoked.
			if (reason === 'io server disconnect' && !this.stopped) socket.connect();
		});
		socket.on('sheet:updated', (sheet: SheetState) => void this.serverSheet(sheet));
		// Sent to every device of the judge: the heartbeat's answer says whether it is this one.
		socket.on('device:revoked', () => void this.beat());
		this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
	}

	stop(): void {
		this.stopped = true;
		if (this.heartbeat) clearInterval(this.heartbeat);
		this.socket?.disconnect();
		this.store?.close();
	}

	private async connected(): Promise<void> {
		this.online = true;
		void this.readiness.retry();
		await this.refresh();
		await this.sync?.flush();
		void this.beat();
	}

	/** Reloads the server's view of the round and reconciles (also after the judge declared a conflict). */
	async refresh(): Promise<void> {
		if (this.roundId && this.sync) {
			const result = await this.sync.refreshRound(this.roundId);
			if (result && 'state' in result) {
				this.round = result.state;
				this.replaced = result.told;
				this.error = null;
			} else if (result?.error.code === 'device_revoked') await this.revoked();
			else if (result) this.error = result.error;
		}
	}

	private async serverSheet(sheet: SheetState): Promise<void> {
		if (sheet.roundId !== this.roundId || !this.sync) return;
		if (await this.sync.serverSheet(sheet)) this.replaced += 1;
	}

	private async beat(): Promise<void> {
		if (!this.socket?.connected || !this.store) return;
		try {
			const result = await this.socket.timeout(5000).emitWithAck('device:heartbeat', { outboxSize: await this.store.outboxSize(), appVersion: version, clientTime: isoNow() });
			if (result.ok && result.revoked) await this.revoked();
		} catch {
			// No answer: the next beat tries again.
		}
	}

	/** The head judge revoked this tablet: nothing of the session stays on it. */
	private async revoked(): Promise<void> {
		this.stop();
		await forgetDevice();
		location.assign(`${routes.judgeSignIn()}?revoked=1`);
	}

	/** Re-reads the store into what the page shows. */
	async reload(): Promise<void> {
		const store = this.store;
		if (!store) return;
		const outbox = await store.outbox();
		this.outboxSize = outbox.length;
		if (!this.roundId) return;
		const sheets = await store.sheetsOfRound(this.roundId);
		this.sheets = Object.fromEntries(sheets.map((sheet) => [sheet.key, sheet]));
		const pending: Record<string, ('save' | 'submit')[]> = {};
		for (const record of outbox) (pending[record.key] ??= []).push(record.operation.kind);
		this.pending = pending;
		if (this.round && this.round.round.roundId === this.roundId) {
			const saved = await store.round(this.roundId);
			if (saved && saved.serverTime > this.round.serverTime) this.round = saved;
		}
	}

	change(change: Omit<SheetChange, 'roundId'>): Promise<LocalSheet> | undefined {
		if (!this.sync || !this.roundId) return undefined;
		return this.sync.change({ ...change, roundId: this.roundId });
	}

	sheetOf(entryId: string, componentKey: string): LocalSheet | undefined {
		return this.roundId ? this.sheets[sheetKey({ roundId: this.roundId, entryId, componentKey })] : undefined;
	}

	statusOf(entry: { entryId: string; stoodAside: boolean }): EntryStatus {
		const components = this.round?.components.map((component) => component.key) ?? [];
		const keys = components.map((componentKey) => sheetKey({ roundId: this.roundId ?? '', entryId: entry.entryId, componentKey }));
		return entryStatus({
			stoodAside: entry.stoodAside,
			roundLocked: Boolean(this.round?.round.lockedAt),
			componentKeys: components,
			sheets: keys.map((key) => this.sheets[key]),
			pendingKinds: keys.map((key) => this.pending[key] ?? [])
		});
	}
}
