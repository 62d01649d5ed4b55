import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyNode } from '../../src/lib/server/structure/index.ts';
import { SECTORS } from '../../src/lib/vocabulary.ts';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { allBodies, auditCounter, snapshot } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let admin: Client;
beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
	admin = await signedIn(server.url, fx.members.ADMIN.email);
});
afterAll(() => server?.stop());

const P = '/api/v1/partnerships/alpha';
const structure = async () => (await admin.get(`${P}/structure`)).json.bodies as BodyNode[];

/** Sends a request that must be refused, and checks that not one record changed. */
async function refused(method: string, path: string, body: unknown, status = 400) {
	const before = await snapshot(server.db);
	const res = await admin.request(method, path, body);
	expect(res.status, res.text).toBe(status);
	expect(await snapshot(server.db)).toEqual(before);
	return res.json.error;
}

describe('the structure', () => {
	it('is a tree: the board at the root, the theme group under it, the forum under that', async () => {
		const roots = await structure();
		const board = roots.find((b) => b.id === fx.bodies.board.id)!;
		expect(board).toMatchObject({ kind: 'BOARD', quorum: 3 });
		const theme = board.children.find((b) => b.id === fx.bodies.theme.id)!;
		expect(theme.lead).toEqual({
			id: fx.organisations.health.id,
			name: fx.organisations.health.name,
			sector: 'HEALTH'
		});
		expect(theme.children.map((b) => b.id)).toEqual([fx.bodies.forum.id]);
	});

	it('shows each seat with its holder’s organisation and sector', async () => {
		const board = (await structure()).find((b) => b.id === fx.bodies.board.id)!;
		expect(board.seats[0]).toMatchObject({
			seatId: fx.seat.id,
			role: 'CHAIR',
			membershipId: fx.members.MEMBER.membershipId,
			name: 'member of alpha',
			organisation: { id: fx.organisations.council.id, sector: 'COUNCIL' }
		});
		const seats = allBodies(await structure()).flatMap((b) => b.seats);
		for (const seat of seats) expect(Object.keys(SECTORS)).toContain(seat.organisation.sector);
	});

	it('lists bodies with id, name, kind, parentId and leadOrganisationId', async () => {
		const res = await admin.get(`${P}/bodies`);
		expect(res.json).toContainEqual(
			expect.objectContaining({
				id: fx.bodies.theme.id,
				name: 'alpha health theme group',
				kind: 'THEME_GROUP',
				parentId: fx.bodies.board.id,
				leadOrganisationId: fx.organisations.health.id
			})
		);
	});
});

describe('editing the structure with bad input answers 400 field by field and changes nothing', () => {
	it('a blank name', async () => {
		const error = await refused('POST', `${P}/bodies`, { name: '   ', kind: 'BOARD' });
		expect(error.code).toBe('validation_failed');
		expect(error.fields).toEqual({ name: 'Enter the body’s name' });
	});

	it('an unknown sector', async () => {
		const error = await refused('POST', `${P}/organisations`, {
			name: 'Ministry',
			sector: 'MINISTRY'
		});
		expect(Object.keys(error.fields)).toEqual(['sector']);
	});

	it('a theme group without a lead partner', async () => {
		const body = { name: 'Economy', kind: 'THEME_GROUP', parentId: fx.bodies.board.id };
		expect((await refused('POST', `${P}/bodies`, body)).fields).toHaveProperty(
			'leadOrganisationId'
		);
		const cleared = { leadOrganisationId: null };
		const error = await refused('PATCH', `${P}/bodies/${fx.bodies.theme.id}`, cleared);
		expect(Object.keys(error.fields)).toEqual(['leadOrganisationId']);
	});

	it.each([
		['itself', () => fx.bodies.board.id],
		['a body below it', () => fx.bodies.forum.id]
	])('a parent that would make a cycle (%s)', async (_, parentId) => {
		const error = await refused('PATCH', `${P}/bodies/${fx.bodies.board.id}`, {
			parentId: parentId()
		});
		expect(Object.keys(error.fields)).toEqual(['parentId']);
	});

	it('a parent or a lead partner from another partnership', async () => {
		const foreignLead = {
			name: 'Borrowed lead',
			kind: 'THEME_GROUP',
			leadOrganisationId: other.organisations.health.id
		};
		expect((await refused('POST', `${P}/bodies`, foreignLead)).fields).toEqual({
			leadOrganisationId: 'Choose one of this partnership’s organisations'
		});
		const foreignParent = { name: 'Adopted', kind: 'OTHER', parentId: other.bodies.board.id };
		expect(Object.keys((await refused('POST', `${P}/bodies`, foreignParent)).fields)).toEqual([
			'parentId'
		]);
	});

	it.each([0, 201, 2.5, 'many', -1])('a quorum out of range (%s)', async (quorum) => {
		const error = await refused('PATCH', `${P}/bodies/${fx.bodies.board.id}`, { quorum });
		expect(error.fields).toEqual({ quorum: 'The quorum must be a whole number from 1 to 200' });
	});

	it('a duplicate name, for a body or an organisation', async () => {
		const body = { name: fx.bodies.forum.name, kind: 'LOCALITY_FORUM' };
		expect(Object.keys((await refused('POST', `${P}/bodies`, body)).fields)).toEqual(['name']);
		const rename = { name: fx.bodies.board.name };
		const error = await refused('PATCH', `${P}/bodies/${fx.bodies.forum.id}`, rename);
		expect(Object.keys(error.fields)).toEqual(['name']);
		const org = { name: fx.organisations.tsi.name, sector: 'THIRD_SECTOR' };
		expect(Object.keys((await refused('POST', `${P}/organisations`, org)).fields)).toEqual([
			'name'
		]);
	});

	it('several mistakes at once, each named', async () => {
		const error = await refused('POST', `${P}/bodies`, { name: '', kind: 'CASTLE', quorum: 0 });
		expect(Object.keys(error.fields).sort()).toEqual(['kind', 'name', 'quorum']);
	});

	it('a body that is not JSON', async () => {
		const error = await refused('POST', `${P}/bodies`, '{"name": "Broken",');
		expect(error.code).toBe('validation_failed');
	});

	// 600 KiB is also past adapter-node's own 512K limit: the answer must still be the API's JSON error.
	it.each([65, 600])('a body over 64 KiB (%i KiB) answers 413', async (kib) => {
		const huge = { name: 'Huge', kind: 'OTHER', remit: 'x'.repeat(kib * 1024) };
		expect((await refused('POST', `${P}/bodies`, huge, 413)).code).toBe('too_large');
	});
});

