// One partner's account from the record: its seats, attendance over the last year meeting by meeting, the
// actions it owns and the challenges it made and received; for every member, never another partnership's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let observer: Client;
let outsider: Client;

const DAY = 86_400_000;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
	const db = server.db;
	// The health board's member sits on the board from two years ago.
	const nhs = await makeMemberOf(db, fx, 'health');
	await db.membership.update({
		where: { id: nhs.membershipId },
		data: { delegatedAuthority: true, authorityNote: 'Up to £50,000' }
	});
	await db.bodySeat.create({
		data: {
			bodyId: fx.bodies.board.id,
			membershipId: nhs.membershipId,
			role: 'VICE_CHAIR',
			createdAt: new Date(Date.now() - 730 * DAY)
		}
	});
	// Three board meetings in the last year, present at one, apologies at one; one more two years ago.
	const meeting = (daysAgo: number) =>
		db.meeting.create({
			data: {
				partnershipId: fx.partnership.id,
				bodyId: fx.bodies.board.id,
				title: `Board, ${daysAgo} days ago`,
				startsAt: new Date(Date.now() - daysAgo * DAY),
				status: 'CLOSED',
				createdById: fx.members.SECRETARIAT.userId
			}
		});
	const [a, b] = [await meeting(30), await meeting(120)];
	await meeting(200);
	await meeting(500);
	const attend = (meetingId: string, status: 'PRESENT' | 'APOLOGIES') =>
		db.attendance.create({
			data: {
				meetingId,
				membershipId: nhs.membershipId,
				status,
				recordedById: fx.members.SECRETARIAT.userId
			}
		});
	await attend(a.id, 'PRESENT');
	await attend(b.id, 'APOLOGIES');
	const item = await db.agendaItem.create({
		data: {
			id: 'accountitem00000000001',
			meetingId: a.id,
			order: 1,
			title: 'Winter plan',
			purpose: 'DECISION'
		}
	});
	await db.challenge.create({
		data: {
			meetingId: a.id,
			agendaItemId: item.id,
			raisedByMembershipId: fx.members.MEMBER.membershipId,
			directedToOrganisationId: fx.organisations.health.id,
			target: 'REPORT',
			kind: 'EVIDENCE',
			text: 'Where do the waiting figures come from?',
			recordedById: fx.members.SECRETARIAT.userId
		}
	});
});
afterAll(() => server?.stop());

const account = (who: Client, organisationId = fx.organisations.health.id) =>
	who.get(`/api/v1/partnerships/alpha/organisations/${organisationId}/account`);

describe('a partner’s account', () => {
	it('shows its seats, and its attendance over the last twelve months meeting by meeting', async () => {
		const res = await account(observer);
		expect(res.status, res.text).toBe(200);
		expect(res.json.seats).toEqual([
			expect.objectContaining({
				bodyName: 'alpha board',
				role: 'VICE_CHAIR',
				delegatedAuthority: true,
				authorityNote: 'Up to £50,000'
			})
		]);
		// The meeting two years ago is not counted.
		expect(res.json.attendance.meetings.map((m: { title: string }) => m.title)).toEqual([
			'Board, 30 days ago',
			'Board, 120 days ago',
			'Board, 200 days ago'
		]);
		expect(res.json.attendance.meetings[1].apologies).toHaveLength(1);
		expect(res.json.attendance).toMatchObject({ attended: 1, rate: 1 / 3 });
		expect(res.json.challenges).toEqual({ made: 0, received: 1 });
		// The council's members made it.
		expect((await account(observer, fx.organisations.council.id)).json.challenges.made).toBe(1);
	});

	it('the partner writes its annual statement; each save is a new version, the latest shown', async () => {
		const council = await signedIn(server.url, fx.members.MEMBER.email);
		const write = (body: Record<string, unknown>, who: Client = council) =>
			who.post(
				`/api/v1/partnerships/alpha/organisations/${fx.organisations.council.id}/statements`,
				body
			);
		const before = await server.db.partnerStatement.count();
		expect((await write({ year: 2026, text: 'Ours' }, observer)).status).toBe(403);
		const bad = await write({ year: 1999, text: ' ' });
		expect(Object.keys(bad.json.error.fields).sort()).toEqual(['text', 'year']);
		expect(await server.db.partnerStatement.count()).toBe(before);

		expect((await write({ year: 2026, text: 'First draft.' })).json.version).toBe(1);
		const second = await write({
			year: '2026',
			text: 'The plan’s outcomes are in our corporate plan.'
		});
		expect(second.status, second.text).toBe(201);
		expect(second.json).toMatchObject({ year: 2026, version: 2, writtenBy: 'member of alpha' });
		await write({ year: 2025, text: 'Last year’s.' });
		const statements = (await account(observer, fx.organisations.council.id)).json.statements;
		expect(
			statements.map((st: { year: number; version: number }) => [st.year, st.version])
		).toEqual([
			[2026, 2],
			[2025, 1]
		]);
		await expect(server.db.partnerStatement.deleteMany({})).rejects.toThrow(/append-only/);
	});

	it('is not found for another partnership, or under another partnership’s address', async () => {
		expect((await account(outsider)).status).toBe(404);
		expect((await account(observer, other.organisations.health.id)).status).toBe(404);
	});
});
