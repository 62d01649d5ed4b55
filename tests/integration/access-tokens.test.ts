import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { makePartnership, PASSWORD, type Fixture } from '../support/factories.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { connect, socketClass, syncUrl, waitFor } from '../support/sync.ts';

let server: TestServer;
let alpha: Fixture;
let member: Client;
beforeAll(async () => {
	server = await startServer();
	alpha = await makePartnership(server.db, 'alpha');
	await makePartnership(server.db, 'beta');
	member = await signedIn(server.url, alpha.members.MEMBER.email);
});
afterAll(() => server?.stop());

const DAY = 24 * 60 * 60 * 1000;

async function createToken(
	client: Client,
	name: string,
	extra: Record<string, unknown> = {}
): Promise<{ id: string; token: string; scope: string; expiresAt: string }> {
	const res = await client.post('/api/v1/me/tokens', { name, ...extra });
	expect(res.status).toBe(201);
	return res.json;
}
const bearer = (token: string) => new Client(server.url, token);

describe('personal access tokens', () => {
	it('are created with a name; the secret (pat_…) is shown once, in that answer', async () => {
		const res = await member.post('/api/v1/me/tokens', { name: 'Reporting script' });
		expect(res.status).toBe(201);
		expect(res.json).toMatchObject({ name: 'Reporting script', lastUsedAt: null });
		expect(res.json.token).toMatch(/^pat_[a-z0-9]+\.[a-z0-9]+$/);
		expect(res.json.token).toContain(res.json.id);
	});

	it('need a name', async () => {
		const res = await member.post('/api/v1/me/tokens', { name: '  ' });
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields)).toEqual(['name']);
	});

	it('work as Bearer on /api/v1 routes with the owner’s rights, and no more', async () => {
		const { token } = await createToken(member, 'Rights check');
		const api = bearer(token);
		const me = await api.get('/api/v1/me');
		expect(me.status).toBe(200);
		expect(me.json.user.email).toBe(alpha.members.MEMBER.email);
		expect((await api.get('/api/v1/partnerships/alpha/structure')).status).toBe(200);
		expect((await api.get('/api/v1/partnerships/alpha/members')).status).toBe(200);
		const write = await api.post('/api/v1/partnerships/alpha/organisations', {
			name: 'Token org',
			sector: 'OTHER'
		});
		expect(write.status).toBe(403);
		expect((await api.get('/api/v1/partnerships/beta/structure')).status).toBe(404);
	});

	it('let an admin’s script write, recorded in the audit trail as that admin', async () => {
		const admin = await signedIn(server.url, alpha.members.ADMIN.email);
		const { token } = await createToken(admin, 'Admin script');
		const res = await bearer(token).post('/api/v1/partnerships/alpha/organisations', {
			name: 'Added by a script',
			sector: 'PRIVATE'
		});
		expect(res.status).toBe(201);
		const event = await server.db.auditEvent.findFirstOrThrow({ where: { entityId: res.json.id } });
		expect(event.actorUserId).toBe(alpha.members.ADMIN.userId);
	});

	it('record when they were last used', async () => {
		const { id, token } = await createToken(member, 'Used once');
		await bearer(token).get('/api/v1/me');
		const row = await server.db.accessToken.findUniqueOrThrow({ where: { id } });
		expect(row.lastUsedAt).toBeInstanceOf(Date);
	});

	it('are listed without their secrets', async () => {
		const { id, token } = await createToken(member, 'Listed');
		const res = await member.get('/api/v1/me/tokens');
		expect(res.status).toBe(200);
		const listed = res.json.find((t: any) => t.id === id);
		expect(Object.keys(listed).sort()).toEqual([
			'createdAt',
			'expiresAt',
			'id',
			'lastUsedAt',
			'name',
			'scope'
		]);
		expect(res.text).not.toContain(token.split('.')[1]);
	});

	it('stop working once revoked: 401, and gone from the list', async () => {
		const { id, token } = await createToken(member, 'To revoke');
		expect((await bearer(token).get('/api/v1/me')).status).toBe(200);
		expect((await member.delete(`/api/v1/me/tokens/${id}`)).status).toBe(204);
		const after = await bearer(token).get('/api/v1/me');
		expect(after.status).toBe(401);
		expect(after.json.error.code).toBe('unauthenticated');
		const list = await member.get('/api/v1/me/tokens');
		expect(list.json.map((t: any) => t.id)).not.toContain(id);
		expect((await member.delete(`/api/v1/me/tokens/${id}`)).status).toBe(404);
	});

	it('cannot be revoked by someone else', async () => {
		const { id, token } = await createToken(member, 'Not yours');
		const other = await signedIn(server.url, alpha.members.REVIEWER.email);
		expect((await other.delete(`/api/v1/me/tokens/${id}`)).status).toBe(404);
		expect((await bearer(token).get('/api/v1/me')).status).toBe(200);
	});

	it.each([
		['a garbage token', 'garbage'],
		['a made-up pat_ token', 'pat_aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb'],
		['an empty bearer', '']
	])('answer 401 to %s', async (_, token) => {
		const res = await new Client(server.url, undefined, {
			authorization: `Bearer ${token}`
		}).get('/api/v1/me');
		expect(res.status).toBe(401);
	});

	it('when garbage, are not rescued by a valid session cookie sent alongside', async () => {
		const client = new Client(server.url, 'pat_garbage');
		client.cookie = member.cookie;
		expect((await client.get('/api/v1/me')).status).toBe(401);
	});

	it('with a wrong secret are refused even when the id is real', async () => {
		const { id } = await createToken(member, 'Real id');
		const res = await bearer(`pat_${id}.${'x'.repeat(24)}`).get('/api/v1/me');
		expect(res.status).toBe(401);
	});

	it('are stored only as a SHA-256 of the secret, which appears nowhere in the database', async () => {
		const { id, token } = await createToken(member, 'Hash only');
		const secret = token.split('.')[1];
		const row = await server.db.accessToken.findUniqueOrThrow({ where: { id } });
		const sha256 = createHash('sha256').update(secret).digest();
		expect(Buffer.from(row.secretHash).equals(sha256)).toBe(true);
		const tables = await Promise.all([
			server.db.accessToken.findMany(),
			server.db.auditEvent.findMany(),
			server.db.session.findMany()
		]);
		const stored = JSON.stringify(tables, (_, v) =>
			v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v
		);
		expect(stored).not.toContain(secret);
	});
});

