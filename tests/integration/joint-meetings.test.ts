// Joint meetings: a theme group and a forum hold one meeting. Members of both are seated, each body's quorum
// is computed from its own seats, and a decision records the bodies that took it, refused when a named body
// is not quorate. Single-body meetings are covered, unchanged, by decisions.test.ts and meeting-floor.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { readCalendar } from '../support/ics.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, makeLiveMeeting, markPresent, seat, storeWording } from '../support/record.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let officer: Client;
let chair: Client;
let forumMember: Client;
let stranger: Client;
let themeSeats: string[];
let forumSeats: string[];
let forumMemberId: string;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'joint');
	other = await makePartnership(server.db, 'jointother');
	await server.db.body.update({ where: { id: fx.bodies.theme.id }, data: { quorum: 2 } });
	await server.db.body.update({ where: { id: fx.bodies.forum.id }, data: { quorum: 2 } });
	await seat(server.db, fx.bodies.theme.id, fx.members.MEMBER.membershipId, 'CHAIR');
	const theme = await makeMemberOf(server.db, fx, 'health');
	await seat(server.db, fx.bodies.theme.id, theme.membershipId);
	themeSeats = [fx.members.MEMBER.membershipId, theme.membershipId];
	const forum = [
		await makeMemberOf(server.db, fx, 'tsi'),
		await makeMemberOf(server.db, fx, 'tsi'),
		await makeMemberOf(server.db, fx, 'health')
	];
	for (const p of forum) await seat(server.db, fx.bodies.forum.id, p.membershipId);
	forumSeats = forum.map((p) => p.membershipId);
	forumMemberId = forum[0].membershipId;
	const outsider = await makeMemberOf(server.db, fx, 'health');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	forumMember = await signedIn(server.url, forum[0].email);
	stranger = await signedIn(server.url, outsider.email);
});
afterAll(() => server?.stop());

const schedule = (body = fx.bodies.theme.id) => `/api/v1/bodies/${body}/meetings`;
const base = { title: 'Joint meeting on healthy travel', startsAt: '2026-09-10T18:00:00Z' };

async function jointLive() {
	const meeting = await makeLiveMeeting(server.db, fx, { bodyId: fx.bodies.theme.id });
	await server.db.meetingBody.create({
		data: { meetingId: meeting.id, bodyId: fx.bodies.forum.id }
	});
	return meeting;
}

describe('scheduling a joint meeting', () => {
	it('names the other bodies; the meeting is in both bodies’ lists', async () => {
		const res = await officer.post(schedule(), { ...base, jointBodyIds: [fx.bodies.forum.id] });
		expect(res.status, res.text).toBe(201);
		expect(res.json.jointBodyIds).toEqual([fx.bodies.forum.id]);
		const list = await forumMember.get(schedule(fx.bodies.forum.id));
		expect(list.json.map((m: { id: string }) => m.id)).toContain(res.json.id);
	});

	it('refuses the host itself, another partnership’s body and a non-id, changing nothing', async () => {
		const before = await server.db.meeting.count();
		for (const jointBodyIds of [
			[fx.bodies.theme.id],
			[other.bodies.forum.id],
			['not an id!'],
			'x'.repeat(300)
		]) {
			const res = await officer.post(schedule(), { ...base, jointBodyIds });
			expect(res.status, JSON.stringify(jointBodyIds)).toBe(400);
			expect(Object.keys(res.json.error.fields)).toContain('jointBodyIds');
		}
		expect(await server.db.meeting.count()).toBe(before);
	});
});

