import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, PASSWORD, type Fixture } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Behind a proxy, as in production: the proxy's X-Forwarded-For header says who is signing in, so each
// test can come from its own address.
let server: TestServer;
let alpha: Fixture;
beforeAll(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	alpha = await makePartnership(server.db, 'alpha');
});
afterAll(() => server?.stop());

function loginFrom(address: string, email: string, password: string) {
	const client = new Client(server.url, undefined, { 'x-forwarded-for': address });
	return client.post('/api/v1/auth/login', { email, password });
}

function expectRateLimited(res: Awaited<ReturnType<typeof loginFrom>>) {
	expect(res.status).toBe(429);
	expect(res.json.error.code).toBe('rate_limited');
	const retryAfter = Number(res.headers.get('retry-after'));
	expect(retryAfter).toBeGreaterThan(0);
	expect(retryAfter).toBeLessThanOrEqual(15 * 60);
	expect(res.headers.getSetCookie()).toEqual([]);
}

describe('sign-in rate limits', () => {
	it('after 5 failed sign-ins an account gets 429 with Retry-After, even with the right password', async () => {
		const { email } = alpha.members.REVIEWER;
		for (let i = 1; i <= 5; i++) {
			const res = await loginFrom(`10.0.1.${i}`, email, `wrong-password-${i}`);
			expect(res.status).toBe(401);
		}
		expectRateLimited(await loginFrom('10.0.1.99', email, PASSWORD));
		expectRateLimited(await loginFrom('10.0.1.99', email.toUpperCase(), PASSWORD));
	});

	it('a limited account does not hold up another account', async () => {
		const { email } = alpha.members.OBSERVER;
		for (let i = 1; i <= 5; i++) await loginFrom('10.0.2.1', email, 'wrong-password-x');
		expect((await loginFrom('10.0.2.1', email, PASSWORD)).status).toBe(429);
		expect((await loginFrom('10.0.2.1', alpha.members.MEMBER.email, PASSWORD)).status).toBe(200);
	});

	it('a successful sign-in before the limit clears the account’s failures', async () => {
		const { email } = alpha.members.SECRETARIAT;
		for (let i = 1; i <= 4; i++) await loginFrom('10.0.3.1', email, 'wrong-password-x');
		expect((await loginFrom('10.0.3.1', email, PASSWORD)).status).toBe(200);
		for (let i = 1; i <= 4; i++) await loginFrom('10.0.3.1', email, 'wrong-password-x');
		expect((await loginFrom('10.0.3.1', email, PASSWORD)).status).toBe(200);
	});

	it('after 30 failures from one address, across different emails, a new email from it gets 429', async () => {
		const address = '10.0.4.1';
		for (let i = 1; i <= 30; i++) {
			const res = await loginFrom(address, `guess-${i}@alpha.test`, 'wrong-password-x');
			expect(res.status).toBe(401);
		}
		expectRateLimited(await loginFrom(address, alpha.members.ADMIN.email, PASSWORD));
		expect((await loginFrom('10.0.4.2', alpha.members.ADMIN.email, PASSWORD)).status).toBe(200);
	});

	it('holds when the guesses come all at once: no more than 5 are checked, the rest get 429', async () => {
		const { email } = alpha.members.ADMIN;
		const guesses = Array.from({ length: 20 }, (_, i) =>
			loginFrom(`10.0.6.${i + 1}`, email, `parallel-guess-${i}`)
		);
		const statuses = (await Promise.all(guesses)).map((res) => res.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(15);
	});

	it('counts unknown emails the same as known ones, so the limit reveals nothing', async () => {
		for (let i = 1; i <= 5; i++)
			await loginFrom(`10.0.5.${i}`, 'nobody@alpha.test', 'wrong-password-x');
		expectRateLimited(await loginFrom('10.0.5.9', 'nobody@alpha.test', PASSWORD));
	});
});
