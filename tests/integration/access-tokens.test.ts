import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

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

async function createToken(client: Client, name: string): Promise<{ id: string; token: string }> {
	const res = await client.post('/api/v1/me/tokens', { name });
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
		expect(Object.keys(listed).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);
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