describe('the body page’s schedule form', () => {
	const form = (fields: [string, string][]) => {
		const data = new FormData();
		for (const [k, v] of fields) data.append(k, v);
		return data;
	};
	const post = (fields: [string, string][]) =>
		officer.request(
			'POST',
			`/p/${fx.partnership.slug}/bodies/${fx.bodies.theme.id}?/schedule`,
			form(fields),
			{ origin: server.url, accept: 'text/html' }
		);

	it('offers the other bodies, keeps the ticks when refused, and schedules with several', async () => {
		const refused = await post([
			['startsAt', '2026-09-10T18:00'],
			['jointBodyIds', fx.bodies.forum.id]
		]);
		expect(refused.status).toBe(400);
		expect(refused.text).toContain('Held jointly with (optional)');
		expect(refused.text).toMatch(new RegExp(`value="${fx.bodies.forum.id}"[^>]*checked`));
		expect(refused.text).not.toMatch(new RegExp(`value="${fx.bodies.board.id}"[^>]*checked`));
		const done = await post([
			['title', 'Joint planning evening'],
			['startsAt', '2026-09-10T18:00'],
			['jointBodyIds', fx.bodies.forum.id],
			['jointBodyIds', fx.bodies.board.id]
		]);
		expect(done.status, done.text.slice(0, 300)).toBe(303);
		const meeting = await server.db.meeting.findFirstOrThrow({
			where: { title: 'Joint planning evening' },
			include: { jointBodies: true }
		});
		expect(meeting.jointBodies.map((b) => b.bodyId).sort()).toEqual(
			[fx.bodies.forum.id, fx.bodies.board.id].sort()
		);
	});
});

describe('who is seated at a joint meeting', () => {
	it('an issued agenda tells the members of both bodies, in the app and by email', async () => {
		const made = await officer.post(schedule(), { ...base, jointBodyIds: [fx.bodies.forum.id] });
		expect(made.status, made.text).toBe(201);
		const issued = await officer.post(`/api/v1/meetings/${made.json.id}/issue`, {
			issueEmpty: true
		});
		expect(issued.status, issued.text).toBeLessThan(300);
		const forumUser = await server.db.membership.findUniqueOrThrow({
			where: { id: forumMemberId },
			select: { userId: true }
		});
		const link = `/p/${fx.partnership.slug}/meetings/${made.json.id}`;
		for (const userId of [fx.members.MEMBER.userId, forumUser.userId])
			expect(await server.db.notification.count({ where: { userId, link } })).toBe(1);
		expect(
			await server.db.outboundMail.count({
				where: { userId: forumUser.userId, subject: { contains: base.title } }
			})
		).toBeGreaterThan(0);
	});

	it('a forum member takes part at the theme group’s joint meeting; a member of neither does not', async () => {
		const meeting = await jointLive();
		const own = await forumMember.post(`/api/v1/meetings/${meeting.id}/attendance`, {
			status: 'PRESENT'
		});
		expect(own.status, own.text).toBe(200);
		const refused = await stranger.post(`/api/v1/meetings/${meeting.id}/attendance`, {
			status: 'PRESENT'
		});
		expect(refused.status).toBe(403);
		const roll = await forumMember.get(`/api/v1/meetings/${meeting.id}/attendance`);
		const ids = roll.json.roll.map((e: { membershipId: string }) => e.membershipId);
		for (const id of [...themeSeats, ...forumSeats]) expect(ids).toContain(id);
		expect(
			await server.db.attendance.count({
				where: { meetingId: meeting.id, membershipId: forumMemberId }
			})
		).toBe(1);
	});
});

