import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_LIMIT,
	ADDRESS_LIMIT,
	assertSignInAllowed,
	beginSignInAttempt,
	recordSignInFailure,
	recordSignInSuccess,
	WINDOW_MS
} from '../../src/lib/server/auth/rate-limit.ts';
import { RateLimited } from '../../src/lib/server/errors.ts';

function refusal(email: string, address: string, now: number): RateLimited | null {
	try {
		assertSignInAllowed(email, address, now);
		return null;
	} catch (error) {
		if (error instanceof RateLimited) return error;
		throw error;
	}
}

describe('sign-in rate limits', () => {
	it('stops an account after too many failures and says when to retry', () => {
		const t0 = 1_000_000;
		for (let i = 0; i < ACCOUNT_LIMIT; i++) {
			expect(refusal('a@x.test', `10.0.0.${i}`, t0 + i)).toBeNull();
			recordSignInFailure('A@x.test', `10.0.0.${i}`, t0 + i);
		}
		const refused = refusal('a@x.test', '10.0.0.99', t0 + 60_000);
		expect(refused?.status).toBe(429);
		expect(refused?.retryAfterSeconds).toBe(Math.ceil((WINDOW_MS - 60_000) / 1000));
	});

	it('lets the account in again once the window has passed', () => {
		const t0 = 5_000_000;
		for (let i = 0; i < ACCOUNT_LIMIT; i++) recordSignInFailure('b@x.test', '10.1.0.1', t0);
		expect(refusal('b@x.test', '10.1.0.2', t0 + WINDOW_MS - 1)).not.toBeNull();
		expect(refusal('b@x.test', '10.1.0.2', t0 + WINDOW_MS)).toBeNull();
	});

	it('stops an address that tries many accounts', () => {
		const t0 = 9_000_000;
		for (let i = 0; i < ADDRESS_LIMIT; i++) recordSignInFailure(`user${i}@y.test`, '10.2.0.1', t0);
		expect(refusal('someone-new@y.test', '10.2.0.1', t0 + 1)).not.toBeNull();
		expect(refusal('someone-new@y.test', '10.2.0.2', t0 + 1)).toBeNull();
	});

	it('forgets an account’s failures after a successful sign-in', () => {
		const t0 = 20_000_000;
		for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) recordSignInFailure('c@x.test', `10.3.0.${i}`, t0);
		recordSignInSuccess('c@x.test');
		recordSignInFailure('c@x.test', '10.3.0.50', t0);
		expect(refusal('c@x.test', '10.3.0.51', t0 + 1)).toBeNull();
	});

	it('counts an attempt before its password is checked, so a burst cannot slip past the limit', () => {
		const t0 = 30_000_000;
		for (let i = 0; i < ACCOUNT_LIMIT; i++) beginSignInAttempt('d@x.test', `10.4.0.${i}`, t0);
		expect(() => beginSignInAttempt('d@x.test', '10.4.0.99', t0)).toThrow(RateLimited);
	});

	it('takes a successful attempt back, so signing in does not use up the address’s allowance', () => {
		const t0 = 40_000_000;
		for (let i = 0; i < ADDRESS_LIMIT; i++)
			beginSignInAttempt(`person${i}@z.test`, '10.5.0.1', t0).succeeded();
		expect(refusal('someone@z.test', '10.5.0.1', t0 + 1)).toBeNull();
	});
});
