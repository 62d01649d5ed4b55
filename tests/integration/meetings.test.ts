import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRole } from '../../src/lib/vocabulary.ts';
import type { Client } from '../support/client.ts';
import { makePartnership, ROLES, type Fixture } from '../support/factories.ts';
import { makeMeeting } from '../support/meetings.ts';
import { makeItem } from '../support/record.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
const as = {} as Record<PartnershipRole, Client>;
let outsider: Client;
beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
	for (const role of ROLES) as[role] = await signedIn(server.url, fx.members[role].email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
});
afterAll(() => server?.stop());

const meetingsOf = (bodyId: string) => `/api/v1/bodies/${bodyId}/meetings`;
const good = {
	title: 'Board meeting',
	startsAt: '2026-07-02T10:00',
	durationMinutes: 90,
	place: 'Council chambers',
	onlineLink: 'https://meet.example.org/board'
};
const meetingRows = () => server.db.meeting.findMany({ orderBy: { id: 'asc' } });

describe('scheduling a meeting', () => {
	it.each(['SECRETARIAT', 'ADMIN'] as const)('a %s schedules one: 201, audited', async (role) => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await as[role].post(meetingsOf(fx.bodies.theme.id), good);
		expect(res.status, res.text).toBe(201);
		expect(res.json).toEqual({
			id: expect.stringMatching(/^[a-z0-9]{20,32}$/),
			bodyId: fx.bodies.theme.id,
			title: 'Board meeting',
			// 10:00 in London in July is 09:00 UTC (British Summer Time)
			startsAt: '2026-07-02T09:00:00.000Z',
			status: 'DRAFT',
			durationMinutes: 90,
			place: 'Council chambers',
			onlineLink: 'https://meet.example.org/board',
			// held by the theme group alone
			jointBodyIds: []
		});
		expect(await written()).toBe(1);
		const event = await server.db.auditEvent.findFirst({ where: { entityId: res.json.id } });
		expect(event).toMatchObject({ action: 'scheduled', entity: 'Meeting' });
	});

	it('takes winter times as GMT, ISO times with their offset, and fills in defaults', async () => {
		const winter = await as.SECRETARIAT.post(meetingsOf(fx.bodies.board.id), {
			title: 'Winter',
			startsAt: '2026-01-15T18:30'
		});
		expect(winter.json).toMatchObject({
			startsAt: '2026-01-15T18:30:00.000Z',
			durationMinutes: 120,
			place: '',
			onlineLink: ''
		});
		const iso = await as.SECRETARIAT.post(meetingsOf(fx.bodies.board.id), {
			title: 'Offset',
			startsAt: '2026-03-05T14:30:00+01:00'
		});
		expect(iso.json.startsAt).toBe('2026-03-05T13:30:00.000Z');
	});

	it.each(['MEMBER', 'REVIEWER', 'OBSERVER'] as const)(
		'a %s may not: 403, nothing written',
		async (role) => {
			const before = await meetingRows();
			const res = await as[role].post(meetingsOf(fx.bodies.board.id), good);
			expect(res.status).toBe(403);
			expect(res.json.error.code).toBe('forbidden');
			expect(await meetingRows()).toEqual(before);
		}
	);

	it.each([
		['a blank title', { title: '  ' }, { title: 'Enter the meeting’s title' }],
		['no start', { startsAt: undefined }, { startsAt: expect.stringMatching(/^Enter the date/) }],
		['a start that is not a time', { startsAt: 'next Tuesday' }, { startsAt: expect.any(String) }],
		['31 February', { startsAt: '2026-02-31T10:00' }, { startsAt: expect.any(String) }],
		[
			'a length of 5 minutes',
			{ durationMinutes: 5 },
			{ durationMinutes: 'The length in minutes must be a whole number from 15 to 720' }
		],
		[
			'an online link that is not a web address',
			{ onlineLink: 'javascript:alert(1)' },
			{ onlineLink: 'Enter the online link as a full web address starting with https://' }
		]
	])('%s → 400 with the field named, nothing written', async (_, change, fields) => {
		const before = await meetingRows();
		const written = await auditCounter(server.db);
		const res = await as.SECRETARIAT.post(meetingsOf(fx.bodies.board.id), { ...good, ...change });
		expect(res.status).toBe(400);
		expect(res.json.error.code).toBe('validation_failed');
		expect(res.json.error.fields).toEqual(fields);
		expect(await meetingRows()).toEqual(before);
		expect(await written()).toBe(0);
	});

	it('a body of another partnership does not exist for the caller: 404, nothing written', async () => {
		const before = await meetingRows();
		const res = await outsider.post(meetingsOf(fx.bodies.board.id), good);
		expect(res.status).toBe(404);
		expect(await meetingRows()).toEqual(before);
	});
});

