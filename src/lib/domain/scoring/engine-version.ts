/**
 * Stored with every result version (db/migrations/0026 `engine_version`): which engine computed it.
 * Raise it whenever a change to src/lib/domain/scoring could move any published number, so a
 * recompute that differs can be told apart from one run under other rules.
 */
export const ENGINE_VERSION = 'jiangxin-scoring/1';
