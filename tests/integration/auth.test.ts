import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, makeUser, PASSWORD, type Fixture } from '../support/factories.ts';
import { signedIn, withCookie } from '../support/people.ts';
import { sessionToken } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
let alpha: Fixture;
let beta: Fixture;
let gamma: Fixture;
beforeAll(async () => {
	server = await startServer();
	alpha = await makePartnership(server.db, 'alpha');
	beta = await makePartnership(server.db, 'beta');
	gamma = await makePartnership(server.db, 'gamma');
});
afterAll(() => server?.stop());

const login = (body: unknown) => new Client(server.url).post('/api/v1/auth/login', body);
const sessionRow = (cookie: string) =>
	server.db.session.findUnique({ where: { id: sessionToken(cookie).id } });

describe('signing in', () => {
	it('answers 200 with the user and sets an httpOnly, SameSite=Lax, Secure session cookie', async () => {
		const { email, userId } = alpha.members.MEMBER;
		const res = await login({ email, password: PASSWORD });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ user: { id: userId, email, name: 'member of alpha' } });
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))!;
		expect(cookie).toMatch(/^session=[a-z0-9]+\.[a-z0-9]+;/);
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
		expect(cookie).toMatch(/;\s*Secure/i);
		expect(cookie).toMatch(/;\s*Path=\//i);
	});

	it('ignores the case and spaces around the email address', async () => {
		const res = await login({ email: '  MEMBER@Alpha.test ', password: PASSWORD });
		expect(res.status).toBe(200);
	});

	it('gives the same 401 for an unknown email as for a wrong password', async () => {
		const unknown = await login({ email: 'nobody@alpha.test', password: PASSWORD });
		const wrong = await login({
			email: alpha.members.REVIEWER.email,
			password: 'wrong-password-1'
		});
		expect(unknown.status).toBe(401);
		expect(wrong.status).toBe(401);
		expect(unknown.json.error.code).toBe('invalid_credentials');
		expect(wrong.json).toEqual(unknown.json);
		expect(wrong.headers.getSetCookie()).toEqual([]);
	});

	it('puts a wrong password for a real account in that account’s audit trail', async () => {
		const userId = alpha.members.SECRETARIAT.userId;
		const failed = () =>
			server.db.auditEvent.count({ where: { action: 'sign_in_failed', entityId: userId } });
		const before = await failed();
		const res = await login({
			email: alpha.members.SECRETARIAT.email,
			password: 'wrong-password-2'
		});
		expect(res.status).toBe(401);
		await expect.poll(failed).toBe(before + 1);
		const event = await server.db.auditEvent.findFirstOrThrow({
			where: { action: 'sign_in_failed', entityId: userId },
			orderBy: { at: 'desc' }
		});
		expect(event.actorUserId).toBeNull();
		expect(event.detail).toEqual({ knownBrowser: false });
	});

	it('answers 400 naming the missing field when there is no email', async () => {
		const res = await login({ password: PASSWORD });
		expect(res.status).toBe(400);
		expect(res.json.error.code).toBe('validation_failed');
		expect(Object.keys(res.json.error.fields)).toEqual(['email']);
	});

	it('stores only a SHA-256 of the cookie’s secret, never the secret itself', async () => {
		const client = await signedIn(server.url, alpha.members.OBSERVER.email);
		const { secret } = sessionToken(client.cookie);
		const row = (await sessionRow(client.cookie))!;
		const sha256 = createHash('sha256').update(secret).digest();
		expect(Buffer.from(row.secretHash).equals(sha256)).toBe(true);
		const stored = JSON.stringify({ ...row, secretHash: Buffer.from(row.secretHash).toString() });
		expect(stored).not.toContain(secret);
		expect(Buffer.from(row.secretHash).toString('hex')).not.toContain(secret);
	});
});

describe('a session', () => {
	it('ends at logout: the old cookie then gets 401 and the row is gone', async () => {
		const client = await signedIn(server.url, alpha.members.SECRETARIAT.email);
		const cookie = client.cookie;
		const res = await client.post('/api/v1/auth/logout');
		expect(res.status).toBe(204);
		expect(client.cookie).toBe('');
		expect(await sessionRow(cookie)).toBeNull();
		const again = await withCookie(server.url, cookie).get('/api/v1/me');
		expect(again.status).toBe(401);
		expect(again.json.error.code).toBe('unauthenticated');
	});

	it('ends when it expires: 401, and the row is removed', async () => {
		const client = await signedIn(server.url, alpha.members.ADMIN.email);
		const { id } = sessionToken(client.cookie);
		await server.db.session.update({
			where: { id },
			data: { expiresAt: new Date(Date.now() - 1000) }
		});
		const res = await client.get('/api/v1/me');
		expect(res.status).toBe(401);
		expect(await server.db.session.findUnique({ where: { id } })).toBeNull();
	});

	it('slides: used with under 7 days left, it is extended to 14 days and the cookie re-sent', async () => {
		const client = await signedIn(server.url, beta.members.ADMIN.email);
		const { id, token } = sessionToken(client.cookie);
		await server.db.session.update({
			where: { id },
			data: { expiresAt: new Date(Date.now() + 3 * DAY) }
		});
		const res = await client.get('/api/v1/me');
		expect(res.status).toBe(200);
		const renewed = res.headers.getSetCookie().find((c) => c.startsWith('session='));
		expect(renewed).toContain(`session=${token};`);
		const expires = new Date(/Expires=([^;]+)/i.exec(renewed!)![1]).getTime();
		expect(expires).toBeGreaterThan(Date.now() + 13 * DAY);
		const row = await server.db.session.findUnique({ where: { id } });
		expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * DAY);
	});

	it('is not re-sent while more than 7 days are left', async () => {
		const client = await signedIn(server.url, beta.members.MEMBER.email);
		const res = await client.get('/api/v1/me');
		expect(res.status).toBe(200);
		expect(res.headers.getSetCookie()).toEqual([]);
	});
});

