import postgres from 'postgres';

/** True when the error is PostgreSQL refusing a duplicate on the given unique constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
	return (
		error instanceof postgres.PostgresError &&
		error.code === '23505' &&
		(constraint === undefined || error.constraint_name === constraint)
	);
}

/** True when PostgreSQL refused a row for breaking an integrity constraint (SQLSTATE class 23: foreign key, unique, check, not null). */
export function isIntegrityViolation(error: unknown): boolean {
	return error instanceof postgres.PostgresError && error.code.startsWith('23');
}
