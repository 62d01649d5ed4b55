// Attendance and quorum, declarations of interest, starting a meeting and moving between items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRole } from '../../src/lib/vocabulary.ts';
import type { Client } from '../support/client.ts';
import { makePartnership, ROLES, type Fixture } from '../support/factories.ts';
import { makeItem, makeSeated, setStatus } from '../support/floor.ts';
import { makeMeeting, makeMemberOf } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
const as = {} as Record<PartnershipRole, Client>;
type Person = Awaited<ReturnType<typeof makeSeated>> & { client: Client };
let health: Person;
let tsi: Person;
let community: Person;
let adviser: Person;
/** A colleague of the health board member with no seat of their own. */
let healthDeputy: Person;
let councilOfficer: Person;

const person = async (made: Awaited<ReturnType<typeof makeSeated>>): Promise<Person> => ({
	...made,
	client: await signedIn(server.url, made.email)
});

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
	for (const role of ROLES) as[role] = await signedIn(server.url, fx.members[role].email);
	health = await person(await makeSeated(server.db, fx, 'health'));
	tsi = await person(await makeSeated(server.db, fx, 'tsi'));
	community = await person(await makeSeated(server.db, fx, 'community'));
	adviser = await person(await makeSeated(server.db, fx, 'health', 'ADVISER'));
	healthDeputy = await person(await makeMemberOf(server.db, fx, 'health'));
	councilOfficer = await person(await makeMemberOf(server.db, fx, 'council'));
});
afterAll(() => server?.stop());

const chair = () => as.MEMBER;
const chairId = () => fx.members.MEMBER.membershipId;
const attendanceOf = (id: string) => `/api/v1/meetings/${id}/attendance`;
const declarationsOf = (id: string) => `/api/v1/meetings/${id}/declarations`;

async function issuedMeeting() {
	const meeting = await makeMeeting(server.db, fx, { status: 'AGENDA_ISSUED' });
	const first = await makeItem(server.db, meeting.id, 1);
	const second = await makeItem(server.db, meeting.id, 2);
	return { meeting, first, second };
}

const entryOf = (roll: { membershipId: string }[], membershipId: string) =>
	roll.find((entry) => entry.membershipId === membershipId) as Record<string, unknown>;

