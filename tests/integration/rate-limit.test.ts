import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, makeUser, PASSWORD, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Behind a proxy, as in production: the proxy's X-Forwarded-For header says who is signing in, so each
// test can come from its own address. Tests on sources of their own run side by side (describe.concurrent,
// each with its own `expect`): most of their time is the server's deliberate delays, which overlap (42 → 21
// s). The delay schedule's own test, which times answers, runs alone.
let server: TestServer;
let alpha: Fixture;
beforeAll(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	alpha = await makePartnership(server.db, 'alpha');
});
afterAll(() => server?.stop());

type Answer = Awaited<ReturnType<Client['post']>> & { ms: number; device?: string };

/** A sign-in from an address, as a browser that holds `device` (its known-device cookie) if given. */
async function loginFrom(
	address: string,
	email: string,
	password: string,
	device?: string
): Promise<Answer> {
	const client = new Client(server.url, undefined, {
		'x-forwarded-for': address,
		...(device ? { cookie: `device=${device}` } : {})
	});
	const started = performance.now();
	const res = await client.post('/api/v1/auth/login', { email, password });
	const set = res.headers.getSetCookie().find((c) => c.startsWith('device='));
	return {
		...res,
		ms: performance.now() - started,
		device: set?.split(';')[0].slice('device='.length)
	};
}

function expectRateLimited(expect: ExpectStatic, res: Answer) {
	expect(res.status).toBe(429);
	expect(res.json.error.code).toBe('rate_limited');
	const retryAfter = Number(res.headers.get('retry-after'));
	expect(retryAfter).toBeGreaterThan(0);
	expect(retryAfter).toBeLessThanOrEqual(15 * 60);
	expect(res.headers.getSetCookie()).toEqual([]);
}

async function failTimes(
	expect: ExpectStatic,
	n: number,
	address: string,
	email: string,
	device?: string
) {
	const answers: Answer[] = [];
	for (let i = 1; i <= n; i++) {
		const res = await loginFrom(address, email, `wrong-password-${i}`, device);
		expect(res.status).toBe(401);
		answers.push(res);
	}
	return answers;
}

describe.concurrent('a stranger guessing cannot lock the owner out', () => {
	it('5 failures lock the stranger’s source; the owner’s browser with its device cookie still signs in at once', async ({
		expect
	}) => {
		const email = 'owner-one@alpha.test';
		await makeUser(server.db, email, 'Owner One');
		const first = await loginFrom('10.0.10.1', email, PASSWORD);
		expect(first.status).toBe(200);
		const deviceCookie = first.headers.getSetCookie().find((c) => c.startsWith('device='))!;
		expect(deviceCookie).toMatch(/;\s*HttpOnly/i);
		expect(deviceCookie).toMatch(/;\s*SameSite=Lax/i);
		const expires = new Date(/expires=([^;]+)/i.exec(deviceCookie)![1]).getTime();
		expect(expires).toBeGreaterThan(Date.now() + 300 * 24 * 60 * 60 * 1000);

		// The stranger shares the owner's address (one office, one NAT) and fails five times.
		await failTimes(expect, 5, '10.0.10.1', email);
		expectRateLimited(expect, await loginFrom('10.0.10.1', email, 'wrong-password-6'));
		expectRateLimited(expect, await loginFrom('10.0.10.1', email, PASSWORD));

		// The owner's own browser, from that very address, gets in with the right password, undelayed.
		const owner = await loginFrom('10.0.10.1', email, PASSWORD, first.device);
		expect(owner.status).toBe(200);
		expect(owner.json.user.email).toBe(email);
		expect(owner.ms).toBeLessThan(1500);
		// A fresh device cookie comes back each time, and the owner can go on using it.
		expect(owner.device).toBeTruthy();
		expect((await loginFrom('10.0.10.1', email, PASSWORD, owner.device)).status).toBe(200);
		// Another address without a device cookie is another source: also unaffected.
		expect((await loginFrom('10.0.10.2', email, PASSWORD)).status).toBe(200);
	});

	it('failures from many addresses lock no single other address; past 50 together, only unknown browsers are shut out', async ({
		expect
	}) => {
		const email = 'owner-two@alpha.test';
		await makeUser(server.db, email, 'Owner Two');
		const { device } = await loginFrom('10.0.11.250', email, PASSWORD);
		for (let i = 1; i <= 50; i++) {
			const res = await loginFrom(`10.0.12.${i}`, email, `spread-guess-${i}`);
			expect(res.status).toBe(401);
		}
		expectRateLimited(expect, await loginFrom('10.0.12.200', email, PASSWORD));
		const owner = await loginFrom('10.0.12.200', email, PASSWORD, device);
		expect(owner.status).toBe(200);
	});

	it('a device cookie counts only for the account it was issued to, and a forged one not at all', async ({
		expect
	}) => {
		const email = 'owner-three@alpha.test';
		await makeUser(server.db, email, 'Owner Three');
		const others = await loginFrom('10.0.13.1', alpha.members.MEMBER.email, PASSWORD);
		const [userId, nonce] = others.device!.split('.');
		const forged = `${userId}.${nonce}.${'A'.repeat(43)}`;
		await failTimes(expect, 3, '10.0.13.2', email, others.device);
		await failTimes(expect, 2, '10.0.13.2', email, forged);
		// Counted under the address, as any unknown browser is: the sixth try is refused.
		expectRateLimited(expect, await loginFrom('10.0.13.2', email, PASSWORD, others.device));
	});

	it('the owner’s own typos lock only their own browser, after 5', async ({ expect }) => {
		const email = 'owner-four@alpha.test';
		await makeUser(server.db, email, 'Owner Four');
		const { device } = await loginFrom('10.0.14.1', email, PASSWORD);
		await failTimes(expect, 5, '10.0.14.1', email, device);
		expectRateLimited(expect, await loginFrom('10.0.14.1', email, PASSWORD, device));
		expect((await loginFrom('10.0.14.1', email, PASSWORD)).status).toBe(200);
	});
});

