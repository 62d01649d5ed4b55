// The time commands record. Real time, except inside `atTime`, where code (and everything it awaits)
// sees the time given: the demo seed uses it to record a past meeting as it would have happened.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<Date>();

/** Now: the real time, or the time set by the enclosing `atTime`. */
export function now(): Date {
	const at = scope.getStore();
	return at ? new Date(at.getTime()) : new Date();
}

/** Runs `fn` with `now()` answering `at` throughout, including across its awaits. */
export function atTime<T>(at: Date, fn: () => T): T {
	return scope.run(new Date(at.getTime()), fn);
}