describe('attendance and the quorum', () => {
	it('is not met below the body’s rule and met at it', async () => {
		const { meeting } = await issuedMeeting();
		const present = (membershipId: string) =>
			as.SECRETARIAT.post(attendanceOf(meeting.id), { membershipId, status: 'PRESENT' });
		await present(chairId());
		const two = await present(health.membershipId);
		expect(two.status, two.text).toBe(200);
		expect(two.json.quorum).toEqual({ rule: 3, present: 2, met: false });
		const three = await present(tsi.membershipId);
		expect(three.json.quorum).toEqual({ rule: 3, present: 3, met: true });
		expect(entryOf(three.json.roll, tsi.membershipId)).toMatchObject({
			status: 'PRESENT',
			here: true,
			voting: true,
			seatRole: 'MEMBER',
			sector: 'THIRD_SECTOR',
			arrivedAt: expect.any(String)
		});
		const read = await as.OBSERVER.get(attendanceOf(meeting.id));
		expect(read.status).toBe(200);
		expect(read.json.quorum.met).toBe(true);
	});

	it('does not count an adviser', async () => {
		const { meeting } = await issuedMeeting();
		for (const id of [chairId(), health.membershipId, adviser.membershipId]) {
			await as.SECRETARIAT.post(attendanceOf(meeting.id), { membershipId: id, status: 'PRESENT' });
		}
		const res = await as.SECRETARIAT.get(attendanceOf(meeting.id));
		expect(res.json.quorum).toEqual({ rule: 3, present: 2, met: false });
		expect(entryOf(res.json.roll, adviser.membershipId)).toMatchObject({
			here: true,
			voting: false
		});
	});

	it('counts a substitute for the member they replace, who may then take part', async () => {
		const { meeting, first } = await issuedMeeting();
		const apologies = await health.client.post(attendanceOf(meeting.id), {
			status: 'APOLOGIES',
			substituteId: healthDeputy.membershipId
		});
		expect(apologies.status, apologies.text).toBe(200);
		expect(entryOf(apologies.json.roll, health.membershipId)).toMatchObject({
			status: 'APOLOGIES',
			substituteId: healthDeputy.membershipId,
			here: false
		});
		// Not seated and not yet standing in: they cannot act at the meeting.
		const early = await healthDeputy.client.post(declarationsOf(meeting.id), {
			agendaItemId: first.id,
			nature: 'Trustee of a local charity',
			action: 'REMAINED'
		});
		expect(early.status).toBe(403);

		for (const id of [chairId(), tsi.membershipId]) {
			await as.SECRETARIAT.post(attendanceOf(meeting.id), { membershipId: id, status: 'PRESENT' });
		}
		const sub = await as.SECRETARIAT.post(attendanceOf(meeting.id), {
			membershipId: healthDeputy.membershipId,
			status: 'SUBSTITUTE_FOR',
			substituteForId: health.membershipId
		});
		expect(sub.status, sub.text).toBe(200);
		expect(sub.json.quorum).toEqual({ rule: 3, present: 3, met: true });
		expect(entryOf(sub.json.roll, healthDeputy.membershipId)).toMatchObject({
			status: 'SUBSTITUTE_FOR',
			substituteForId: health.membershipId,
			seatRole: null,
			voting: true,
			here: true
		});
		const declared = await healthDeputy.client.post(declarationsOf(meeting.id), {
			agendaItemId: first.id,
			nature: 'Trustee of a local charity',
			action: 'REMAINED'
		});
		expect(declared.status, declared.text).toBe(201);
	});

	it('refuses apologies naming a substitute from another organisation: 400, nothing written', async () => {
		const { meeting } = await issuedMeeting();
		const written = await auditCounter(server.db);
		const res = await health.client.post(attendanceOf(meeting.id), {
			status: 'APOLOGIES',
			substituteId: councilOfficer.membershipId
		});
		expect(res.status).toBe(400);
		expect(res.json.error.fields.substituteId).toMatch(/same organisation/);
		const unknown = await health.client.post(attendanceOf(meeting.id), {
			status: 'APOLOGIES',
			substituteId: other.members.MEMBER.membershipId
		});
		expect(unknown.status).toBe(400);
		expect(unknown.json.error.fields).toHaveProperty('substituteId');
		expect(await written()).toBe(0);
		expect(await server.db.attendance.count({ where: { meetingId: meeting.id } })).toBe(0);
	});

	it('refuses a substitute for a member of another organisation, or for no one', async () => {
		const { meeting } = await issuedMeeting();
		const written = await auditCounter(server.db);
		const across = await as.SECRETARIAT.post(attendanceOf(meeting.id), {
			membershipId: councilOfficer.membershipId,
			status: 'SUBSTITUTE_FOR',
			substituteForId: health.membershipId
		});
		expect(across.status).toBe(400);
		expect(across.json.error.fields.substituteForId).toMatch(/same organisation/);
		const unseated = await as.SECRETARIAT.post(attendanceOf(meeting.id), {
			membershipId: healthDeputy.membershipId,
			status: 'SUBSTITUTE_FOR',
			substituteForId: councilOfficer.membershipId
		});
		expect(unseated.json.error.fields.substituteForId).toMatch(/seat on this body/);
		const none = await as.SECRETARIAT.post(attendanceOf(meeting.id), {
			membershipId: healthDeputy.membershipId,
			status: 'SUBSTITUTE_FOR'
		});
		expect(none.status).toBe(400);
		expect(none.json.error.fields).toHaveProperty('substituteForId');
		expect(await written()).toBe(0);
	});

	it('keeps the first arrival time and audits each change with before and after', async () => {
		const { meeting } = await issuedMeeting();
		const record = (status: string) =>
			as.SECRETARIAT.post(attendanceOf(meeting.id), { membershipId: tsi.membershipId, status });
		const first = entryOf((await record('PRESENT')).json.roll, tsi.membershipId);
		await record('ABSENT');
		const again = entryOf((await record('PRESENT')).json.roll, tsi.membershipId);
		expect(again.arrivedAt).toBe(first.arrivedAt);
		const events = await server.db.auditEvent.findMany({
			where: { action: 'attendance_recorded' },
			orderBy: { id: 'asc' }
		});
		const mine = events
			.map((e) => e.detail as Record<string, unknown>)
			.filter((d) => d.meetingId === meeting.id);
		expect(mine).toHaveLength(3);
		expect(mine[1]).toMatchObject({
			before: { status: 'PRESENT' },
			after: { status: 'ABSENT' }
		});
		expect(events.at(-1)!.actorUserId).toBe(fx.members.SECRETARIAT.userId);
	});

	it('lets a member record only their own attendance', async () => {
		const { meeting } = await issuedMeeting();
		const written = await auditCounter(server.db);
		const forOther = await health.client.post(attendanceOf(meeting.id), {
			membershipId: tsi.membershipId,
			status: 'APOLOGIES'
		});
		expect(forOther.status).toBe(403);
		const absent = await health.client.post(attendanceOf(meeting.id), { status: 'ABSENT' });
		expect(absent.status).toBe(403);
		const unseated = await as.REVIEWER.post(attendanceOf(meeting.id), { status: 'PRESENT' });
		expect(unseated.status).toBe(403);
		expect(await written()).toBe(0);
		const own = await health.client.post(attendanceOf(meeting.id), {
			membershipId: health.membershipId,
			status: 'PRESENT'
		});
		expect(own.status).toBe(200);
		const row = await server.db.attendance.findFirstOrThrow({
			where: { meetingId: meeting.id, membershipId: health.membershipId }
		});
		expect(row.recordedById).toBe(health.userId);
	});

	it.each(['DRAFT', 'CLOSED'] as const)(
		'is refused while the meeting is %s: 409',
		async (status) => {
			const { meeting } = await issuedMeeting();
			await setStatus(server.db, meeting.id, status);
			const written = await auditCounter(server.db);
			const res = await health.client.post(attendanceOf(meeting.id), { status: 'APOLOGIES' });
			expect(res.status).toBe(409);
			expect(res.json.error.message).toMatch(/agenda is issued and until the meeting closes/);
			expect(await written()).toBe(0);
		}
	);

	it('is accepted while the meeting is in progress', async () => {
		const { meeting } = await issuedMeeting();
		await setStatus(server.db, meeting.id, 'IN_PROGRESS');
		const res = await health.client.post(attendanceOf(meeting.id), { status: 'APOLOGIES' });
		expect(res.status).toBe(200);
	});

	it('is not found from another partnership', async () => {
		const { meeting } = await issuedMeeting();
		const outsider = await signedIn(server.url, other.members.ADMIN.email);
		expect((await outsider.get(attendanceOf(meeting.id))).status).toBe(404);
	});
});