describe('changing the password', () => {
	const email = 'changer@alpha.test';
	const NEW_PASSWORD = 'a-brand-new-password-99';
	let here: Client;
	let elsewhere: Client;
	beforeAll(async () => {
		await makeUser(server.db, email, 'Changer');
		here = await signedIn(server.url, email);
		elsewhere = await signedIn(server.url, email);
	});
	const change = (body: unknown) => here.post('/api/v1/me/password', body);

	it('needs the current password', async () => {
		const wrong = await change({ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
		expect(wrong.status).toBe(400);
		expect(Object.keys(wrong.json.error.fields)).toEqual(['currentPassword']);
		const missing = await change({ newPassword: NEW_PASSWORD });
		expect(missing.status).toBe(400);
		expect(Object.keys(missing.json.error.fields)).toEqual(['currentPassword']);
	});

	it('refuses a new password shorter than 12 characters', async () => {
		const before = await server.db.user.findUnique({ where: { email } });
		const res = await change({ currentPassword: PASSWORD, newPassword: 'eleven-char' });
		expect(res.status).toBe(400);
		expect(res.json.error.fields.newPassword).toMatch(/at least 12 characters/);
		expect(await server.db.user.findUnique({ where: { email } })).toEqual(before);
	});

	it('ends every other session, keeps this browser signed in, and replaces the password', async () => {
		const oldCookie = here.cookie;
		const res = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
		expect(res.status).toBe(204);
		expect(here.cookie).not.toBe(oldCookie);
		expect((await here.get('/api/v1/me')).status).toBe(200);
		expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
		expect((await withCookie(server.url, oldCookie).get('/api/v1/me')).status).toBe(401);
		expect((await login({ email, password: PASSWORD })).status).toBe(401);
		expect((await login({ email, password: NEW_PASSWORD })).status).toBe(200);
		const user = await server.db.user.findUniqueOrThrow({ where: { email } });
		expect(user.passwordHash).toMatch(/^\$argon2id\$/);
	});
});

describe('what a signed-in person sees', () => {
	beforeAll(async () => {
		// alpha's admin also observes beta for its health board: one login across partnerships.
		await server.db.membership.create({
			data: {
				userId: alpha.members.ADMIN.userId,
				partnershipId: beta.partnership.id,
				organisationId: beta.organisations.health.id,
				role: 'OBSERVER'
			}
		});
	});

	it('GET /api/v1/me gives the user and every membership with role and organisation', async () => {
		const client = await signedIn(server.url, alpha.members.ADMIN.email);
		const res = await client.get('/api/v1/me');
		expect(res.status).toBe(200);
		expect(res.json.user).toEqual({
			id: alpha.members.ADMIN.userId,
			email: alpha.members.ADMIN.email,
			name: 'admin of alpha'
		});
		const seen = res.json.memberships.map((m: any) => [
			m.partnership.slug,
			m.role,
			m.organisation.id
		]);
		expect(seen).toEqual([
			['alpha', 'ADMIN', alpha.organisations.council.id],
			['beta', 'OBSERVER', beta.organisations.health.id]
		]);
	});

	it('GET /api/v1/partnerships lists only the caller’s partnerships', async () => {
		const both = await (
			await signedIn(server.url, alpha.members.ADMIN.email)
		).get('/api/v1/partnerships');
		expect(both.json.map((p: any) => [p.slug, p.role])).toEqual([
			['alpha', 'ADMIN'],
			['beta', 'OBSERVER']
		]);
		const one = await (
			await signedIn(server.url, gamma.members.REVIEWER.email)
		).get('/api/v1/partnerships');
		expect(one.json).toEqual([
			{
				id: gamma.partnership.id,
				slug: 'gamma',
				name: 'gamma partnership',
				area: 'gamma',
				role: 'REVIEWER'
			}
		]);
	});

	it('without a session, /me and /partnerships answer 401', async () => {
		const anonymous = new Client(server.url);
		for (const path of ['/api/v1/me', '/api/v1/partnerships']) {
			const res = await anonymous.get(path);
			expect(res.status).toBe(401);
			expect(res.json.error.code).toBe('unauthenticated');
		}
	});
});
