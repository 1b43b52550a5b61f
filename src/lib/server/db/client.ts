import postgres from 'postgres';

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;
/** Either the pool or a transaction: query functions accept both, so services decide the transaction. */
export type Db = Sql | Tx;

// One pool per process. Kept on a global so Vite's dev reloads of this module reuse it.
const KEY = Symbol.for('jiangxin.db');
const holder = globalThis as unknown as Record<symbol, Sql | undefined>;

/** Opens the process's pool. Column names come back camelCased; SQL stays snake_case. */
export function connectDb(url: string, options: { max?: number } = {}): Sql {
	holder[KEY] ??= postgres(url, {
		max: options.max ?? 10,
		// Column names only: postgres.camel would also rewrite keys inside jsonb values (scheme and
		// audit JSON whose keys are user data, e.g. a deduction item "knot_end").
		transform: { column: { from: postgres.toCamel, to: postgres.fromCamel } },
		onnotice: () => {},
		connection: { application_name: 'jiangxin', TimeZone: 'UTC' }
	});
	return holder[KEY];
}

export function db(): Sql {
	const sql = holder[KEY];
	if (!sql) throw new Error('The database is not connected yet (connectDb was not called).');
	return sql;
}

/**
 * A transaction on a reserved connection whose BEGIN goes out with the work's first statements: one
 * round trip fewer than `sql.begin`, which waits for BEGIN's answer before the work starts. PostgreSQL
 * runs a connection's statements in order, so everything the work sends runs inside the transaction.
 * Rolled back when the work throws, as `sql.begin` does.
 */
export async function transactionWithEarlyBegin<T>(work: (tx: postgres.ReservedSql) => Promise<T>): Promise<T> {
	const connection = await db().reserve();
	try {
		// Sent now, before anything the work sends (a query otherwise goes out when first awaited);
		// a failure surfaces below, after the work's own statements have failed with it.
		const begun = connection`begin`.execute();
		begun.catch(() => {});
		const result = await work(connection);
		await begun;
		await connection`commit`;
		return result;
	} catch (error) {
		await connection`rollback`.catch(() => {});
		throw error;
	} finally {
		connection.release();
	}
}

export function isDbConnected(): boolean {
	return holder[KEY] !== undefined;
}

export async function closeDb(): Promise<void> {
	const sql = holder[KEY];
	holder[KEY] = undefined;
	await sql?.end({ timeout: 5 });
}