describe('declarations of interest', () => {
	const good = (agendaItemId: string) => ({
		agendaItemId,
		nature: 'Board member of a housing association bidding for the contract',
		action: 'WITHDREW'
	});

	it('a seated member declares their own: 201 with who declared and who recorded it', async () => {
		const { meeting, first } = await issuedMeeting();
		const res = await health.client.post(declarationsOf(meeting.id), good(first.id));
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			meetingId: meeting.id,
			agendaItemId: first.id,
			agendaItemTitle: 'Item 1',
			membershipId: health.membershipId,
			organisationId: fx.organisations.health.id,
			organisationName: fx.organisations.health.name,
			nature: good(first.id).nature,
			action: 'WITHDREW',
			recordedById: health.userId,
			current: true
		});
	});

	it('recorded by the officer, declared by the member', async () => {
		const { meeting, first } = await issuedMeeting();
		const res = await as.SECRETARIAT.post(declarationsOf(meeting.id), {
			...good(first.id),
			membershipId: tsi.membershipId
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			membershipId: tsi.membershipId,
			organisationName: fx.organisations.tsi.name,
			recordedById: fx.members.SECRETARIAT.userId,
			recordedByName: 'secretariat of alpha'
		});
		const event = await server.db.auditEvent.findFirstOrThrow({ where: { entityId: res.json.id } });
		expect(event.actorUserId).toBe(fx.members.SECRETARIAT.userId);
	});

	it('a member naming someone else: 403, nothing written', async () => {
		const { meeting, first } = await issuedMeeting();
		const written = await auditCounter(server.db);
		const res = await health.client.post(declarationsOf(meeting.id), {
			...good(first.id),
			membershipId: tsi.membershipId
		});
		expect(res.status).toBe(403);
		expect(await written()).toBe(0);
	});

	it('needs the nature, an action, and an item on this meeting’s agenda: 400, nothing written', async () => {
		const { meeting, first } = await issuedMeeting();
		const elsewhere = await issuedMeeting();
		const withdrawn = await makeItem(server.db, meeting.id, 3, { withdrawn: true });
		const written = await auditCounter(server.db);
		const post = (body: object) => health.client.post(declarationsOf(meeting.id), body);

		const blank = await post({ ...good(first.id), nature: '  ' });
		expect(blank.status).toBe(400);
		expect(blank.json.error.fields.nature).toBe('Enter the nature of the interest');
		const noAction = await post({ agendaItemId: first.id, nature: 'Shareholder' });
		expect(noAction.json.error.fields).toHaveProperty('action');
		for (const agendaItemId of [elsewhere.first.id, withdrawn.id, 'a'.repeat(24), undefined]) {
			const res = await post({ ...good(first.id), agendaItemId });
			expect(res.status).toBe(400);
			expect(res.json.error.fields.agendaItemId).toBe('Choose an item on this meeting’s agenda');
		}
		expect(await written()).toBe(0);
		expect(await server.db.declaration.count({ where: { meetingId: meeting.id } })).toBe(0);
	});

	it('a later declaration supersedes the earlier; the history keeps both, unchanged', async () => {
		const { meeting, first } = await issuedMeeting();
		const earlier = await community.client.post(declarationsOf(meeting.id), good(first.id));
		const later = await community.client.post(declarationsOf(meeting.id), {
			...good(first.id),
			action: 'REMAINED'
		});
		const current = await as.OBSERVER.get(declarationsOf(meeting.id));
		expect(current.json.map((d: { id: string }) => d.id)).toEqual([later.json.id]);
		const history = await as.OBSERVER.get(`${declarationsOf(meeting.id)}?history=true`);
		expect(history.json).toMatchObject([
			{ id: earlier.json.id, action: 'WITHDREW', current: false },
			{ id: later.json.id, action: 'REMAINED', current: true }
		]);
		await expect(
			server.db.declaration.update({ where: { id: earlier.json.id }, data: { nature: 'changed' } })
		).rejects.toThrow();
	});

	it.each(['DRAFT', 'CLOSED'] as const)(
		'is refused while the meeting is %s: 409',
		async (status) => {
			const { meeting, first } = await issuedMeeting();
			await setStatus(server.db, meeting.id, status);
			const res = await health.client.post(declarationsOf(meeting.id), good(first.id));
			expect(res.status).toBe(409);
		}
	);
});

