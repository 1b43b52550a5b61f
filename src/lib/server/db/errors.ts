import postgres from 'postgres';

/** True when the error is PostgreSQL refusing a duplicate on the given unique constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
	return (
		error instanceof postgres.PostgresError &&
		error.code === '23505' &&
		(constraint === undefined || error.constraint_name === constraint)
	);
}
