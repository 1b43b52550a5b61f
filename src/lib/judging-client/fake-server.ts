import type { JudgeRoundResult, JudgeRoundState, SheetAck, SheetOperation, SheetState } from '$lib/realtime/events';
import type { SheetTransport } from './sync';
import { sheetKey } from './store';

/**
 * A stand-in for the server's side of `sheet:apply` and `judge:round`, for the outbox's tests: it
 * applies an operation once by id (a replay is acked again and changes nothing), raises the version on
 * every write, and can lose the connection, lose acks, or answer like a captive portal (never an ack).
 */
export class FakeServer implements SheetTransport {
	connected = true;
	/** The server commits but the ack never reaches the device. */
	loseAcks = false;
	/** Something answers, but it is not our server: nothing is applied and no ack comes. */
	portal = false;
	readonly sheets = new Map<string, SheetState>();
	readonly applied: SheetOperation[] = [];
	readonly received: SheetOperation[] = [];
	private readonly seen = new Map<string, SheetState>();

	constructor(
		readonly roundId = '00000000-0000-4000-8000-000000000001',
		readonly judgeId = '00000000-0000-4000-8000-0000000000aa'
	) {}

	isConnected(): boolean {
		return this.connected;
	}

	async apply(operation: SheetOperation): Promise<SheetAck> {
		if (!this.connected || this.portal) throw new Error('operation has timed out');
		this.received.push(operation);
		const replay = this.seen.get(operation.operationId);
		let ack: SheetAck;
		if (replay) ack = { ok: true, operationId: operation.operationId, sheet: replay, replayed: true, superseded: false };
		else {
			const key = sheetKey(operation);
			const current = this.sheets.get(key);
			if (current?.status === 'locked') return { ok: false, operationId: operation.operationId, error: { code: 'sheet_locked', message: 'locked' }, sheet: current };
			const sheet: SheetState = {
				roundId: operation.roundId,
				entryId: operation.entryId,
				judgeId: this.judgeId,
				componentKey: operation.componentKey,
				scores: Object.fromEntries(Object.entries(operation.scores).filter((pair): pair is [string, number] => pair[1] !== null)),
				deductions: Object.fromEntries(Object.entries(operation.deductions).filter(([, count]) => count > 0)),
				note: operation.note,
				status: operation.kind === 'submit' ? 'submitted' : current?.status === 'returned' ? 'returned' : 'draft',
				version: (current?.version ?? 0) + 1,
				statusReason: current?.statusReason ?? '',
				updatedAt: new Date().toISOString()
			};
			this.sheets.set(key, sheet);
			this.seen.set(operation.operationId, sheet);
			this.applied.push(operation);
			ack = { ok: true, operationId: operation.operationId, sheet, replayed: false, superseded: operation.baseVersion !== (current?.version ?? null) };
		}
		if (this.loseAcks) throw new Error('operation has timed out');
		return ack;
	}

	/** Another device or the head judge wrote the sheet. */
	write(key: string, change: Partial<SheetState> & Pick<SheetState, 'entryId' | 'componentKey'>): SheetState {
		const current = this.sheets.get(key);
		const sheet: SheetState = {
			roundId: this.roundId,
			judgeId: this.judgeId,
			scores: {},
			deductions: {},
			note: '',
			status: 'draft',
			statusReason: '',
			...current,
			...change,
			version: (current?.version ?? 0) + 1,
			updatedAt: new Date().toISOString()
		};
		this.sheets.set(key, sheet);
		return sheet;
	}

	async round(roundId: string): Promise<JudgeRoundResult> {
		if (!this.connected || this.portal) throw new Error('operation has timed out');
		return { ok: true, state: this.state(roundId) };
	}

	state(roundId = this.roundId): JudgeRoundState {
		return {
			round: { roundId, competitionTitle: '测试', eventName: '钳工', roundName: '决赛', blind: true, lockedAt: null },
			judgeId: this.judgeId,
			components: [{ key: 'practical', criteria: [{ key: 'fit', max: 6000 }, { key: 'finish', max: 4000 }], deductions: [{ key: 'knot_end', points: 200 }] }],
			entries: [],
			sheets: [...this.sheets.values()].filter((sheet) => sheet.roundId === roundId),
			serverTime: new Date().toISOString()
		};
	}
}
