/**
 * Runs a job per key at most once per window, however often it is asked for: the first request runs at
 * once (a quiet board updates without waiting), later requests inside the window fold into one trailing
 * run at the window's end, and a request that arrives while a run is in flight gets a run after it (that
 * run may have read the database before the change committed). Runs of one key never overlap, so the
 * last change always reaches viewers and a thousand changes in a window cost one run.
 */
export interface Coalescer<K> {
	request(key: K): void;
	/** Cancels pending trailing runs; in-flight runs finish. */
	stop(): void;
}

interface KeyState {
	/** When the last run started (ms, from `now`); -Infinity before the first. */
	lastStart: number;
	timer: ReturnType<typeof setTimeout> | undefined;
	running: boolean;
	/** A request came while running: run again once this run ends. */
	dirty: boolean;
}

export function createCoalescer<K>(windowMs: number, run: (key: K) => Promise<void>, options: { now?: () => number; onError?: (error: unknown, key: K) => void } = {}): Coalescer<K> {
	const now = options.now ?? (() => Date.now());
	const states = new Map<K, KeyState>();
	let stopped = false;

	const start = (key: K, state: KeyState) => {
		state.timer = undefined;
		state.running = true;
		state.dirty = false;
		state.lastStart = now();
		run(key)
			.catch((error: unknown) => options.onError?.(error, key))
			.finally(() => {
				state.running = false;
				if (state.dirty) schedule(key, state);
				// Idle and outside its window: forget the key, so rooms nobody changes cost nothing.
				else if (!state.timer) setTimeout(() => forgetIfIdle(key, state), windowMs).unref?.();
			});
	};

	const forgetIfIdle = (key: K, state: KeyState) => {
		if (!state.running && !state.timer && !state.dirty && states.get(key) === state) states.delete(key);
	};

	const schedule = (key: K, state: KeyState) => {
		if (stopped || state.timer) return;
		if (state.running) {
			state.dirty = true;
			return;
		}
		const wait = state.lastStart + windowMs - now();
		if (wait <= 0) start(key, state);
		else state.timer = setTimeout(() => start(key, state), wait);
	};

	return {
		request(key) {
			let state = states.get(key);
			if (!state) {
				state = { lastStart: -Infinity, timer: undefined, running: false, dirty: false };
				states.set(key, state);
			}
			schedule(key, state);
		},
		stop() {
			stopped = true;
			for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
			states.clear();
		}
	};
}