describe('changing the bodies holding a meeting before it starts', () => {
	const change = (meetingId: string, bodyId: string, how: 'ADD' | 'REMOVE', who = officer) =>
		who.post(`/api/v1/meetings/${meetingId}/joint-bodies`, { bodyId, change: how });

	it('adds a body once the agenda is out: its members seated and sent the agenda, no one else again', async () => {
		const made = await officer.post(schedule(), { ...base, title: 'Theme group on cycling' });
		expect(made.status, made.text).toBe(201);
		const id = made.json.id;
		const issued = await officer.post(`/api/v1/meetings/${id}/issue`, { issueEmpty: true });
		expect(issued.status, issued.text).toBe(200);
		const link = `/p/${fx.partnership.slug}/meetings/${id}`;
		const forumUser = await server.db.membership.findUniqueOrThrow({
			where: { id: forumMemberId },
			select: { userId: true }
		});
		const mails = (userId: string) =>
			server.db.outboundMail.count({
				where: { userId, subject: { contains: 'Theme group on cycling' } }
			});
		const chairMails = await mails(fx.members.MEMBER.userId);
		expect(await mails(forumUser.userId)).toBe(0);

		const res = await change(id, fx.bodies.forum.id, 'ADD');
		expect(res.status, res.text).toBe(200);
		expect(res.json.jointBodyIds).toEqual([fx.bodies.forum.id]);
		expect(await server.db.notification.count({ where: { userId: forumUser.userId, link } })).toBe(
			1
		);
		expect(await mails(forumUser.userId)).toBe(1);
		expect(
			await server.db.notification.count({ where: { userId: fx.members.MEMBER.userId, link } })
		).toBe(1);
		expect(await mails(fx.members.MEMBER.userId)).toBe(chairMails);
		const roll = await officer.get(`/api/v1/meetings/${id}/attendance`);
		const ids = roll.json.roll.map((e: { membershipId: string }) => e.membershipId);
		for (const seat of forumSeats) expect(ids).toContain(seat);
		const event = await server.db.auditEvent.findFirstOrThrow({
			where: { entityId: id, action: 'joint_body_added' }
		});
		expect(event.detail).toMatchObject({ bodyId: fx.bodies.forum.id, agendaSentTo: 3 });
		const page = await officer.get(link);
		expect(page.text).toContain('Bodies holding the meeting');
		expect(page.text).toContain(`Remove ${fx.bodies.forum.name}`);
	});

	it('removes a joint body; refuses the host, a body not holding it, another partnership’s and a started meeting', async () => {
		const made = await officer.post(schedule(), {
			...base,
			title: 'Joint walk planning',
			jointBodyIds: [fx.bodies.forum.id]
		});
		const id = made.json.id;
		expect((await change(id, fx.bodies.forum.id, 'REMOVE', chair)).status).toBe(403);
		const removed = await change(id, fx.bodies.forum.id, 'REMOVE');
		expect(removed.status, removed.text).toBe(200);
		expect(removed.json.jointBodyIds).toEqual([]);
		expect(
			await server.db.auditEvent.count({ where: { entityId: id, action: 'joint_body_removed' } })
		).toBe(1);
		const before = await server.db.auditEvent.count();
		for (const [bodyId, how] of [
			[fx.bodies.forum.id, 'REMOVE'],
			[fx.bodies.theme.id, 'ADD'],
			[other.bodies.forum.id, 'ADD']
		] as const) {
			const res = await change(id, bodyId, how);
			expect(res.status, res.text).toBe(400);
			expect(Object.keys(res.json.error.fields)).toEqual(['bodyId']);
		}
		const started = await jointLive();
		const late = await change(started.id, fx.bodies.board.id, 'ADD');
		expect(late.status, late.text).toBe(409);
		expect(late.json.error.message).toContain('before it starts');
		expect(await server.db.auditEvent.count()).toBe(before);
		expect(await server.db.meetingBody.count({ where: { meetingId: id } })).toBe(0);
	});

	it('removes a body once the agenda is out: those it brought are told and sent a cancellation of the same event', async () => {
		const made = await officer.post(schedule(), {
			...base,
			title: 'Joint bus stop audit',
			jointBodyIds: [fx.bodies.forum.id]
		});
		expect(made.status, made.text).toBe(201);
		const id = made.json.id;
		const issued = await officer.post(`/api/v1/meetings/${id}/issue`, { issueEmpty: true });
		expect(issued.status, issued.text).toBe(200);
		const forumUser = await server.db.membership.findUniqueOrThrow({
			where: { id: forumMemberId },
			select: { userId: true }
		});
		const mails = (userId: string) =>
			server.db.outboundMail.findMany({
				where: { userId, subject: { contains: 'Joint bus stop audit' } },
				orderBy: { createdAt: 'asc' }
			});
		const chairBefore = (await mails(fx.members.MEMBER.userId)).length;
		const [invitation] = await mails(forumUser.userId);
		const uid = /^UID:(.+)$/m.exec(invitation.ics!)![1];

		const removed = await change(id, fx.bodies.forum.id, 'REMOVE');
		expect(removed.status, removed.text).toBe(200);
		const forumMails = await mails(forumUser.userId);
		expect(forumMails).toHaveLength(2);
		const gone = forumMails[1];
		expect(gone.subject).toMatch(/^No longer invited: Joint bus stop audit/);
		expect(gone.text).toContain(`${fx.bodies.forum.name} no longer holds`);
		expect(gone.icsMethod).toBe('CANCEL');
		expect(gone.ics).toContain('METHOD:CANCEL');
		expect(/^UID:(.+)$/m.exec(gone.ics!)![1]).toBe(uid);
		const notes = await server.db.notification.findMany({
			where: { userId: forumUser.userId, link: `/p/${fx.partnership.slug}/meetings/${id}` },
			orderBy: { createdAt: 'asc' }
		});
		expect(notes.at(-1)?.message).toContain('no longer invited');
		// The theme group's members still go: nothing new for them, and the meeting is not cancelled.
		expect(await mails(fx.members.MEMBER.userId)).toHaveLength(chairBefore);
		expect(removed.json.status).toBe('AGENDA_ISSUED');
		const event = await server.db.auditEvent.findFirstOrThrow({
			where: { entityId: id, action: 'joint_body_removed' }
		});
		expect(event.detail).toMatchObject({ bodyId: fx.bodies.forum.id, noLongerInvited: 3 });
	});

	it('the meeting page’s form asks the officer to confirm sending the agenda, keeping the choice', async () => {
		const made = await officer.post(schedule(), { ...base, title: 'Theme group on parks' });
		const id = made.json.id;
		await officer.post(`/api/v1/meetings/${id}/issue`, { issueEmpty: true });
		const data = new FormData();
		for (const [k, v] of [
			['change', 'ADD'],
			['bodyId', fx.bodies.forum.id],
			['confirmSending', '1']
		])
			data.append(k, v);
		const refused = await officer.request(
			'POST',
			`/p/${fx.partnership.slug}/meetings/${id}?/jointBody`,
			data,
			{ origin: server.url, accept: 'text/html' }
		);
		expect(refused.status).toBe(400);
		expect(refused.text).toContain(
			'Tick the box to confirm that the body’s members are sent the agenda'
		);
		expect(refused.text).toMatch(new RegExp(`value="${fx.bodies.forum.id}"[^>]*selected`));
		expect(await server.db.meetingBody.count({ where: { meetingId: id } })).toBe(0);
	});
});

