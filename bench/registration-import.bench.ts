/**
 * A union's list of 10,000 people (tests/fixtures/people.ts `entrant(n)`) as the template's workbook,
 * imported whole: reading the xlsx, checking every row, and registerEntries into a real embedded
 * PostgreSQL (its own port and data directory) in one transaction. Beside it, in the same run, the
 * same file read bare with exceljs (the floor any import stands on). Peak RSS is taken in a child
 * process that does nothing but one import, so the workbook generation and the timed runs of this
 * process do not count. Also the floor under the import: the same people's entries, members and audit
 * rows, prepared and encrypted beforehand, written as the import writes them (batches of 1,000, sent
 * without waiting, one transaction) — what PostgreSQL's own work takes, with nothing read or checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { Figure } from './run';

const ROWS = 10_000;
const RUNS = 3;
const SELF = fileURLToPath(import.meta.url);
// Identical keys on every machine: the bench stores fixture people only.
process.env.JIANGXIN_SECRET_KEY ||= 'a'.repeat(64);

async function startDatabase() {
	const { startEmbeddedPostgres } = await import('../src/lib/server/db/embedded');
	const { runMigrations } = await import('../src/lib/server/db/migrate');
	const { connectDb } = await import('../src/lib/server/db/client');
	const dataDir = path.resolve('data/bench-postgres');
	rmSync(dataDir, { recursive: true, force: true });
	const database = await startEmbeddedPostgres({ dataDir, port: Number(process.env.BENCH_PG_PORT || 54339) });
	const sql = postgres(database.url, { max: 1, onnotice: () => {} });
	await runMigrations(sql);
	await sql.end();
	connectDb(database.url, { max: 4 });
	return database;
}

/** A fresh organisation and competition with one event, taking entries. */
async function freshCompetition() {
	const { newOrg } = await import('../tests/fixtures/factories');
	const { newCompetition, seedStatus } = await import('../tests/fixtures/competitions');
	const { addEvent } = await import('../src/lib/server/competitions/structure-service');
	const owner = await newOrg();
	const competition = await newCompetition(owner);
	const event = await addEvent(owner, competition.id, { name: EVENT, participation: 'individual', capacity: null });
	await seedStatus(owner, competition.id, 'registration');
	return { owner, competitionId: competition.id, eventId: event.id };
}

const EVENT = '数控车工';

/** The import's writes alone: its rows made (and encrypted) before the clock starts, then sent as RegistrationWriter sends them. */
async function writesOnly(): Promise<number> {
	const { individualSubmission } = await import('../tests/fixtures/people');
	const { idNumberHash } = await import('../src/lib/server/crypto/personal-data');
	const { insertEntries } = await import('../src/lib/server/registration/entry-queries');
	const { registeredAudit, toNewMembers, WRITE_BATCH } = await import('../src/lib/server/registration/register');
	const { recordAuditBatch } = await import('../src/lib/server/audit/audit-log');
	const { db } = await import('../src/lib/server/db/client');
	const { owner, competitionId, eventId } = await freshCompetition();
	const submissions = Array.from({ length: ROWS }, (_, index) => individualSubmission(eventId, index + 1));
	const entries = submissions.map((submission) => ({
		id: randomUUID(),
		eventId,
		teamName: null,
		unit: submission.members[0]!.unit,
		status: 'submitted' as const,
		extra: {},
		members: toNewMembers(submission, [idNumberHash(submission.members[0]!.idNumber)])
	}));
	const audit = entries.map((entry, index) => registeredAudit(entry, submissions[index]!, EVENT, 'import'));
	const start = performance.now();
	await db().begin(async (tx) => {
		const writes: Promise<unknown>[] = [];
		for (let first = 0; first < ROWS; first += WRITE_BATCH) {
			writes.push(insertEntries(tx, owner.organisation.id, competitionId, { registrantId: null, source: 'import', consentVersion: null }, entries.slice(first, first + WRITE_BATCH)));
			writes.push(recordAuditBatch(tx, owner, audit.slice(first, first + WRITE_BATCH), owner.organisation.id));
			await setImmediate();
		}
		await Promise.all(writes);
	});
	return performance.now() - start;
}

