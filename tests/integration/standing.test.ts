// Elected members apart: each membership records the person's standing (elected member, officer of a
// partner, community representative, other). Invitations and member changes take it; a standing not in
// the list is refused; the review's participation measures split an organisation's elected members from
// its officers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { newId, seat } from '../support/record.ts';
import { snapshot } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let admin: Client;
let reviewer: Client;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'stand');
	admin = await signedIn(server.url, fx.members.ADMIN.email);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
});
afterAll(() => server?.stop());

const members = '/api/v1/partnerships/stand/members';

describe('a member’s standing', () => {
	it('is taken by an invitation and by a change to the member', async () => {
		const invited = await admin.post('/api/v1/partnerships/stand/invitations', {
			email: 'councillor@example.org',
			name: 'Cllr New',
			role: 'MEMBER',
			organisationId: fx.organisations.council.id,
			standing: 'ELECTED_MEMBER'
		});
		expect(invited.status, invited.text).toBe(201);
		const row = await server.db.invitation.findUniqueOrThrow({
			where: { id: invited.json.invitation.id }
		});
		expect(row.standing).toBe('ELECTED_MEMBER');

		const changed = await admin.patch(`${members}/${fx.members.MEMBER.membershipId}`, {
			standing: 'ELECTED_MEMBER'
		});
		expect(changed.status, changed.text).toBe(200);
		expect(changed.json.standing).toBe('ELECTED_MEMBER');
		const page = await admin.get(`/p/stand/members/${fx.members.MEMBER.membershipId}`);
		expect(page.text).toContain('Elected member');
	});

	it('not in the list is refused, and nothing changes', async () => {
		const before = await snapshot(server.db);
		const bad = await admin.patch(`${members}/${fx.members.MEMBER.membershipId}`, {
			standing: 'COUNCILLOR'
		});
		expect(bad.status).toBe(400);
		expect(bad.json.error.fields.standing).toContain('Choose their standing');
		const badInvite = await admin.post('/api/v1/partnerships/stand/invitations', {
			email: 'someone@example.org',
			name: 'Someone',
			role: 'MEMBER',
			organisationId: fx.organisations.council.id,
			standing: 'MAYOR'
		});
		expect(Object.keys(badInvite.json.error.fields)).toEqual(['standing']);
		expect(await snapshot(server.db)).toEqual(before);
	});
});

describe('the review’s participation measures', () => {
	it('split a council’s elected member from its officer', async () => {
		// The fixture's members are all of the council: MEMBER is made an elected member above; the
		// secretariat's officer is made an officer here. Both sit on the board and speak.
		await server.db.membership.update({
			where: { id: fx.members.SECRETARIAT.membershipId },
			data: { standing: 'OFFICER' }
		});
		await seat(server.db, fx.bodies.board.id, fx.members.MEMBER.membershipId, 'CHAIR');
		await seat(server.db, fx.bodies.board.id, fx.members.SECRETARIAT.membershipId);
		const start = new Date('2026-03-05T09:30:00Z');
		const meeting = await server.db.meeting.create({
			data: {
				partnershipId: fx.partnership.id,
				bodyId: fx.bodies.board.id,
				title: 'Board',
				startsAt: start,
				status: 'CLOSED',
				startedAt: start,
				closedAt: new Date(start.getTime() + 3600_000),
				createdById: fx.members.SECRETARIAT.userId
			}
		});
		const item = await server.db.agendaItem.create({
			data: { id: newId(), meetingId: meeting.id, order: 1, title: 'Budget', purpose: 'DECISION' }
		});
		const speaks = async (membershipId: string, offset: number, seconds: number) =>
			server.db.contribution.create({
				data: {
					meetingId: meeting.id,
					agendaItemId: item.id,
					membershipId,
					type: 'CONTRIBUTION',
					requestedById: fx.members.SECRETARIAT.userId,
					startedAt: new Date(start.getTime() + offset * 1000),
					endedAt: new Date(start.getTime() + (offset + seconds) * 1000)
				}
			});
		await speaks(fx.members.MEMBER.membershipId, 0, 90);
		await speaks(fx.members.SECRETARIAT.membershipId, 100, 30);
		await speaks(fx.members.MEMBER.membershipId, 200, 60);
		for (const membershipId of [
			fx.members.MEMBER.membershipId,
			fx.members.SECRETARIAT.membershipId
		])
			await server.db.attendance.create({
				data: {
					meetingId: meeting.id,
					membershipId,
					status: 'PRESENT',
					recordedById: fx.members.SECRETARIAT.userId
				}
			});

		const review = await reviewer.get(`/api/v1/meetings/${meeting.id}/review`);
		expect(review.status, review.text).toBe(200);
		const { byStanding, byOrganisationAndStanding } = review.json.participation;
		expect(byStanding).toEqual([
			expect.objectContaining({ standing: 'ELECTED_MEMBER', turns: 2, seconds: 150, seats: 1 }),
			expect.objectContaining({ standing: 'OFFICER', turns: 1, seconds: 30, seats: 1 })
		]);
		expect(byStanding[0].timeShare).toBeCloseTo(150 / 180);
		expect(
			byOrganisationAndStanding.map(
				(r: { organisation: string; standing: string; turns: number }) => [
					r.organisation,
					r.standing,
					r.turns
				]
			)
		).toEqual([
			[fx.organisations.council.name, 'ELECTED_MEMBER', 2],
			[fx.organisations.council.name, 'OFFICER', 1]
		]);
		const csv = await reviewer.get(`/api/v1/meetings/${meeting.id}/review/measures.csv`);
		expect(csv.text).toContain(
			`byOrganisationAndStanding.turns,${fx.organisations.council.name} / Elected member,2`
		);
		const page = await reviewer.get(`/p/stand/meetings/${meeting.id}/review`);
		expect(page.text).toContain('Elected members and officers');
	});
});
