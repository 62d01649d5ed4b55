// Slowing down password guessing, at sign-in and at the current-password check of a password change.
//
// Failures are counted per *source* of attempts on an account, never per account alone, so that someone
// who knows an address cannot lock its owner out (OWASP's "device cookies"):
// - a browser that has signed in to the account before holds a signed device cookie (device-cookie.ts);
//   its attempts count only under that cookie, so strangers' failures elsewhere never touch it;
// - every other attempt counts under the account and the client's address, under the address across all
//   accounts, and under the account across all such unknown sources (a ceiling for guessing spread over
//   many addresses; it shuts out unknown sources only, never the owner's known browser).
// Each failure on a source makes its next attempt wait longer before the password is checked (progressive
// delay), and at the limit the source is refused (429 with Retry-After) until its oldest failure in the
// window ages out. The counts are kept behind a port (platform/ports.ts): in this process's memory by
// default, since one server process serves a partnership and a restart forgetting them is harmless;
// instances sharing the load would install one over Redis, so that guesses spread across them add up.
import { definePort, RateLimited } from '../platform/index.ts';

export const WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per source (a known browser, or an address for one account): enough for typos. */
export const SOURCE_LIMIT = 5;
/** Failures allowed per address across accounts: a meeting room behind one address may hold a board. */
export const ADDRESS_LIMIT = 30;
/** Failures allowed per account from all unknown sources together: a ceiling on spread-out guessing. */
export const UNKNOWN_SOURCES_LIMIT = 50;
/** Wrong current passwords allowed per account when changing the password. */
export const PASSWORD_CHECK_LIMIT = 5;
/** The wait before the next check after one failure; it doubles with each further failure. */
export const DELAY_BASE_MS = 250;
export const DELAY_MAX_MS = 2000;

/** Where an attempt comes from: a browser holding a valid device cookie for the account, or an address. */
export type AttemptSource = { device: string } | { address: string };

/** A count an attempt is checked against and counted under, with the failures it allows per window. */
export interface Counter {
	key: string;
	limit: number;
}

export type Counted =
	/** `earlier`: failures counted under the first counter before this attempt. */
	{ refused: false; earlier: number } | { refused: true; retryAfterSeconds: number };

/** The port: failures per key over a sliding WINDOW_MS. */
export interface AttemptCounters {
	/**
	 * In one step: refuses when any counter is full, otherwise counts the attempt as failed under every
	 * counter. Counting before the (slow) password check, and atomically, keeps a burst of parallel
	 * guesses from all passing the check before any was counted.
	 */
	count(counters: Counter[], now: number): Promise<Counted>;
	/** Takes a counted attempt back: its own source's failures are forgotten, its mark on the rest removed. */
	takeBack(counters: Counter[], at: number): Promise<void>;
}

/**
 * Keys are only pruned when asked about again; past this many, every stale one is dropped at once, at
 * most once a minute so that a flood of fresh keys cannot make every attempt walk them all.
 */
const SWEEP_ABOVE = 10_000;
const SWEEP_EVERY_MS = 60_000;

/** In this process's memory. Each call does its work before returning, so a count is one step. */
export class InProcessAttemptCounters implements AttemptCounters {
	#failures = new Map<string, number[]>();
	#lastSweep = -Infinity;

	get size(): number {
		return this.#failures.size;
	}

	#recent(key: string, now: number): number[] {
		const times = (this.#failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
		if (times.length) this.#failures.set(key, times);
		else this.#failures.delete(key);
		return times;
	}

	#sweep(now: number): void {
		this.#lastSweep = now;
		for (const key of [...this.#failures.keys()]) this.#recent(key, now);
	}

	async count(counters: Counter[], now: number): Promise<Counted> {
		if (this.#failures.size > SWEEP_ABOVE && now - this.#lastSweep > SWEEP_EVERY_MS)
			this.#sweep(now);
		for (const { key, limit } of counters) {
			const times = this.#recent(key, now);
			if (times.length >= limit)
				return {
					refused: true,
					retryAfterSeconds: Math.max(1, Math.ceil((times[0] + WINDOW_MS - now) / 1000))
				};
		}
		const earlier = this.#recent(counters[0].key, now).length;
		for (const { key } of counters) this.#failures.set(key, [...this.#recent(key, now), now]);
		return { refused: false, earlier };
	}

	async takeBack(counters: Counter[], at: number): Promise<void> {
		this.#failures.delete(counters[0].key);
		for (const { key } of counters.slice(1)) {
			const times = this.#failures.get(key) ?? [];
			const found = times.lastIndexOf(at);
			if (found >= 0) times.splice(found, 1);
			if (!times.length) this.#failures.delete(key);
		}
	}
}

export const attemptCounters = definePort<AttemptCounters>(
	'sign-in attempt counters',
	() => new InProcessAttemptCounters()
);

function account(email: string): string {
	return email.trim().toLowerCase();
}

/** The counters an attempt is checked against and counted under; the first is its own source's. */
export function countersFor(email: string, source: AttemptSource): Counter[] {
	const who = account(email);
	if ('device' in source) return [{ key: `device:${source.device}:${who}`, limit: SOURCE_LIMIT }];
	return [
		{ key: `source:${source.address}:${who}`, limit: SOURCE_LIMIT },
		{ key: `address:${source.address}`, limit: ADDRESS_LIMIT },
		{ key: `unknown-sources:${who}`, limit: UNKNOWN_SOURCES_LIMIT }
	];
}

/** The wait before checking a password, given the failures already counted against its source. */
export function delayFor(failuresSoFar: number): number {
	if (failuresSoFar <= 0) return 0;
	return Math.min(DELAY_BASE_MS * 2 ** (failuresSoFar - 1), DELAY_MAX_MS);
}

export interface Attempt {
	/** How long to wait before checking the password: the progressive delay. */
	delayMs: number;
	/** Takes the attempt back and forgets its source's earlier failures. */
	succeeded(): void;
}

/** Checks the limits and counts the attempt; throws RateLimited when any of its counters is full. */
async function begin(counters: Counter[], now: number): Promise<Attempt> {
	const counted = await attemptCounters.use().count(counters, now);
	if (counted.refused) throw new RateLimited(counted.retryAfterSeconds);
	return {
		delayMs: delayFor(counted.earlier),
		succeeded(): void {
			void attemptCounters.use().takeBack(counters, now);
		}
	};
}

export function beginSignInAttempt(
	email: string,
	source: AttemptSource,
	now = Date.now()
): Promise<Attempt> {
	return begin(countersFor(email, source), now);
}

/**
 * The current-password check of a password change, for a signed-in person: counted per account, since
 * only someone already holding one of the owner's sessions can make it.
 */
export function beginPasswordCheck(userId: string, now = Date.now()): Promise<Attempt> {
	return begin([{ key: `password:${userId}`, limit: PASSWORD_CHECK_LIMIT }], now);
}

/** How many counters the in-process store holds, for tests of the sweep. */
export function trackedKeys(): number {
	const counters = attemptCounters.use();
	return counters instanceof InProcessAttemptCounters ? counters.size : 0;
}