describe('listing and reading meetings', () => {
	it('lists a body’s meetings soonest first, to everyone in the partnership', async () => {
		const body = fx.bodies.forum.id;
		await as.SECRETARIAT.post(meetingsOf(body), { title: 'Later', startsAt: '2026-09-01T18:00' });
		await as.SECRETARIAT.post(meetingsOf(body), { title: 'Sooner', startsAt: '2026-08-01T18:00' });
		const res = await as.OBSERVER.get(meetingsOf(body));
		expect(res.status).toBe(200);
		expect(res.json.map((m: { title: string }) => m.title)).toEqual(['Sooner', 'Later']);
		expect((await outsider.get(meetingsOf(body))).status).toBe(404);
	});

	it('gives a meeting with its items, document names and the caller’s access', async () => {
		const meeting = await makeMeeting(server.db, fx);
		await server.db.agendaItem.create({
			data: {
				id: 'agendaitem0000000000001',
				meetingId: meeting.id,
				order: 1,
				title: 'Budget',
				purpose: 'DECISION',
				minutes: 20,
				presenterOrganisationId: fx.organisations.council.id
			}
		});
		const res = await as.MEMBER.get(`/api/v1/meetings/${meeting.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			id: meeting.id,
			bodyId: fx.bodies.board.id,
			title: 'Partnership board',
			startsAt: '2026-06-04T09:30:00.000Z',
			status: 'DRAFT',
			durationMinutes: 120,
			place: '',
			onlineLink: '',
			jointBodyIds: [],
			agendaIssuedAt: null,
			startedAt: null,
			closedAt: null,
			cancelledAt: null,
			cancelReason: '',
			currentItemId: null,
			currentItemAt: null,
			// the member holds a seat on the board
			access: 'write',
			items: [
				{
					id: 'agendaitem0000000000001',
					order: 1,
					title: 'Budget',
					purpose: 'DECISION',
					presenterOrganisationId: fx.organisations.council.id,
					minutes: 20,
					private: false,
					withdrawn: false
				}
			],
			documents: {
				agenda: `meeting:${meeting.id}:agenda`,
				evidence: `meeting:${meeting.id}:evidence`,
				decisions: `meeting:${meeting.id}:decisions`,
				minutes: `meeting:${meeting.id}:minutes`
			}
		});
		for (const role of ['OBSERVER', 'REVIEWER'] as const)
			expect((await as[role].get(`/api/v1/meetings/${meeting.id}`)).json.access).toBe('read');
		expect((await as.SECRETARIAT.get(`/api/v1/meetings/${meeting.id}`)).json.access).toBe('write');
	});

	it('a meeting of another partnership, or none at all, is 404', async () => {
		const theirs = await makeMeeting(server.db, other);
		expect((await as.ADMIN.get(`/api/v1/meetings/${theirs.id}`)).status).toBe(404);
		expect((await as.ADMIN.get(`/api/v1/meetings/${'z'.repeat(24)}`)).status).toBe(404);
	});
});

describe('issuing the agenda', () => {
	it('moves a draft to agenda issued once; a second time is 409', async () => {
		const meeting = await makeMeeting(server.db, fx);
		await makeItem(server.db, meeting.id, 'Budget');
		const path = `/api/v1/meetings/${meeting.id}/issue`;
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await as.SECRETARIAT.post(path);
		expect(res.status, res.text).toBe(200);
		expect(res.json.status).toBe('AGENDA_ISSUED');
		expect(Date.parse(res.json.agendaIssuedAt)).toBeGreaterThan(Date.now() - 60_000);
		expect(await written()).toBe(1);

		const again = await as.ADMIN.post(path);
		expect(again.status).toBe(409);
		expect(again.json.error.code).toBe('conflict');
		expect(await written()).toBe(1);
	});

	it('refuses an agenda with no items unless told to send it empty, and then changes nothing', async () => {
		const meeting = await makeMeeting(server.db, fx);
		const path = `/api/v1/meetings/${meeting.id}/issue`;
		const seated = new Set(
			(
				await server.db.bodySeat.findMany({
					where: { bodyId: meeting.bodyId, endedAt: null },
					select: { membership: { select: { userId: true } } }
				})
			).map((s) => s.membership.userId)
		).size;
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const notified = () =>
			server.db.notification.count({ where: { link: { contains: meeting.id } } });

		const refused = await as.SECRETARIAT.post(path);
		expect(refused.status).toBe(400);
		expect(refused.json.error.fields.issueEmpty).toBe(
			`The agenda has no items. Issuing it would notify ${seated} ${seated === 1 ? 'person' : 'people'} of an empty agenda: add the items first, or confirm that it should go out empty.`
		);
		expect((await server.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe(
			'DRAFT'
		);
		expect(await written()).toBe(0);
		expect(await notified()).toBe(0);

		const issued = await as.SECRETARIAT.post(path, { issueEmpty: true });
		expect(issued.status, issued.text).toBe(200);
		expect(issued.json.status).toBe('AGENDA_ISSUED');
		expect(await written()).toBe(1);
		expect(await notified()).toBe(seated);
	});

	it.each(['IN_PROGRESS', 'CLOSED', 'MINUTES_APPROVED'] as const)(
		'from %s is 409',
		async (status) => {
			const meeting = await makeMeeting(server.db, fx);
			await server.db.meeting.update({ where: { id: meeting.id }, data: { status } });
			expect(
				(await as.SECRETARIAT.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true }))
					.status
			).toBe(409);
		}
	);

	it('is the secretariat’s job: a seated member gets 403; another partnership gets 404', async () => {
		const meeting = await makeMeeting(server.db, fx);
		const path = `/api/v1/meetings/${meeting.id}/issue`;
		expect((await as.MEMBER.post(path)).status).toBe(403);
		expect((await outsider.post(path)).status).toBe(404);
		expect((await server.db.meeting.findUnique({ where: { id: meeting.id } }))!.status).toBe(
			'DRAFT'
		);
	});
});
