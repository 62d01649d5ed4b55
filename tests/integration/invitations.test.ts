import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { domainOn } from '../support/domain.ts';
import { makePartnership, PASSWORD, type Fixture } from '../support/factories.ts';
import { signedIn, withCookie } from '../support/people.ts';
import { snapshot } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

const DAY = 24 * 60 * 60 * 1000;
const NEW_PASSWORD = 'my-own-password-2026';

let server: TestServer;
let alpha: Fixture;
let beta: Fixture;
let admin: Client;
let officer: Client;
let domain: Awaited<ReturnType<typeof domainOn>>;
beforeAll(async () => {
	server = await startServer();
	alpha = await makePartnership(server.db, 'alpha');
	beta = await makePartnership(server.db, 'beta');
	admin = await signedIn(server.url, alpha.members.ADMIN.email);
	officer = await signedIn(server.url, alpha.members.SECRETARIAT.email);
	domain = await domainOn(server.dataDir);
});
afterAll(async () => {
	await domain?.disconnect();
	await server?.stop();
});

const INVITATIONS = '/api/v1/partnerships/alpha/invitations';
const person = (email: string, more: Record<string, unknown> = {}) => ({
	email,
	name: 'New Person',
	role: 'MEMBER',
	organisationId: alpha.organisations.tsi.id,
	...more
});
async function invite(body: Record<string, unknown>, by = admin): Promise<string> {
	const res = await by.post(INVITATIONS, body);
	expect(res.status).toBe(201);
	return res.json.token;
}

describe('inviting someone to a partnership', () => {
	it('an admin invites: 201 with a one-time token and its path; only a hash is stored', async () => {
		const res = await admin.post(INVITATIONS, person('Rhona@Example.org', { title: 'Analyst' }));
		expect(res.status).toBe(201);
		const { invitation, token, path } = res.json;
		expect(path).toBe(`/invitations/${token}`);
		expect(invitation).toMatchObject({
			email: 'rhona@example.org',
			role: 'MEMBER',
			organisationName: alpha.organisations.tsi.name,
			invitedBy: 'admin of alpha'
		});
		expect(new Date(invitation.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY);
		const row = await server.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
		expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
		expect(JSON.stringify(row)).not.toContain(token);
		const listed = await admin.get(INVITATIONS);
		expect(listed.json.map((i: any) => i.id)).toContain(invitation.id);
		expect(listed.text).not.toContain(token);
	});

	it('an admin may invite another admin', async () => {
		await invite(person('second.admin@example.org', { role: 'ADMIN' }));
	});

	it('an officer (secretariat) can invite a member but not an admin', async () => {
		await invite(person('by.officer@example.org'), officer);
		const before = await snapshot(server.db);
		const res = await officer.post(
			INVITATIONS,
			person('admin.by.officer@example.org', { role: 'ADMIN' })
		);
		expect(res.status).toBe(403);
		expect(res.json.error.code).toBe('forbidden');
		expect(await snapshot(server.db)).toEqual(before);
	});

	it.each(['MEMBER', 'REVIEWER', 'OBSERVER'] as const)('a %s cannot invite (403)', async (role) => {
		const client = await signedIn(server.url, alpha.members[role].email);
		const before = await snapshot(server.db);
		const res = await client.post(INVITATIONS, person(`by.${role.toLowerCase()}@example.org`));
		expect(res.status).toBe(403);
		expect((await client.get(INVITATIONS)).status).toBe(403);
		expect(await snapshot(server.db)).toEqual(before);
	});

	it.each([
		['an invalid email', { email: 'not-an-email' }, 'email'],
		['an organisation of another partnership', { organisationId: 'beta' }, 'organisationId'],
		['an unknown role', { role: 'EMPEROR' }, 'role'],
		['no name', { name: '' }, 'name'],
		['someone already a member', { email: 'member@alpha.test' }, 'email']
	])('with %s answers 400 naming the field, and writes nothing', async (_, change, field) => {
		const body = person('someone@example.org', change);
		if (body.organisationId === 'beta') body.organisationId = beta.organisations.tsi.id;
		const before = await snapshot(server.db);
		const res = await admin.post(INVITATIONS, body);
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields)).toEqual([field]);
		expect(await snapshot(server.db)).toEqual(before);
	});

	it('can be revoked before it is used, and then is no longer listed', async () => {
		const res = await admin.post(INVITATIONS, person('to.revoke@example.org'));
		const { id } = res.json.invitation;
		expect((await officer.delete(`${INVITATIONS}/${id}`)).status).toBe(204);
		expect((await admin.get(INVITATIONS)).json.map((i: any) => i.id)).not.toContain(id);
		expect((await admin.delete(`${INVITATIONS}/${id}`)).status).toBe(404);
	});
});