describe('token scope and expiry', () => {
	it('default to read write for 90 days, shown in the answer and the list', async () => {
		const before = Date.now();
		const created = await createToken(member, 'Defaults');
		expect(created.scope).toBe('read write');
		const expires = new Date(created.expiresAt).getTime();
		expect(expires).toBeGreaterThanOrEqual(before + 90 * DAY);
		expect(expires).toBeLessThanOrEqual(Date.now() + 90 * DAY);
		const listed = (await member.get('/api/v1/me/tokens')).json.find(
			(t: any) => t.id === created.id
		);
		expect(listed).toMatchObject({ scope: 'read write', expiresAt: created.expiresAt });
	});

	it('take a chosen scope and expiry within a year, and refuse others with a field error', async () => {
		const chosen = await createToken(member, 'Chosen', { scope: 'read', expiresInDays: 7 });
		expect(chosen.scope).toBe('read');
		expect(new Date(chosen.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY);
		for (const [body, field] of [
			[{ expiresInDays: 366 }, 'expiresInDays'],
			[{ expiresInDays: 0 }, 'expiresInDays'],
			[{ scope: 'admin' }, 'scope'],
			[{ scope: 'write' }, 'scope']
		] as const) {
			const res = await member.post('/api/v1/me/tokens', { name: 'Bad', ...body });
			expect(res.status).toBe(400);
			expect(Object.keys(res.json.error.fields)).toEqual([field]);
		}
	});

	it('once expired, authenticate nobody and leave the list', async () => {
		const { id, token } = await createToken(member, 'Short-lived');
		expect((await bearer(token).get('/api/v1/me')).status).toBe(200);
		await server.db.accessToken.update({
			where: { id },
			data: { expiresAt: new Date(Date.now() - 1000) }
		});
		const after = await bearer(token).get('/api/v1/me');
		expect(after.status).toBe(401);
		expect(after.json.error.code).toBe('unauthenticated');
		const list = await member.get('/api/v1/me/tokens');
		expect(list.json.map((t: any) => t.id)).not.toContain(id);
	});

	it('a read token reads but every other method is refused with 403 and nothing is written', async () => {
		const admin = await signedIn(server.url, alpha.members.ADMIN.email);
		const { token } = await createToken(admin, 'Dashboard', { scope: 'read' });
		const api = bearer(token);
		expect((await api.get('/api/v1/partnerships/alpha/structure')).status).toBe(200);
		const written = await server.db.auditEvent.count();
		const refused = [
			await api.post('/api/v1/partnerships/alpha/organisations', {
				name: 'Read token org',
				sector: 'OTHER'
			}),
			await api.patch('/api/v1/me/notifications', {}),
			await api.delete(`/api/v1/me/tokens/${'a'.repeat(24)}`),
			await api.request('PUT', '/api/v1/me', {})
		];
		for (const res of refused) {
			expect(res.status).toBe(403);
			expect(res.json.error.code).toBe('forbidden');
			expect(res.json.error.message).toMatch(/may only read/);
		}
		expect(await server.db.auditEvent.count()).toBe(written);
		expect(await server.db.organisation.count({ where: { name: 'Read token org' } })).toBe(0);
	});

	it('a read token opens live documents read-only: its edits reach nobody and are not stored', async () => {
		const admin = await signedIn(server.url, alpha.members.ADMIN.email);
		const { token } = await createToken(admin, 'Sync reader', { scope: 'read' });
		const meeting = await makeMeeting(server.db, alpha);
		const docName = `meeting:${meeting.id}:agenda`;
		const writer = connect(server.url, docName, admin.cookie);
		await writer.synced;
		writer.doc.getText('t').insert(0, 'from the admin. ');
		const doc = new Y.Doc();
		const reader = new WebsocketProvider(syncUrl(server.url), docName, doc, {
			WebSocketPolyfill: socketClass({
				authorization: `Bearer ${token}`
			}) as unknown as typeof globalThis.WebSocket,
			disableBc: true
		});
		try {
			await waitFor(
				() => doc.getText('t').toString().includes('from the admin'),
				'the read token to get the document'
			);
			const stored = await server.db.docUpdate.count({ where: { docName } });
			doc.getText('t').insert(0, 'written with a read token. ');
			writer.doc.getText('t').insert(0, 'later. ');
			await waitFor(() => doc.getText('t').toString().includes('later.'), 'a later edit');
			const fresh = connect(server.url, docName, admin.cookie);
			await fresh.synced;
			expect(fresh.doc.getText('t').toString()).not.toContain('read token');
			expect(writer.doc.getText('t').toString()).not.toContain('read token');
			await waitFor(
				async () => (await server.db.docUpdate.count({ where: { docName } })) >= stored + 1,
				'the later edit to be stored'
			);
			fresh.destroy();
			const texts = await server.db.docUpdate.findMany({ where: { docName } });
			const all = new Y.Doc();
			for (const row of texts) Y.applyUpdate(all, new Uint8Array(row.data));
			expect(all.getText('t').toString()).not.toContain('read token');
		} finally {
			reader.destroy();
			writer.destroy();
		}
	});

	it('a read write token writes with its owner’s rights', async () => {
		const admin = await signedIn(server.url, alpha.members.ADMIN.email);
		const { token } = await createToken(admin, 'Writer', { scope: 'read write' });
		const res = await bearer(token).post('/api/v1/partnerships/alpha/organisations', {
			name: 'Written by a read write token',
			sector: 'OTHER'
		});
		expect(res.status).toBe(201);
	});
});

describe('what no token may do', () => {
	it('create or revoke tokens, change the password or sign out: 403 with a clear message', async () => {
		const owner = await signedIn(server.url, alpha.members.SECRETARIAT.email);
		const { id, token } = await createToken(owner, 'All-powerful?', { scope: 'read write' });
		const api = bearer(token);
		const written = await server.db.auditEvent.count();
		const refused = [
			await api.post('/api/v1/me/tokens', { name: 'Minted by a token' }),
			await api.delete(`/api/v1/me/tokens/${id}`),
			await api.post('/api/v1/me/password', {
				currentPassword: PASSWORD,
				newPassword: 'a-new-password-from-a-token'
			}),
			await api.post('/api/v1/auth/logout')
		];
		for (const res of refused) {
			expect(res.status).toBe(403);
			expect(res.json.error.code).toBe('forbidden');
			expect(res.json.error.message).toMatch(/An access token cannot .*Sign in with your password/);
		}
		expect(await server.db.auditEvent.count()).toBe(written);
		expect((await api.get('/api/v1/me')).status).toBe(200);
		expect((await owner.get('/api/v1/me/tokens')).json.map((t: any) => t.name)).not.toContain(
			'Minted by a token'
		);
		expect((await signedIn(server.url, alpha.members.SECRETARIAT.email)).cookie).not.toBe('');
	});
});

describe('a password change', () => {
	it('revokes every token of that person, and only theirs', async () => {
		const owner = await signedIn(server.url, alpha.members.OBSERVER.email);
		const tokens = [
			await createToken(owner, 'First', { scope: 'read' }),
			await createToken(owner, 'Second')
		];
		const othersToken = await createToken(member, 'Someone else’s');
		for (const { token } of tokens)
			expect((await bearer(token).get('/api/v1/me')).status).toBe(200);
		const newPassword = 'observer-new-password-2026';
		const res = await owner.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword });
		expect(res.status).toBe(204);
		for (const { token } of tokens)
			expect((await bearer(token).get('/api/v1/me')).status).toBe(401);
		expect((await owner.get('/api/v1/me/tokens')).json).toEqual([]);
		expect((await bearer(othersToken.token).get('/api/v1/me')).status).toBe(200);
		const event = await server.db.auditEvent.findFirstOrThrow({
			where: { action: 'password_changed', entityId: alpha.members.OBSERVER.userId }
		});
		expect(event.detail).toEqual({ tokensRevoked: 2 });
	});
});
