import type { JudgeRoundResult, JudgeRoundState, SheetAck, SheetOperation, SheetState } from '$lib/realtime/events';
import { coalesce, localFromServer, reconcileSheet } from './rules';
import { sheetKey, type JudgeStore, type LocalSheet } from './store';

/** What the sync engine needs of the socket; a fake one in tests. Both calls reject on timeout or disconnect. */
export interface SheetTransport {
	isConnected(): boolean;
	apply(operation: SheetOperation, timeoutMs: number): Promise<SheetAck>;
	round(roundId: string, timeoutMs: number): Promise<JudgeRoundResult>;
}

/** A change the judge made, as whole values of the sheet after it. */
export interface SheetChange {
	roundId: string;
	entryId: string;
	componentKey: string;
	kind: 'save' | 'submit';
	scores: Record<string, number | null>;
	deductions: Record<string, number>;
	note: string;
}

// Refusals that say nothing about the operation: the server failed, or the session ended or was revoked.
// The operation stays in the outbox (a judge signing in again still sends it); the device is told.
const HALTING_REFUSALS = new Set(['internal_error', 'unavailable', 'rate_limited', 'session_ended', 'forbidden', 'device_revoked']);

/**
 * The outbox's engine. Every change is stored (outbox + the sheet the judge sees) before anything is
 * sent; operations go one at a time, oldest first, each waiting for its acknowledgement; only an ack
 * takes an operation out. A timeout or a lost connection stops the run: the same operations go again
 * on the next `flush` (the server ignores a replay). `refreshRound` and `flush` never overlap, so a
 * reconcile never sees half of a send.
 */
export class OutboxSync {
	private chain: Promise<unknown> = Promise.resolve();
	private flushQueued = false;

	constructor(
		private readonly store: JudgeStore,
		private readonly transport: SheetTransport,
		private readonly options: { ackTimeoutMs?: number; deviceId?: string; onChange?: () => void; onHalt?: (error: { code: string; message: string }) => void } = {}
	) {}

	private exclusive<T>(task: () => Promise<T>): Promise<T> {
		const run = this.chain.then(task, task);
		this.chain = run.catch(() => undefined);
		return run;
	}

	private changed(): void {
		this.options.onChange?.();
	}

	/** Records a change with a fresh operation id; sending follows when connected. */
	async change(change: SheetChange, clientTime = new Date()): Promise<LocalSheet> {
		const key = sheetKey(change);
		const previous = await this.store.sheet(key);
		const operation: SheetOperation = {
			operationId: crypto.randomUUID(),
			...(this.options.deviceId ? { deviceId: this.options.deviceId } : {}),
			roundId: change.roundId,
			entryId: change.entryId,
			componentKey: change.componentKey,
			kind: change.kind,
			scores: { ...change.scores },
			deductions: { ...change.deductions },
			note: change.note,
			baseVersion: previous?.baseVersion ?? null,
			clientTime: clientTime.toISOString()
		};
		const sheet: LocalSheet = {
			key,
			roundId: change.roundId,
			entryId: change.entryId,
			componentKey: change.componentKey,
			scores: operation.scores,
			deductions: operation.deductions,
			note: operation.note,
			baseVersion: previous?.baseVersion ?? null,
			serverStatus: previous?.serverStatus ?? null,
			statusReason: previous?.statusReason ?? '',
			dirty: true,
			notice: null,
			updatedAt: operation.clientTime
		};
		await this.store.record(operation, sheet);
		this.changed();
		void this.flush();
		return sheet;
	}

	/** Sends what the outbox holds, in order, until it is empty or the connection fails. Returns how many were acknowledged. */
	flush(): Promise<number> {
		if (this.flushQueued) return Promise.resolve(0);
		this.flushQueued = true;
		return this.exclusive(async () => {
			this.flushQueued = false;
			return this.sendAll();
		});
	}

