// Counting failed sign-ins per account and per address, so that guessing passwords is slow. Counts live in
// this process's memory: one server process serves a partnership, and a restart forgetting them is harmless.
import { RateLimited } from '../errors.ts';

export const WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account in the window: enough for typos, too few for guessing. */
export const ACCOUNT_LIMIT = 5;
/** Failures allowed per address: a meeting room behind one address may hold a whole board. */
export const ADDRESS_LIMIT = 30;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
	const times = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
	if (times.length) failures.set(key, times);
	else failures.delete(key);
	return times;
}

function check(key: string, limit: number, now: number): void {
	const times = recent(key, now);
	if (times.length >= limit) {
		throw new RateLimited(Math.max(1, Math.ceil((times[0] + WINDOW_MS - now) / 1000)));
	}
}

export function keysFor(email: string, address: string) {
	return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

/** Throws RateLimited when either the account or the address has failed too often lately. */
export function assertSignInAllowed(email: string, address: string, now = Date.now()): void {
	const keys = keysFor(email, address);
	check(keys.account, ACCOUNT_LIMIT, now);
	check(keys.address, ADDRESS_LIMIT, now);
}

export function recordSignInFailure(email: string, address: string, now = Date.now()): void {
	for (const key of Object.values(keysFor(email, address)))
		failures.set(key, [...recent(key, now), now]);
}

export function recordSignInSuccess(email: string): void {
	failures.delete(keysFor(email, '').account);
}

/**
 * Checks the limits and counts the attempt as failed straight away, before the (slow) password check:
 * counting only after it let a burst of parallel guesses all pass the check before any was counted.
 * `succeeded()` takes the attempt back and forgets the account's earlier failures.
 */
export function beginSignInAttempt(email: string, address: string, now = Date.now()) {
	assertSignInAllowed(email, address, now);
	recordSignInFailure(email, address, now);
	return {
		succeeded(): void {
			recordSignInSuccess(email);
			const key = keysFor(email, address).address;
			const times = failures.get(key) ?? [];
			const at = times.lastIndexOf(now);
			if (at >= 0) times.splice(at, 1);
			if (!times.length) failures.delete(key);
		}
	};
}