describe('a forum member’s own lists', () => {
	it('the private calendar feed includes a meeting their body holds jointly (the home page: home.test.ts)', async () => {
		const made = await officer.post(schedule(), {
			...base,
			title: 'Joint evening on play parks',
			startsAt: '2099-05-07T18:00:00Z',
			jointBodyIds: [fx.bodies.forum.id]
		});
		expect(made.status, made.text).toBe(201);
		const issued = await officer.post(`/api/v1/meetings/${made.json.id}/issue`, {
			issueEmpty: true
		});
		expect(issued.status, issued.text).toBe(200);
		const feed = await forumMember.post('/api/v1/me/calendar-feed');
		expect(feed.status, feed.text).toBe(201);
		const calendar = readCalendar(
			(await new Client(server.url).get(new URL(feed.json.url).pathname)).text
		);
		expect(calendar.events.map((e) => e.summary).join('\n')).toContain(
			'Joint evening on play parks'
		);
	});
});

describe('quorum and decisions per body', () => {
	it('shows each body’s quorum from its own seats', async () => {
		const meeting = await jointLive();
		await markPresent(
			server.db,
			meeting.id,
			[...themeSeats, forumSeats[0]],
			fx.members.SECRETARIAT.userId
		);
		const res = await officer.get(`/api/v1/meetings/${meeting.id}/attendance`);
		expect(res.json.bodies).toEqual([
			expect.objectContaining({
				bodyId: fx.bodies.theme.id,
				present: 2,
				seats: 2,
				rule: 2,
				met: true
			}),
			expect.objectContaining({
				bodyId: fx.bodies.forum.id,
				present: 1,
				seats: 3,
				rule: 2,
				met: false
			})
		]);
		expect(res.json.quorum.met).toBe(false);
		const page = await forumMember.get(`/p/${fx.partnership.slug}/meetings/${meeting.id}`);
		expect(page.text).toContain('Held jointly with');
		expect(page.text).toContain(`${fx.bodies.theme.name}: quorate, 2 of 2 present`);
		expect(page.text).toContain(`${fx.bodies.forum.name}: not quorate, 1 of 3 present`);
	});

	it('refuses a decision named for a body that is not quorate; by default the quorate body takes it', async () => {
		const meeting = await jointLive();
		const item = await makeItem(server.db, meeting.id, 'Safer routes to school');
		await markPresent(
			server.db,
			meeting.id,
			[...themeSeats, forumSeats[0]],
			fx.members.SECRETARIAT.userId
		);
		await storeWording(server.db, meeting.id, { [item.id]: 'Both bodies back safer routes.' });
		const path = `/api/v1/meetings/${meeting.id}/decisions`;
		const decide = { agendaItemId: item.id, outcome: 'AGREED', method: 'CONSENSUS' };
		const refused = await chair.post(path, {
			...decide,
			takenBy: [fx.bodies.theme.id, fx.bodies.forum.id]
		});
		expect(refused.status, refused.text).toBe(409);
		expect(refused.json.error.code).toBe('not_quorate');
		expect(await server.db.decision.count({ where: { agendaItemId: item.id } })).toBe(0);
		const done = await chair.post(path, decide);
		expect(done.status, done.text).toBe(201);
		const rows = await server.db.decisionBody.findMany({ where: { decisionId: done.json.id } });
		expect(rows.map((r) => r.bodyId)).toEqual([fx.bodies.theme.id]);
	});

	it('records a decision taken by both when both are quorate, append-only', async () => {
		const meeting = await jointLive();
		const item = await makeItem(server.db, meeting.id, 'Walking festival');
		await markPresent(
			server.db,
			meeting.id,
			[...themeSeats, ...forumSeats.slice(0, 2)],
			fx.members.SECRETARIAT.userId
		);
		await storeWording(server.db, meeting.id, {
			[item.id]: 'Both bodies hold a walking festival.'
		});
		const res = await chair.post(`/api/v1/meetings/${meeting.id}/decisions`, {
			agendaItemId: item.id,
			outcome: 'AGREED',
			method: 'CONSENSUS'
		});
		expect(res.status, res.text).toBe(201);
		const rows = await server.db.decisionBody.findMany({ where: { decisionId: res.json.id } });
		expect(rows.map((r) => r.bodyId).sort()).toEqual(
			[fx.bodies.theme.id, fx.bodies.forum.id].sort()
		);
		expect(rows.every((r) => r.quorate)).toBe(true);
		const detail = await forumMember.get(`/api/v1/decisions/${res.json.id}`);
		expect([...detail.json.takenBy].sort()).toEqual(
			[fx.bodies.theme.name, fx.bodies.forum.name].sort()
		);
		const page = await forumMember.get(`/p/${fx.partnership.slug}/decisions/${res.json.id}`);
		expect(page.text).toContain('Taken by');
		expect(page.text).toMatch(
			/Taken by<\/dt>\s*<dd>[^<]*health theme group and [^<]*|Taken by<\/dt>\s*<dd>[^<]*forum and /
		);
		await expect(
			server.db.decisionBody.deleteMany({ where: { decisionId: res.json.id } })
		).rejects.toThrow();
		// One of the forum's members leaves: amending now needs the chair's go-ahead without a quorum.
		const left = await officer.post(`/api/v1/meetings/${meeting.id}/attendance`, {
			membershipId: forumSeats[1],
			status: 'ABSENT'
		});
		expect(left.status, left.text).toBe(200);
		const amend = { outcome: 'AGREED', method: 'CONSENSUS' };
		const refused = await chair.post(`/api/v1/decisions/${res.json.id}/versions`, amend);
		expect(refused.status, refused.text).toBe(409);
		expect(refused.json.error.code).toBe('not_quorate');
		const confirmed = await chair.post(`/api/v1/decisions/${res.json.id}/versions`, {
			...amend,
			proceedWithoutQuorum: true
		});
		expect(confirmed.status, confirmed.text).toBe(201);
		expect(confirmed.json.quorate).toBe(false);
	});
});

