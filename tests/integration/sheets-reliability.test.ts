import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { savePanel } from '../../src/lib/server/judging/panels-service';
import type { SheetAck, SheetOperation } from '../../src/lib/realtime/events';
import { newOrg } from '../fixtures/factories';
import { seedStatus } from '../fixtures/competitions';
import { seedJudgeRound } from '../fixtures/judge-entries';
import { connect, FULL_SCORES, seatedJudge, type Client, type SeatedJudge } from '../fixtures/sheets';
import { startAppServer } from './app-server';

// The reliability test: 50 simulated judges (socket.io clients, each with an outbox as the
// tablet keeps one) submit while the server is SIGKILLed. Only an ack counts as delivery. After a
// restart every acknowledged operation is in the database exactly once, the clients resend what was
// not acknowledged, and those land exactly once too: no sheet is written twice, none is lost.

const JUDGES = 50;
const ENTRIES = 4;

interface Outbox {
	judge: SeatedJudge;
	pending: SheetOperation[];
	acked: SheetOperation[];
}

/** Each judge saves then submits each entry's sheet: values made from the judge and entry, so a mix-up shows. */
function opsFor(roundId: string, entryIds: string[], judgeIndex: number): SheetOperation[] {
	return entryIds.flatMap((entryId, entryIndex) => {
		const scores = { ...FULL_SCORES, process: 1000 + judgeIndex * 10 + entryIndex };
		const base = { roundId, entryId, componentKey: 'practical', deductions: { defect: entryIndex }, note: '', clientTime: new Date().toISOString() };
		return [
			{ ...base, operationId: randomUUID(), kind: 'save' as const, scores: { process: scores.process }, baseVersion: null },
			{ ...base, operationId: randomUUID(), kind: 'submit' as const, scores, baseVersion: 1 }
		];
	});
}

/** Sends the outbox in order; an operation leaves it only with an ok ack. Stops at the first silence. */
async function drain(socket: Client, outbox: Outbox, refusals: SheetAck[]): Promise<void> {
	while (outbox.pending.length > 0 && socket.connected) {
		let ack: SheetAck;
		try {
			ack = await socket.timeout(8_000).emitWithAck('sheet:apply', outbox.pending[0]!);
		} catch {
			return; // no ack: not delivered, stays in the outbox
		}
		if (!ack.ok) {
			refusals.push(ack);
			return;
		}
		outbox.acked.push(outbox.pending.shift()!);
	}
}

describe('the server is SIGKILLed while 50 judges submit', () => {
	it('keeps every acknowledged operation exactly once and takes the resends exactly once', async () => {
		const owner = await newOrg();
		const round = await seedJudgeRound(owner, { blind: true, count: ENTRIES });
		const judges: SeatedJudge[] = [];
		for (let index = 0; index < JUDGES; index++) judges.push(await seatedJudge(owner, round.competitionId, `压力裁判${index + 1}`));
		await savePanel(owner, round.roundId, [{ judgeId: judges[0]!.judgeId, role: 'head' }, ...judges.map((judge) => ({ judgeId: judge.judgeId, role: 'judge' as const }))]);
		await seedStatus(owner, round.competitionId, 'judging');
		const entryIds = round.entries.map((entry) => entry.id);
		const outboxes: Outbox[] = judges.map((judge, index) => ({ judge, pending: opsFor(round.roundId, entryIds, index), acked: [] }));
		const total = JUDGES * ENTRIES * 2;
		const refusals: SheetAck[] = [];

		const env = { DATABASE_MIGRATION_URL: inject('databaseUrl') };
		const first = await startAppServer(inject('appDatabaseUrl'), env);
		const firstSockets = await Promise.all(judges.map((judge) => connect(first.url, judge.cookie)));
		const sending = Promise.all(outboxes.map((outbox, index) => drain(firstSockets[index]!, outbox, refusals)));
		const ackedCount = () => outboxes.reduce((sum, outbox) => sum + outbox.acked.length, 0);
		const deadline = Date.now() + 60_000;
		while (ackedCount() < total / 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
		process.kill(first.pid, 'SIGKILL');
		await sending;
		for (const socket of firstSockets) socket.disconnect();
		const ackedBeforeKill = outboxes.flatMap((outbox) => outbox.acked.map((op) => op.operationId));
		expect(refusals).toEqual([]);
		expect(ackedBeforeKill.length).toBeGreaterThan(0);
		expect(ackedBeforeKill.length).toBeLessThan(total);

		// Every acknowledged operation survived the kill.
		const stored = await db()<{ id: string }[]>`select id from score_operation where organisation_id = ${owner.organisation.id}`;
		const storedIds = new Set(stored.map((row) => row.id));
		expect(ackedBeforeKill.filter((id) => !storedIds.has(id))).toEqual([]);

		// Restart; each client reconnects and resends its outbox in order, including what the dead
		// server committed without managing to acknowledge.
		const second = await startAppServer(inject('appDatabaseUrl'), env);
		try {
			const secondSockets = await Promise.all(judges.map((judge) => connect(second.url, judge.cookie)));
			await Promise.all(outboxes.map((outbox, index) => drain(secondSockets[index]!, outbox, refusals)));
			for (const socket of secondSockets) socket.disconnect();
		} finally {
			await second.stop();
		}
		expect(refusals).toEqual([]);
		expect(outboxes.filter((outbox) => outbox.pending.length > 0)).toEqual([]);

		const operations = await db()<{ id: string }[]>`select id from score_operation where organisation_id = ${owner.organisation.id}`;
		const allIds = outboxes.flatMap((outbox) => outbox.acked.map((op) => op.operationId));
		expect(operations.map((row) => row.id).sort()).toEqual([...allIds].sort());
		// Each sheet took exactly its two writes (a doubled one would raise the version), with its judge's values.
		const sheets = await db()<{ judgeId: string; entryId: string; version: number; status: string; scores: Record<string, number>; deductions: Record<string, number> }[]>`
			select judge_id, entry_id, version, status, scores, deductions from score_sheet where organisation_id = ${owner.organisation.id}`;
		expect(sheets).toHaveLength(JUDGES * ENTRIES);
		for (const sheet of sheets) {
			const judgeIndex = judges.findIndex((judge) => judge.judgeId === sheet.judgeId);
			const entryIndex = entryIds.indexOf(sheet.entryId);
			expect(sheet).toMatchObject({ version: 2, status: 'submitted', scores: { ...FULL_SCORES, process: 1000 + judgeIndex * 10 + entryIndex } });
			expect(sheet.deductions).toEqual(entryIndex === 0 ? {} : { defect: entryIndex });
		}
		// And one audit row per operation applied, naming it.
		const audit = await db()<{ operationId: string }[]>`
			select after->>'operationId' as operation_id from audit_log where organisation_id = ${owner.organisation.id} and action like 'sheet.%'`;
		expect(audit.map((row) => row.operationId).sort()).toEqual([...allIds].sort());
	}, 300_000);
});