describe('failed sign-ins slow down', () => {
	it('each failure from a source makes its next check wait longer: 0, 0.25, 0.5, 1, 2 s', async ({
		expect
	}) => {
		const email = 'slowed@alpha.test';
		await makeUser(server.db, email, 'Slowed');
		const answers = await failTimes(expect, 5, '10.0.15.1', email);
		const waits = [0, 250, 500, 1000, 2000];
		answers.forEach((res, i) => expect(res.ms).toBeGreaterThanOrEqual(waits[i] - 20));
		expect(answers[0].ms).toBeLessThan(1000);
		// Another source for the same account is not slowed.
		const elsewhere = await loginFrom('10.0.15.2', email, PASSWORD);
		expect(elsewhere.status).toBe(200);
		expect(elsewhere.ms).toBeLessThan(1000);
	});
});

describe.concurrent('sign-in rate limits', () => {
	it('a limited source does not hold up another account from it', async ({ expect }) => {
		const { email } = alpha.members.OBSERVER;
		for (let i = 1; i <= 5; i++) await loginFrom('10.0.2.1', email, 'wrong-password-x');
		expect((await loginFrom('10.0.2.1', email, PASSWORD)).status).toBe(429);
		expect((await loginFrom('10.0.2.1', alpha.members.MEMBER.email, PASSWORD)).status).toBe(200);
	});

	it('a successful sign-in before the limit clears the source’s failures', async ({ expect }) => {
		const { email } = alpha.members.SECRETARIAT;
		for (let i = 1; i <= 4; i++) await loginFrom('10.0.3.1', email, 'wrong-password-x');
		expect((await loginFrom('10.0.3.1', email, PASSWORD)).status).toBe(200);
		for (let i = 1; i <= 4; i++) await loginFrom('10.0.3.1', email, 'wrong-password-x');
		expect((await loginFrom('10.0.3.1', email, PASSWORD)).status).toBe(200);
	});

	it('after 30 failures from one address, across different emails, a new email from it gets 429', async ({
		expect
	}) => {
		const address = '10.0.4.1';
		for (let i = 1; i <= 30; i++) {
			const res = await loginFrom(address, `guess-${i}@alpha.test`, 'wrong-password-x');
			expect(res.status).toBe(401);
		}
		expectRateLimited(expect, await loginFrom(address, alpha.members.ADMIN.email, PASSWORD));
		expect((await loginFrom('10.0.4.2', alpha.members.ADMIN.email, PASSWORD)).status).toBe(200);
	});

	it('holds when the guesses come all at once: no more than 5 are checked, the rest get 429', async ({
		expect
	}) => {
		const { email } = alpha.members.ADMIN;
		const guesses = Array.from({ length: 20 }, (_, i) =>
			loginFrom('10.0.6.1', email, `parallel-guess-${i}`)
		);
		const statuses = (await Promise.all(guesses)).map((res) => res.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(15);
	});

	it('counts unknown emails the same as known ones, so the limit reveals nothing', async ({
		expect
	}) => {
		for (let i = 1; i <= 5; i++)
			await loginFrom('10.0.5.1', 'nobody@alpha.test', 'wrong-password-x');
		expectRateLimited(expect, await loginFrom('10.0.5.1', 'nobody@alpha.test', PASSWORD));
	});
});

describe('guessing the current password when changing it', () => {
	it('is refused with 429 after 5 wrong tries, even with the right one, and each wrong try is audited', async ({
		expect
	}) => {
		const email = 'unattended@alpha.test';
		const { id } = await makeUser(server.db, email, 'Unattended Laptop');
		const client = await signedIn(server.url, email);
		const change = (currentPassword: string) =>
			client.post('/api/v1/me/password', {
				currentPassword,
				newPassword: 'taken-over-by-a-passer-by'
			});
		for (let i = 1; i <= 5; i++) {
			const res = await change(`guess-${i}`);
			expect(res.status).toBe(400);
			expect(Object.keys(res.json.error.fields)).toEqual(['currentPassword']);
		}
		const refused = await change(PASSWORD);
		expect(refused.status).toBe(429);
		expect(refused.json.error.code).toBe('rate_limited');
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		const failed = await server.db.auditEvent.count({
			where: { action: 'password_check_failed', entityId: id, actorUserId: id }
		});
		expect(failed).toBe(5);
		// The password did not change: the owner still signs in with it.
		expect((await loginFrom('10.0.16.1', email, PASSWORD)).status).toBe(200);

		// The settings page's form shares the count.
		const form = new FormData();
		form.append('currentPassword', PASSWORD);
		form.append('newPassword', 'taken-over-by-a-passer-by');
		const page = await client.request('POST', '/settings?/changePassword', form, {
			origin: server.url,
			'x-sveltekit-action': 'true',
			accept: 'application/json'
		});
		expect(page.json).toMatchObject({ type: 'failure', status: 429 });
		expect(page.text).toContain('Too many attempts');
	});
});