describe('naming the bodies of a joint meeting everywhere', () => {
	it('the public pages, the decisions and actions CSVs, the printed pack and minutes say who held it and who took it', async () => {
		const meeting = await jointLive();
		await server.db.meeting.update({
			where: { id: meeting.id },
			data: { title: 'Joint evening on green spaces' }
		});
		const item = await makeItem(server.db, meeting.id, 'Community orchards');
		await markPresent(
			server.db,
			meeting.id,
			[...themeSeats, ...forumSeats.slice(0, 2)],
			fx.members.SECRETARIAT.userId
		);
		await storeWording(server.db, meeting.id, { [item.id]: 'Both bodies plant orchards.' });
		const decided = await chair.post(`/api/v1/meetings/${meeting.id}/decisions`, {
			agendaItemId: item.id,
			outcome: 'AGREED',
			method: 'CONSENSUS'
		});
		expect(decided.status, decided.text).toBe(201);
		const [theme, forum] = [fx.bodies.theme.name, fx.bodies.forum.name];
		const held = `Joint meeting of ${theme} and ${forum}`;
		const slug = fx.partnership.slug;

		const anyone = new Client(server.url);
		const list = await anyone.get(`/public/${slug}`);
		expect(list.text).toContain(held);
		const publicMeeting = await anyone.get(`/public/${slug}/meetings/${meeting.id}`);
		expect(publicMeeting.text).toContain(held);
		const publicDecisions = await anyone.get(
			`/public/${slug}/decisions?bodyId=${fx.bodies.forum.id}`
		);
		expect(publicDecisions.text).toContain('Both bodies plant orchards.');
		expect(publicDecisions.text).toContain(`Joint meeting, taken by ${theme} and ${forum}`);

		const csv = await forumMember.get(`/api/v1/partnerships/${slug}/decisions.csv`);
		const line = csv.text.split('\n').find((l) => l.startsWith(decided.json.id))!;
		expect(line).toContain(`,${theme},${theme} and ${forum},Joint evening on green spaces,`);
		const action = await server.db.action.create({
			data: {
				partnershipId: fx.partnership.id,
				bodyId: fx.bodies.theme.id,
				meetingId: meeting.id,
				decisionId: decided.json.id,
				text: 'Find three orchard sites',
				ownerOrganisationId: fx.organisations.health.id,
				status: 'OPEN',
				createdById: fx.members.SECRETARIAT.userId
			}
		});
		const actions = await forumMember.get(`/api/v1/partnerships/${slug}/actions.csv`);
		const actionLine = actions.text.split('\n').find((l) => l.startsWith(action.id))!;
		expect(actionLine).toContain(`,${theme},${theme} and ${forum},Joint evening on green spaces,`);

		const forumPage = await forumMember.get(`/p/${slug}/bodies/${fx.bodies.forum.id}`);
		expect(forumPage.text).toContain(held);
		const pack = await forumMember.get(`/p/${slug}/meetings/${meeting.id}/pack`);
		expect(pack.text).toContain(held);
		// Closed: the minutes are drafted from the record, naming the bodies that took the decision.
		const closed = await officer.post(`/api/v1/meetings/${meeting.id}/close`, {});
		expect(closed.status, closed.text).toBe(200);
		const minutes = await forumMember.get(`/p/${slug}/meetings/${meeting.id}/minutes`);
		expect(minutes.text).toContain(held);
		expect(minutes.text).toContain(`Taken by ${theme} and ${forum}.`);
	});
});