/** The template's columns filled with 10,000 people, as a union sends it back. */
async function generateWorkbook(): Promise<Buffer> {
	const { writeWorkbook } = await import('../src/lib/server/workbooks/xlsx');
	const { importColumns, genderLabel, levelLabel } = await import('../src/lib/server/registration/import-columns');
	const { entrant } = await import('../tests/fixtures/people');
	const columns = importColumns([{ id: 'x', name: EVENT, participation: 'individual' }], []);
	const rows = Array.from({ length: ROWS }, (_, index) => {
		const person = entrant(index + 1);
		const values: Record<string, string> = { name: person.name, gender: genderLabel(person.gender), idType: '居民身份证', idNumber: person.idNumber, phone: person.phone, unit: person.unit, trade: person.trade, level: levelLabel(person.level!), event: EVENT };
		return columns.map((column) => values[column.key] ?? '');
	});
	return writeWorkbook({ sheets: [{ name: '报名名单', columns: columns.map(({ header, width, text, choices }) => ({ header, width, text, choices })), rows }] });
}

async function importOnce(bytes: Buffer): Promise<number> {
	const { importEntries } = await import('../src/lib/server/registration/import-service');
	const { tableFromWorkbook } = await import('../src/lib/server/registration/import-input');
	const { owner, competitionId } = await freshCompetition();
	const start = performance.now();
	const summary = await importEntries(owner, competitionId, { table: tableFromWorkbook(bytes), header: 'required', source: 'import', dryRun: false });
	const elapsed = performance.now() - start;
	if (summary.created !== ROWS) throw new Error(`imported ${summary.created} of ${ROWS}`);
	return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runRegistrationImportBench(): Promise<Figure[]> {
	const { loadWorkbookForInspection } = await import('../src/lib/server/workbooks/xlsx');
	const { closeDb } = await import('../src/lib/server/db/client');
	const database = await startDatabase();
	try {
		const bytes = await generateWorkbook();
		const directory = mkdtempSync(path.join(os.tmpdir(), 'jiangxin-bench-'));
		const file = path.join(directory, 'list.xlsx');
		writeFileSync(file, bytes);
		// Warm up both paths once (module loading, JIT), then alternate them so load on the machine hits both alike.
		await loadWorkbookForInspection(bytes);
		await importOnce(bytes);
		const reads: number[] = [];
		const imports: number[] = [];
		const writes: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const start = performance.now();
			await loadWorkbookForInspection(bytes);
			reads.push(performance.now() - start);
			imports.push(await importOnce(bytes));
			writes.push(await writesOnly());
		}
		const child = spawnSync(process.execPath, [...process.execArgv, SELF, '--rss-child', file], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
		rmSync(directory, { recursive: true, force: true });
		const rss = /rss_mb=(\d+(?:\.\d+)?)/.exec(child.stdout)?.[1];
		if (!rss) throw new Error(`the RSS child failed: ${child.stderr}`);
		const read = median(reads);
		return [
			{ bench: 'exceljs_read_10000_rows_ms', value: read, unit: 'ms' },
			{ bench: 'registration_import_10000_rows_ms', value: median(imports), unit: 'ms', baseline: read },
			{ bench: 'registration_writes_only_10000_rows_ms', value: median(writes), unit: 'ms', baseline: read },
			{ bench: 'registration_import_10000_rows_rss_mb', value: Number(rss), unit: 'MB', baseline: 400 }
		];
	} finally {
		await closeDb();
		await database.stop();
	}
}

/** The child: one import of the file into the running database, then its peak RSS. */
async function rssChild(file: string) {
	const { connectDb, closeDb } = await import('../src/lib/server/db/client');
	connectDb(`postgres://jiangxin:jiangxin-local@127.0.0.1:${Number(process.env.BENCH_PG_PORT || 54339)}/postgres`, { max: 4 });
	await importOnce(readFileSync(file));
	await closeDb();
	console.log(`rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}`);
}

if (process.argv[2] === '--rss-child') await rssChild(process.argv[3]!);