describe('accepting an invitation', () => {
	it('creates the account, the membership with the invited role and organisation, and a session', async () => {
		const email = 'newcomer@example.org';
		const token = await invite(
			person(email, {
				role: 'REVIEWER',
				title: 'Researcher',
				capacity: 'FROM_SECTOR',
				standing: 'COMMUNITY_REPRESENTATIVE'
			})
		);
		expect(await domain.describeInvitation(token)).toEqual({
			partnershipName: 'alpha partnership',
			partnershipSlug: 'alpha',
			email,
			name: 'New Person',
			role: 'REVIEWER',
			organisationName: alpha.organisations.tsi.name,
			hasAccount: false
		});
		const accepted = await domain.acceptInvitation(null, token, {
			name: 'Nina Newcomer',
			password: NEW_PASSWORD
		});
		expect(accepted.partnershipSlug).toBe('alpha');
		const user = await server.db.user.findUniqueOrThrow({ where: { email } });
		expect(user.name).toBe('Nina Newcomer');
		const membership = await server.db.membership.findFirstOrThrow({ where: { userId: user.id } });
		expect(membership).toMatchObject({
			partnershipId: alpha.partnership.id,
			organisationId: alpha.organisations.tsi.id,
			role: 'REVIEWER',
			title: 'Researcher',
			capacity: 'FROM_SECTOR',
			standing: 'COMMUNITY_REPRESENTATIVE'
		});
		const browser = withCookie(server.url, `session=${accepted.session!.token}`);
		const me = await browser.get('/api/v1/me');
		expect(me.status).toBe(200);
		expect(me.json.memberships.map((m: any) => [m.partnership.slug, m.role])).toEqual([
			['alpha', 'REVIEWER']
		]);
		await signedIn(server.url, email, NEW_PASSWORD);
	});

	it('works once: a second use is a Conflict (409) and changes nothing', async () => {
		const token = await invite(person('twice@example.org'));
		await domain.acceptInvitation(null, token, { name: 'Twice', password: NEW_PASSWORD });
		const before = await snapshot(server.db);
		await expect(
			domain.acceptInvitation(null, token, { name: 'Again', password: NEW_PASSWORD })
		).rejects.toMatchObject({ status: 409, code: 'conflict' });
		await expect(domain.describeInvitation(token)).rejects.toMatchObject({ status: 409 });
		expect(await snapshot(server.db)).toEqual(before);
	});

	it('needs a name and a password of at least 12 characters, and writes nothing without them', async () => {
		const token = await invite(person('incomplete@example.org'));
		const before = await snapshot(server.db);
		await expect(domain.acceptInvitation(null, token, {})).rejects.toMatchObject({
			status: 400,
			fields: { name: expect.any(String), password: expect.any(String) }
		});
		await expect(
			domain.acceptInvitation(null, token, { name: 'Short', password: 'too-short' })
		).rejects.toMatchObject({ status: 400, fields: { password: expect.any(String) } });
		expect(await snapshot(server.db)).toEqual(before);
	});

	it('that has expired is a Conflict, and creates no account', async () => {
		const email = 'late@example.org';
		const token = await invite(person(email));
		await server.db.invitation.updateMany({
			where: { email },
			data: { expiresAt: new Date(Date.now() - 1000) }
		});
		await expect(
			domain.acceptInvitation(null, token, { name: 'Late', password: NEW_PASSWORD })
		).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/expired/) });
		expect(await server.db.user.count({ where: { email } })).toBe(0);
	});

	it('that was revoked is NotFound', async () => {
		const res = await admin.post(INVITATIONS, person('withdrawn@example.org'));
		await admin.delete(`${INVITATIONS}/${res.json.invitation.id}`);
		await expect(
			domain.acceptInvitation(null, res.json.token, { name: 'W', password: NEW_PASSWORD })
		).rejects.toMatchObject({ status: 404, code: 'not_found' });
	});

	it('is replaced by a newer invitation for the same person', async () => {
		const email = 'reinvited@example.org';
		const first = await invite(person(email, { role: 'OBSERVER' }));
		const second = await invite(person(email, { role: 'MEMBER' }), officer);
		const open = (await admin.get(INVITATIONS)).json.filter((i: any) => i.email === email);
		expect(open.map((i: any) => i.role)).toEqual(['MEMBER']);
		await expect(domain.describeInvitation(first)).rejects.toMatchObject({ status: 404 });
		await domain.acceptInvitation(null, second, { name: 'Re', password: NEW_PASSWORD });
		const user = await server.db.user.findUniqueOrThrow({ where: { email } });
		const membership = await server.db.membership.findFirstOrThrow({ where: { userId: user.id } });
		expect(membership.role).toBe('MEMBER');
	});

	it('for someone with an account needs them signed in as that email; they gain a second partnership', async () => {
		const { email, userId } = beta.members.OBSERVER;
		const token = await invite(person(email, { role: 'MEMBER' }));
		expect((await domain.describeInvitation(token)).hasAccount).toBe(true);
		await expect(domain.acceptInvitation(null, token, {})).rejects.toMatchObject({ status: 403 });
		const someoneElse = await domain.actorOf(admin.cookie);
		await expect(domain.acceptInvitation(someoneElse, token, {})).rejects.toMatchObject({
			status: 403
		});
		expect(await server.db.membership.count({ where: { userId } })).toBe(1);

		const browser = await signedIn(server.url, email);
		const accepted = await domain.acceptInvitation(await domain.actorOf(browser.cookie), token, {});
		expect(accepted).toEqual({ partnershipSlug: 'alpha', session: undefined });
		const partnerships = await browser.get('/api/v1/partnerships');
		expect(partnerships.json.map((p: any) => [p.slug, p.role])).toEqual([
			['alpha', 'MEMBER'],
			['beta', 'OBSERVER']
		]);
		expect((await browser.get('/api/v1/partnerships/alpha/structure')).status).toBe(200);
		await signedIn(server.url, email, PASSWORD);
	});

	it('for a new email cannot be accepted by someone signed in as another person', async () => {
		const token = await invite(person('fresh@example.org'));
		const actor = await domain.actorOf(officer.cookie);
		await expect(
			domain.acceptInvitation(actor, token, { name: 'Fresh', password: NEW_PASSWORD })
		).rejects.toMatchObject({ status: 403 });
		expect(await server.db.user.count({ where: { email: 'fresh@example.org' } })).toBe(0);
	});
});
