import { describe, expect, it } from 'vitest';
import {
	ADDRESS_LIMIT,
	beginPasswordCheck,
	beginSignInAttempt,
	delayFor,
	PASSWORD_CHECK_LIMIT,
	SOURCE_LIMIT,
	UNKNOWN_SOURCES_LIMIT,
	trackedKeys,
	WINDOW_MS
} from '../../src/lib/server/auth/index.ts';
import { RateLimited } from '../../src/lib/server/platform/index.ts';

function refusal(attempt: () => unknown): RateLimited | null {
	try {
		attempt();
		return null;
	} catch (error) {
		if (error instanceof RateLimited) return error;
		throw error;
	}
}

describe('sign-in rate limits', () => {
	it('stops a source (address and account) after too many failures and says when to retry', () => {
		const t0 = 1_000_000;
		for (let i = 0; i < SOURCE_LIMIT; i++)
			beginSignInAttempt('A@x.test', { address: '10.0.0.1' }, t0 + i);
		const refused = refusal(() =>
			beginSignInAttempt('a@x.test', { address: '10.0.0.1' }, t0 + 60_000)
		);
		expect(refused?.status).toBe(429);
		expect(refused?.retryAfterSeconds).toBe(Math.ceil((WINDOW_MS - 60_000) / 1000));
	});

	it('does not stop the same account from another address, or from a known device', () => {
		const t0 = 2_000_000;
		for (let i = 0; i < SOURCE_LIMIT; i++)
			beginSignInAttempt('e@x.test', { address: '10.6.0.1' }, t0);
		expect(refusal(() => beginSignInAttempt('e@x.test', { address: '10.6.0.2' }, t0))).toBeNull();
		expect(refusal(() => beginSignInAttempt('e@x.test', { device: 'nonce1' }, t0))).toBeNull();
	});

	it('lets the source in again once the window has passed', () => {
		const t0 = 5_000_000;
		for (let i = 0; i < SOURCE_LIMIT; i++)
			beginSignInAttempt('b@x.test', { address: '10.1.0.1' }, t0);
		expect(
			refusal(() => beginSignInAttempt('b@x.test', { address: '10.1.0.1' }, t0 + WINDOW_MS - 1))
		).not.toBeNull();
		expect(
			refusal(() => beginSignInAttempt('b@x.test', { address: '10.1.0.1' }, t0 + WINDOW_MS))
		).toBeNull();
	});

	it('stops an address that tries many accounts', () => {
		const t0 = 9_000_000;
		for (let i = 0; i < ADDRESS_LIMIT; i++)
			beginSignInAttempt(`user${i}@y.test`, { address: '10.2.0.1' }, t0);
		expect(
			refusal(() => beginSignInAttempt('new@y.test', { address: '10.2.0.1' }, t0 + 1))
		).not.toBeNull();
		expect(
			refusal(() => beginSignInAttempt('new@y.test', { address: '10.2.0.2' }, t0 + 1))
		).toBeNull();
	});

	it('shuts out unknown sources of an account after many spread-out failures, but never its known devices', () => {
		const t0 = 12_000_000;
		for (let i = 0; i < UNKNOWN_SOURCES_LIMIT; i++)
			beginSignInAttempt('f@x.test', { address: `10.7.${i >> 8}.${i & 255}` }, t0);
		expect(
			refusal(() => beginSignInAttempt('f@x.test', { address: '10.8.0.1' }, t0 + 1))
		).not.toBeNull();
		expect(refusal(() => beginSignInAttempt('f@x.test', { device: 'owner' }, t0 + 1))).toBeNull();
	});

	it('forgets a source’s failures after a successful sign-in', () => {
		const t0 = 20_000_000;
		for (let i = 0; i < SOURCE_LIMIT - 1; i++)
			beginSignInAttempt('c@x.test', { address: '10.3.0.1' }, t0);
		beginSignInAttempt('c@x.test', { address: '10.3.0.1' }, t0).succeeded();
		const next = beginSignInAttempt('c@x.test', { address: '10.3.0.1' }, t0 + 1);
		expect(next.delayMs).toBe(0);
	});

	it('counts an attempt before its password is checked, so a burst cannot slip past the limit', () => {
		const t0 = 30_000_000;
		for (let i = 0; i < SOURCE_LIMIT; i++) beginSignInAttempt('d@x.test', { device: 'burst' }, t0);
		expect(() => beginSignInAttempt('d@x.test', { device: 'burst' }, t0)).toThrow(RateLimited);
	});

	it('takes a successful attempt back, so signing in does not use up the address’s allowance', () => {
		const t0 = 40_000_000;
		for (let i = 0; i < ADDRESS_LIMIT; i++)
			beginSignInAttempt(`person${i}@z.test`, { address: '10.5.0.1' }, t0).succeeded();
		expect(
			refusal(() => beginSignInAttempt('someone@z.test', { address: '10.5.0.1' }, t0 + 1))
		).toBeNull();
	});

	it('waits longer after each failure: 0, 250, 500, 1000, then 2000 ms at most', () => {
		expect([0, 1, 2, 3, 4, 5, 10].map(delayFor)).toEqual([0, 250, 500, 1000, 2000, 2000, 2000]);
		const t0 = 50_000_000;
		const delays = Array.from(
			{ length: SOURCE_LIMIT },
			() => beginSignInAttempt('g@x.test', { address: '10.9.0.1' }, t0).delayMs
		);
		expect(delays).toEqual([0, 250, 500, 1000, 2000]);
	});
});

describe('current-password checks', () => {
	it('are limited per person, apart from sign-in', () => {
		const t0 = 60_000_000;
		for (let i = 0; i < PASSWORD_CHECK_LIMIT; i++) beginPasswordCheck('user-1', t0);
		expect(() => beginPasswordCheck('user-1', t0 + 1)).toThrow(RateLimited);
		expect(refusal(() => beginPasswordCheck('user-2', t0 + 1))).toBeNull();
		expect(
			refusal(() => beginSignInAttempt('user-1@x.test', { address: '10.10.0.1' }, t0 + 1))
		).toBeNull();
	});
});

describe('memory', () => {
	it('drops stale counts once there are many, so guessing across many addresses cannot grow it for ever', () => {
		const t0 = 70_000_000;
		for (let i = 0; i < 4_000; i++)
			beginSignInAttempt(`s${i}@x.test`, { address: `10.20.${i >> 8}.${i & 255}` }, t0);
		expect(trackedKeys()).toBeGreaterThan(10_000);
		// 15 minutes later they are all stale; the next attempt sweeps them away.
		beginSignInAttempt('fresh@x.test', { address: '10.30.0.1' }, t0 + WINDOW_MS + 1);
		expect(trackedKeys()).toBe(3);
	});
});
