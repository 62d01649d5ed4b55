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

async function refusal(attempt: () => Promise<unknown>): Promise<RateLimited | null> {
	try {
		await attempt();
		return null;
	} catch (error) {
		if (error instanceof RateLimited) return error;
		throw error;
	}
}

describe('sign-in rate limits', () => {
	it('stops a source (address and account) after too many failures and says when to retry', async () => {
		const t0 = 1_000_000;
		for (let i = 0; i < SOURCE_LIMIT; i++)
			await beginSignInAttempt('A@x.test', { address: '10.0.0.1' }, t0 + i);
		const refused = await refusal(() =>
			beginSignInAttempt('a@x.test', { address: '10.0.0.1' }, t0 + 60_000)
		);
		expect(refused?.status).toBe(429);
		expect(refused?.retryAfterSeconds).toBe(Math.ceil((WINDOW_MS - 60_000) / 1000));
	});

	it('does not stop the same account from another address, or from a known device', async () => {
		const t0 = 2_000_000;
		for (let i = 0; i < SOURCE_LIMIT; i++)
			await beginSignInAttempt('e@x.test', { address: '10.6.0.1' }, t0);
		expect(
			await refusal(() => beginSignInAttempt('e@x.test', { address: '10.6.0.2' }, t0))
		).toBeNull();
		expect(
			await refusal(() => beginSignInAttempt('e@x.test', { device: 'nonce1' }, t0))
		).toBeNull();
	});

	it('lets the source in again once the window has passed', async () => {
		const t0 = 5_000_000;
		for (let i = 0; i < SOURCE_LIMIT; i++)
			await beginSignInAttempt('b@x.test', { address: '10.1.0.1' }, t0);
		expect(
			await refusal(() =>
				beginSignInAttempt('b@x.test', { address: '10.1.0.1' }, t0 + WINDOW_MS - 1)
			)
		).not.toBeNull();
		expect(
			await refusal(() => beginSignInAttempt('b@x.test', { address: '10.1.0.1' }, t0 + WINDOW_MS))
		).toBeNull();
	});

	it('stops an address that tries many accounts', async () => {
		const t0 = 9_000_000;
		for (let i = 0; i < ADDRESS_LIMIT; i++)
			await beginSignInAttempt(`user${i}@y.test`, { address: '10.2.0.1' }, t0);
		expect(
			await refusal(() => beginSignInAttempt('new@y.test', { address: '10.2.0.1' }, t0 + 1))
		).not.toBeNull();
		expect(
			await refusal(() => beginSignInAttempt('new@y.test', { address: '10.2.0.2' }, t0 + 1))
		).toBeNull();
	});

	it('shuts out unknown sources of an account after many spread-out failures, but never its known devices', async () => {
		const t0 = 12_000_000;
		for (let i = 0; i < UNKNOWN_SOURCES_LIMIT; i++)
			await beginSignInAttempt('f@x.test', { address: `10.7.${i >> 8}.${i & 255}` }, t0);
		expect(
			await refusal(() => beginSignInAttempt('f@x.test', { address: '10.8.0.1' }, t0 + 1))
		).not.toBeNull();
		expect(
			await refusal(() => beginSignInAttempt('f@x.test', { device: 'owner' }, t0 + 1))
		).toBeNull();
	});

	it('forgets a source’s failures after a successful sign-in', async () => {
		const t0 = 20_000_000;
		for (let i = 0; i < SOURCE_LIMIT - 1; i++)
			await beginSignInAttempt('c@x.test', { address: '10.3.0.1' }, t0);
		(await beginSignInAttempt('c@x.test', { address: '10.3.0.1' }, t0)).succeeded();
		const next = await beginSignInAttempt('c@x.test', { address: '10.3.0.1' }, t0 + 1);
		expect(next.delayMs).toBe(0);
	});

	it('counts an attempt before its password is checked, so a burst cannot slip past the limit', async () => {
		const t0 = 30_000_000;
		// All at once, as parallel requests would come: the counters are checked and counted in one step.
		const outcomes = await Promise.allSettled(
			Array.from({ length: SOURCE_LIMIT + 1 }, () =>
				beginSignInAttempt('d@x.test', { device: 'burst' }, t0)
			)
		);
		const refused = outcomes.filter((o) => o.status === 'rejected');
		expect(refused).toHaveLength(1);
		expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(RateLimited);
	});

	it('takes a successful attempt back, so signing in does not use up the address’s allowance', async () => {
		const t0 = 40_000_000;
		for (let i = 0; i < ADDRESS_LIMIT; i++)
			(await beginSignInAttempt(`person${i}@z.test`, { address: '10.5.0.1' }, t0)).succeeded();
		expect(
			await refusal(() => beginSignInAttempt('someone@z.test', { address: '10.5.0.1' }, t0 + 1))
		).toBeNull();
	});

	it('waits longer after each failure: 0, 250, 500, 1000, then 2000 ms at most', async () => {
		expect([0, 1, 2, 3, 4, 5, 10].map(delayFor)).toEqual([0, 250, 500, 1000, 2000, 2000, 2000]);
		const t0 = 50_000_000;
		const delays: number[] = [];
		for (let i = 0; i < SOURCE_LIMIT; i++)
			delays.push((await beginSignInAttempt('g@x.test', { address: '10.9.0.1' }, t0)).delayMs);
		expect(delays).toEqual([0, 250, 500, 1000, 2000]);
	});
});

describe('current-password checks', () => {
	it('are limited per person, apart from sign-in', async () => {
		const t0 = 60_000_000;
		for (let i = 0; i < PASSWORD_CHECK_LIMIT; i++) await beginPasswordCheck('user-1', t0);
		await expect(beginPasswordCheck('user-1', t0 + 1)).rejects.toThrow(RateLimited);
		expect(await refusal(() => beginPasswordCheck('user-2', t0 + 1))).toBeNull();
		expect(
			await refusal(() => beginSignInAttempt('user-1@x.test', { address: '10.10.0.1' }, t0 + 1))
		).toBeNull();
	});
});

describe('memory', () => {
	it('drops stale counts once there are many, so guessing across many addresses cannot grow it for ever', async () => {
		const t0 = 70_000_000;
		for (let i = 0; i < 4_000; i++)
			await beginSignInAttempt(`s${i}@x.test`, { address: `10.20.${i >> 8}.${i & 255}` }, t0);
		expect(trackedKeys()).toBeGreaterThan(10_000);
		// 15 minutes later they are all stale; the next attempt sweeps them away.
		await beginSignInAttempt('fresh@x.test', { address: '10.30.0.1' }, t0 + WINDOW_MS + 1);
		expect(trackedKeys()).toBe(3);
	});
});