describe('a change that succeeds', () => {
	it('writes exactly one audit event, by the signed-in admin, whatever actor the body claims', async () => {
		const written = await auditCounter(server.db);
		const res = await admin.post(`${P}/bodies`, {
			name: 'Children and young people',
			kind: 'THEME_GROUP',
			parentId: fx.bodies.board.id,
			leadOrganisationId: fx.organisations.council.id,
			quorum: 4,
			actorUserId: fx.members.OBSERVER.userId,
			userId: fx.members.OBSERVER.userId
		});
		expect(res.status).toBe(201);
		expect(await written()).toBe(1);
		const event = await server.db.auditEvent.findFirstOrThrow({ where: { entityId: res.json.id } });
		expect(event).toMatchObject({
			actorUserId: fx.members.ADMIN.userId,
			partnershipId: fx.partnership.id,
			action: 'created',
			entity: 'Body'
		});
		expect(JSON.stringify(event.detail)).not.toContain(fx.members.OBSERVER.userId);
		const stored = await server.db.body.findUniqueOrThrow({ where: { id: res.json.id } });
		expect(stored).toMatchObject({ quorum: 4, leadOrganisationId: fx.organisations.council.id });
	});

	it('changing an organisation is audited once too', async () => {
		const written = await auditCounter(server.db);
		const path = `${P}/organisations/${fx.organisations.community.id}`;
		const res = await admin.patch(path, { statutory: true, userId: fx.members.MEMBER.userId });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ statutory: true, sector: 'COMMUNITY' });
		expect(await written()).toBe(1);
		const event = await server.db.auditEvent.findFirstOrThrow({
			where: { entityId: fx.organisations.community.id, action: 'updated' }
		});
		expect(event.actorUserId).toBe(fx.members.ADMIN.userId);
	});
});

describe('admins', () => {
	it('the last admin cannot be demoted (409)', async () => {
		const path = `${P}/members/${fx.members.ADMIN.membershipId}`;
		const error = await refused('PATCH', path, { role: 'MEMBER' }, 409);
		expect(error.code).toBe('conflict');
	});

	it('with a second admin, an admin can be demoted', async () => {
		const path = `${P}/members/${fx.members.REVIEWER.membershipId}`;
		expect((await admin.patch(path, { role: 'ADMIN' })).json.role).toBe('ADMIN');
		expect((await admin.patch(path, { role: 'REVIEWER' })).json.role).toBe('REVIEWER');
	});
});

describe('seats', () => {
	const seats = (bodyId: string) => `${P}/bodies/${bodyId}/seats`;

	it('a member already seated on the body cannot get a second seat (409)', async () => {
		const seat = { membershipId: fx.members.MEMBER.membershipId, role: 'MEMBER' };
		expect((await refused('POST', seats(fx.bodies.board.id), seat, 409)).code).toBe('conflict');
	});

	it('a body cannot have a second chair (409)', async () => {
		const seat = { membershipId: fx.members.OBSERVER.membershipId, role: 'CHAIR' };
		expect((await refused('POST', seats(fx.bodies.board.id), seat, 409)).code).toBe('conflict');
	});

	it('an unknown seat role is a 400 naming the field', async () => {
		const seat = { membershipId: fx.members.OBSERVER.membershipId, role: 'KING' };
		const error = await refused('POST', seats(fx.bodies.board.id), seat);
		expect(Object.keys(error.fields)).toEqual(['role']);
	});

	it('ending a seat keeps the row with endedAt; it leaves the structure and can be seated again', async () => {
		const seat = { membershipId: fx.members.SECRETARIAT.membershipId, role: 'ADVISER' };
		const added = await admin.post(seats(fx.bodies.forum.id), seat);
		expect(added.status).toBe(201);
		expect(added.json).toMatchObject({ bodyId: fx.bodies.forum.id, role: 'ADVISER' });
		const { id } = added.json;

		expect((await admin.delete(`${P}/seats/${id}`)).status).toBe(204);
		const row = await server.db.bodySeat.findUniqueOrThrow({ where: { id } });
		expect(row.endedAt).toBeInstanceOf(Date);
		const forum = allBodies(await structure()).find((b) => b.id === fx.bodies.forum.id)!;
		expect(forum.seats.map((s) => s.seatId)).not.toContain(id);
		expect((await admin.delete(`${P}/seats/${id}`)).status).toBe(404);
		expect((await admin.post(seats(fx.bodies.forum.id), seat)).status).toBe(201);
	});
});