describe('starting the meeting and the current item', () => {
	const start = (client: Client, id: string) => client.post(`/api/v1/meetings/${id}/start`);
	const setItem = (client: Client, id: string, agendaItemId: unknown) =>
		client.post(`/api/v1/meetings/${id}/current-item`, { agendaItemId });

	it('the chair starts it at the first item still on the agenda; a second start is refused', async () => {
		const meeting = await makeMeeting(server.db, fx, { status: 'AGENDA_ISSUED' });
		await makeItem(server.db, meeting.id, 1, { withdrawn: true });
		const second = await makeItem(server.db, meeting.id, 2);
		const res = await start(chair(), meeting.id);
		expect(res.status, res.text).toBe(200);
		expect(res.json).toMatchObject({
			status: 'IN_PROGRESS',
			startedAt: expect.any(String),
			closedAt: null,
			currentItemId: second.id,
			currentItemAt: res.json.startedAt
		});
		const written = await auditCounter(server.db);
		const again = await start(as.SECRETARIAT, meeting.id);
		expect(again.status).toBe(409);
		expect(again.json.error.message).toMatch(/in progress/);
		expect(await written()).toBe(0);
	});

	it('a draft cannot be started (409); a member without the chair cannot start (403)', async () => {
		const draft = await makeMeeting(server.db, fx);
		expect((await start(as.SECRETARIAT, draft.id)).status).toBe(409);
		const { meeting } = await issuedMeeting();
		expect((await start(health.client, meeting.id)).status).toBe(403);
		expect((await start(as.REVIEWER, meeting.id)).status).toBe(403);
	});

	it('the chair moves to another item; its timer restarts', async () => {
		const { meeting, first, second } = await issuedMeeting();
		const started = await start(as.SECRETARIAT, meeting.id);
		expect(started.json.currentItemId).toBe(first.id);
		const moved = await setItem(chair(), meeting.id, second.id);
		expect(moved.status, moved.text).toBe(200);
		expect(moved.json.currentItemId).toBe(second.id);
		expect(moved.json.currentItemAt >= started.json.currentItemAt).toBe(true);
	});

	it('only to an item on this meeting’s agenda (400), only while in progress (409)', async () => {
		const { meeting } = await issuedMeeting();
		const elsewhere = await issuedMeeting();
		const gone = await makeItem(server.db, meeting.id, 5, { withdrawn: true });
		expect((await setItem(chair(), meeting.id, elsewhere.first.id)).status).toBe(409);
		await start(chair(), meeting.id);
		const written = await auditCounter(server.db);
		for (const id of [elsewhere.first.id, gone.id, 'nonsense']) {
			const res = await setItem(chair(), meeting.id, id);
			expect(res.status).toBe(400);
			expect(res.json.error.fields.agendaItemId).toBe('Choose an item on this meeting’s agenda');
		}
		expect((await setItem(health.client, meeting.id, gone.id)).status).toBe(403);
		expect(await written()).toBe(0);
	});
});
