import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { JudgeRoundState, SheetOperation, SheetState } from '$lib/realtime/events';

/**
 * The tablet's own copy of what a judge did, in IndexedDB: it survives a reload with no network.
 * - `outbox`: every change not yet acknowledged, in the order the judge made them (auto-increment key).
 * - `sheets`: the device's view of each sheet (what the judge sees), whether or not the server has it.
 * - `rounds`: the last JudgeRoundState the server sent, per round, to render from when offline.
 * - `meta`: the device id and the judge's list of rounds.
 */

/** A sheet is addressed by round, entry and judges component; the judge is the device's. */
export const sheetKey = (sheet: { roundId: string; entryId: string; componentKey: string }): string => `${sheet.roundId}|${sheet.entryId}|${sheet.componentKey}`;

export interface OutboxRecord {
	seq?: number;
	key: string;
	operation: SheetOperation;
}

/** What the device shows for a sheet, with the server version its edits started from. */
export interface LocalSheet {
	key: string;
	roundId: string;
	entryId: string;
	componentKey: string;
	scores: Record<string, number | null>;
	deductions: Record<string, number>;
	note: string;
	/** The server's version this device's edits were made on (null: never received from the server). */
	baseVersion: number | null;
	/** The server's status as last known (a local edit of a returned sheet keeps `returned`). */
	serverStatus: SheetState['status'] | null;
	statusReason: string;
	/** True while the device holds changes the server has not acknowledged. */
	dirty: boolean;
	/** Set when the server refused the last change or another write replaced this device's work. */
	notice: SheetNotice | null;
	updatedAt: string;
}

export type SheetNotice = { kind: 'superseded' } | { kind: 'refused'; code: string; message: string };

export interface StoredRound {
	roundId: string;
	state: JudgeRoundState;
	savedAt: string;
}

interface JudgeDb extends DBSchema {
	outbox: { key: number; value: OutboxRecord; indexes: { byKey: string } };
	sheets: { key: string; value: LocalSheet; indexes: { byRound: string } };
	rounds: { key: string; value: StoredRound };
	meta: { key: string; value: unknown };
}

export const JUDGE_DB_NAME = 'jiangxin-judge';

export type JudgeDatabase = IDBPDatabase<JudgeDb>;

export function openJudgeDatabase(name = JUDGE_DB_NAME): Promise<JudgeDatabase> {
	return openDB<JudgeDb>(name, 1, {
		upgrade(database) {
			const outbox = database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
			outbox.createIndex('byKey', 'key');
			const sheets = database.createObjectStore('sheets', { keyPath: 'key' });
			sheets.createIndex('byRound', 'roundId');
			database.createObjectStore('rounds', { keyPath: 'roundId' });
			database.createObjectStore('meta');
		}
	});
}

/** The few operations the sync engine and the pages need, so tests can read them plainly. */
export class JudgeStore {
	constructor(readonly database: JudgeDatabase) {}

	static async open(name?: string): Promise<JudgeStore> {
		return new JudgeStore(await openJudgeDatabase(name));
	}

	/** Records a change and the sheet it produced in one transaction: the outbox never misses a shown edit. */
	async record(operation: SheetOperation, sheet: LocalSheet): Promise<void> {
		const transaction = this.database.transaction(['outbox', 'sheets'], 'readwrite');
		await Promise.all([transaction.objectStore('outbox').add({ key: sheet.key, operation }), transaction.objectStore('sheets').put(sheet), transaction.done]);
	}

	/** The outbox in the order the judge made the changes. */
	outbox(): Promise<OutboxRecord[]> {
		return this.database.getAll('outbox');
	}

	outboxSize(): Promise<number> {
		return this.database.count('outbox');
	}

	async removeOperations(seqs: number[]): Promise<void> {
		if (seqs.length === 0) return;
		const transaction = this.database.transaction('outbox', 'readwrite');
		await Promise.all([...seqs.map((seq) => transaction.store.delete(seq)), transaction.done]);
	}

	/**
	 * Takes an acknowledged operation out of the outbox and updates its sheet in one transaction, so a
	 * change recorded meanwhile is never overwritten by the server's copy of an older one. `next` gets the
	 * stored sheet and whether changes of it are still waiting, and answers the sheet to store.
	 */
	async acknowledge(seq: number, key: string, next: (device: LocalSheet | undefined, stillPending: boolean) => LocalSheet): Promise<void> {
		const transaction = this.database.transaction(['outbox', 'sheets'], 'readwrite');
		const outbox = transaction.objectStore('outbox');
		const sheets = transaction.objectStore('sheets');
		await outbox.delete(seq);
		const stillPending = (await outbox.index('byKey').count(key)) > 0;
		await sheets.put(next(await sheets.get(key), stillPending));
		await transaction.done;
	}

	async removeOperationsOfSheet(key: string): Promise<void> {
		const transaction = this.database.transaction('outbox', 'readwrite');
		const seqs = await transaction.store.index('byKey').getAllKeys(key);
		await Promise.all([...seqs.map((seq) => transaction.store.delete(seq)), transaction.done]);
	}

	sheet(key: string): Promise<LocalSheet | undefined> {
		return this.database.get('sheets', key);
	}

	sheetsOfRound(roundId: string): Promise<LocalSheet[]> {
		return this.database.getAllFromIndex('sheets', 'byRound', roundId);
	}

	async putSheet(sheet: LocalSheet): Promise<void> {
		await this.database.put('sheets', sheet);
	}

	async saveRound(state: JudgeRoundState): Promise<void> {
		await this.database.put('rounds', { roundId: state.round.roundId, state, savedAt: new Date().toISOString() });
	}

	async round(roundId: string): Promise<JudgeRoundState | undefined> {
		return (await this.database.get('rounds', roundId))?.state;
	}

	async getMeta<T>(key: string): Promise<T | undefined> {
		return (await this.database.get('meta', key)) as T | undefined;
	}

	async setMeta(key: string, value: unknown): Promise<void> {
		await this.database.put('meta', value, key);
	}

	/** A stable id for this browser profile, sent with every change so the head judge can tell tablets apart. */
	async deviceId(): Promise<string> {
		const known = await this.getMeta<string>('deviceId');
		if (known) return known;
		const id = crypto.randomUUID();
		await this.setMeta('deviceId', id);
		return id;
	}

	/** Forgets everything of the session (a revoked device): outbox, sheets, rounds and the device id. */
	async clear(): Promise<void> {
		const transaction = this.database.transaction(['outbox', 'sheets', 'rounds', 'meta'], 'readwrite');
		await Promise.all([...(['outbox', 'sheets', 'rounds', 'meta'] as const).map((name) => transaction.objectStore(name).clear()), transaction.done]);
	}

	close(): void {
		this.database.close();
	}
}