	private async sendAll(): Promise<number> {
		let delivered = 0;
		while (this.transport.isConnected()) {
			const { send, drop } = coalesce(await this.store.outbox());
			await this.store.removeOperations(drop.map((record) => record.seq as number));
			const next = send[0];
			if (!next) break;
			let ack: SheetAck;
			try {
				ack = await this.transport.apply(next.operation, this.options.ackTimeoutMs ?? 8000);
			} catch {
				break; // no ack: not delivered; it goes again on the next flush
			}
			if (!ack.ok && HALTING_REFUSALS.has(ack.error.code)) {
				this.options.onHalt?.(ack.error);
				break;
			}
			await this.acknowledged(next.seq as number, next.key, ack);
			delivered++;
			this.changed();
		}
		return delivered;
	}

	private async acknowledged(seq: number, key: string, ack: SheetAck): Promise<void> {
		if (ack.ok) {
			// One transaction: a change the judge made while the ack was on its way keeps its values.
			await this.store.acknowledge(seq, key, (device, stillPending) =>
				stillPending && device ? { ...device, baseVersion: ack.sheet.version, serverStatus: ack.sheet.status, statusReason: ack.sheet.statusReason } : localFromServer(ack.sheet)
			);
			return;
		}
		await this.store.removeOperations([seq]);
		const device = await this.store.sheet(key);
		// Refused for good (locked, not on the panel, invalid): the rest of this sheet's changes would be too.
		await this.store.removeOperationsOfSheet(key);
		const notice = { kind: 'refused' as const, code: ack.error.code, message: ack.error.message };
		if (ack.sheet) await this.store.putSheet({ ...localFromServer(ack.sheet), notice });
		else if (device) await this.store.putSheet({ ...device, dirty: false, notice });
	}

	/**
	 * Reloads the server's view of a round and reconciles every sheet (see reconcileSheet), then stores it
	 * for offline use. Returns the state, the refusal, or null when the server could not be reached.
	 */
	refreshRound(roundId: string): Promise<{ state: JudgeRoundState; told: number } | { error: { code: string; message: string } } | null> {
		return this.exclusive(async () => {
			if (!this.transport.isConnected()) return null;
			let result: JudgeRoundResult;
			try {
				result = await this.transport.round(roundId, this.options.ackTimeoutMs ?? 8000);
			} catch {
				return null;
			}
			if (!result.ok) return { error: result.error };
			const told = await this.reconcileRound(result.state);
			await this.store.saveRound(result.state);
			this.changed();
			return { state: result.state, told };
		});
	}

	private async reconcileRound(state: JudgeRoundState): Promise<number> {
		const outbox = await this.store.outbox();
		const devices = new Map((await this.store.sheetsOfRound(state.round.roundId)).map((sheet) => [sheet.key, sheet]));
		const servers = new Map(state.sheets.map((sheet) => [sheetKey(sheet), sheet]));
		let told = 0;
		for (const key of new Set([...devices.keys(), ...servers.keys()])) {
			const pending = outbox.filter((record) => record.key === key);
			const outcome = reconcileSheet(devices.get(key), servers.get(key), pending.map((record) => record.operation));
			if (!outcome) continue;
			const dropped = new Set(outcome.drop);
			await this.store.removeOperations(pending.filter((record) => dropped.has(record.operation.operationId)).map((record) => record.seq as number));
			await this.store.putSheet(outcome.sheet);
			if (outcome.told) told++;
		}
		return told;
	}

	/** Another device of this judge (or the head judge) changed a sheet: the same rules as a reconnect. */
	serverSheet(server: SheetState): Promise<boolean> {
		return this.exclusive(async () => {
			const key = sheetKey(server);
			const pending = (await this.store.outbox()).filter((record) => record.key === key);
			const outcome = reconcileSheet(await this.store.sheet(key), server, pending.map((record) => record.operation));
			if (!outcome) return false;
			const dropped = new Set(outcome.drop);
			await this.store.removeOperations(pending.filter((record) => dropped.has(record.operation.operationId)).map((record) => record.seq as number));
			await this.store.putSheet(outcome.sheet);
			this.changed();
			return outcome.told;
		});
	}
}
