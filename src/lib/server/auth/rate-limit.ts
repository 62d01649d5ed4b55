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
// window ages out. Counts live in this process's memory: one server process serves a partnership, and a
// restart forgetting them is harmless.
import { RateLimited } from '../platform/index.ts';

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

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
	const times = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
	if (times.length) failures.set(key, times);
	else failures.delete(key);
	return times;
}

/**
 * Keys are only pruned when asked about again; past this many, every stale one is dropped at once, at
 * most once a minute so that a flood of fresh keys cannot make every attempt walk them all.
 */
const SWEEP_ABOVE = 10_000;
const SWEEP_EVERY_MS = 60_000;
let lastSweep = -Infinity;

function sweep(now: number): void {
	lastSweep = now;
	for (const key of [...failures.keys()]) recent(key, now);
}

interface Counter {
	key: string;
	limit: number;
}

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

/**
 * Checks the limits and counts the attempt as failed straight away, before the (slow) password check:
 * counting only after it let a burst of parallel guesses all pass the check before any was counted.
 * Throws RateLimited when any of the attempt's counters is full.
 */
function begin(counters: Counter[], now: number): Attempt {
	if (failures.size > SWEEP_ABOVE && now - lastSweep > SWEEP_EVERY_MS) sweep(now);
	for (const { key, limit } of counters) {
		const times = recent(key, now);
		if (times.length >= limit)
			throw new RateLimited(Math.max(1, Math.ceil((times[0] + WINDOW_MS - now) / 1000)));
	}
	const delayMs = delayFor(recent(counters[0].key, now).length);
	for (const { key } of counters) failures.set(key, [...recent(key, now), now]);
	return {
		delayMs,
		succeeded(): void {
			failures.delete(counters[0].key);
			for (const { key } of counters.slice(1)) {
				const times = failures.get(key) ?? [];
				const at = times.lastIndexOf(now);
				if (at >= 0) times.splice(at, 1);
				if (!times.length) failures.delete(key);
			}
		}
	};
}

export function beginSignInAttempt(
	email: string,
	source: AttemptSource,
	now = Date.now()
): Attempt {
	return begin(countersFor(email, source), now);
}

/**
 * The current-password check of a password change, for a signed-in person: counted per account, since
 * only someone already holding one of the owner's sessions can make it.
 */
export function beginPasswordCheck(userId: string, now = Date.now()): Attempt {
	return begin([{ key: `password:${userId}`, limit: PASSWORD_CHECK_LIMIT }], now);
}

/** How many counters are held, for tests of the sweep. */
export function trackedKeys(): number {
	return failures.size;
}
