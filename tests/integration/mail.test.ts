// Email through a real SMTP server in the test process: each kind the workspace sends, its calendar invitation
// read as a calendar program would (UK time with the right offset in summer and winter, one UID across an
// update and the cancellation), the daily digest, one-click unsubscribe, retries after the server refuses,
// the private calendar feed, and (on a second server without SMTP_URL) the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeSeated } from '../support/floor.ts';
import { readCalendar } from '../support/ics.ts';
import { arrangePriority } from '../support/forum-responses.ts';
import { makeMeeting, makeRestrictedPaper } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { priorityInput, seatedMember, step } from '../support/priorities.ts';
import { makeItem, makeLiveMeeting, markPresent, storeWording } from '../support/record.ts';
import { startServer, type TestServer } from '../support/server.ts';
import {
	eventually,
	startSmtp,
	type Received,
	type TestSmtp,
	mailTo as mailToSmtp
} from '../support/smtp.ts';

let smtp: TestSmtp;
let server: TestServer;
let fx: Fixture;
let officer: Client;
let admin: Client;
let health: Awaited<ReturnType<typeof makeSeated>> & { client: Client };
let chairEmail: string;

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({
		env: {
			SMTP_URL: smtp.url,
			MAIL_POLL_MS: '50',
			MAIL_RETRY_BASE_MS: '100'
		}
	});
	fx = await makePartnership(server.db, 'alpha');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	admin = await signedIn(server.url, fx.members.ADMIN.email);
	chairEmail = fx.members.MEMBER.email; // the fixture's board chair (council)
	const seated = await makeSeated(server.db, fx, 'health');
	health = { ...seated, client: await signedIn(server.url, seated.email) };
});
afterAll(async () => {
	await server?.stop();
	await smtp?.close();
});

const mailTo = (email: string, subject: RegExp) => mailToSmtp(smtp, email, subject);

async function issuedMeeting(title: string, startsAt: Date) {
	const meeting = await makeMeeting(server.db, fx, { title });
	await server.db.meeting.update({ where: { id: meeting.id }, data: { startsAt } });
	const res = await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true });
	expect(res.status, res.text).toBe(200);
	return meeting;
}

describe('an agenda issued', () => {
	let summer: { id: string };
	let forHealth: Received;
	let forChair: Received;

	beforeAll(async () => {
		const meeting = await makeMeeting(server.db, fx, { title: 'Board, June' });
		await makeRestrictedPaper(server.db, meeting.id, [fx.organisations.health.id]);
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true });
		expect(res.status, res.text).toBe(200);
		summer = meeting;
		forHealth = await mailTo(health.email, /^Agenda for Board, June/);
		forChair = await mailTo(chairEmail, /^Agenda for Board, June/);
	});

	it('reaches everyone seated, naming a restricted paper only to those who may see it', () => {
		expect(forHealth.text).toContain('The agenda for Board, June');
		expect(forHealth.text).toContain('Restricted paper');
		expect(forChair.text).not.toContain('Restricted paper');
		expect(forChair.text).toContain('a paper restricted to named partners');
		expect(forChair.text).toContain(`/p/alpha/meetings/${summer.id}`);
	});

	it('carries an invitation in UK summer time (BST, UTC+1) with the meeting’s UID', () => {
		const calendar = readCalendar(forHealth.ics!);
		expect(calendar.method).toBe('REQUEST');
		const [event] = calendar.events;
		expect(event.uid).toBe(`meeting-${summer.id}@localhost`);
		expect(event.sequence).toBe(0);
		expect(event.tzid).toBe('Europe/London');
		expect(event.local).toBe('2026-06-04T10:30:00');
		expect(event.offsetMinutes).toBe(60);
		expect(event.start.toISOString()).toBe('2026-06-04T09:30:00.000Z');
	});

	it('a winter meeting is in GMT (UTC+0)', async () => {
		const winter = await issuedMeeting('Board, December', new Date('2026-12-03T10:00:00Z'));
		const mail = await mailTo(health.email, /^Agenda for Board, December/);
		const [event] = readCalendar(mail.ics!).events;
		expect(event.uid).toBe(`meeting-${winter.id}@localhost`);
		expect(event.local).toBe('2026-12-03T10:00:00');
		expect(event.offsetMinutes).toBe(0);
		expect(event.start.toISOString()).toBe('2026-12-03T10:00:00.000Z');
	});

	it('an update keeps the UID with a higher SEQUENCE; a cancellation is METHOD:CANCEL of the same UID', async () => {
		// The composers alone, called as a command would (the commands that move and cancel a meeting are
		// tested through the API in meeting-changes.test.ts).
		const { domainOn } = await import('../support/domain.ts');
		const { disconnect } = await domainOn(server.dataDir);
		const notify = await import('../../src/lib/server/notify/index.ts');
		const { transaction } = await import('../../src/lib/server/platform/index.ts');
		await transaction((tx) => notify.mailAgendaIssued(tx, summer.id, 'alpha'));
		const updated = await mailTo(health.email, /^Updated: agenda for Board, June/);
		const again = readCalendar(updated.ics!);
		expect(again.method).toBe('REQUEST');
		expect(again.events[0].uid).toBe(`meeting-${summer.id}@localhost`);
		expect(again.events[0].sequence).toBe(1);

		await transaction((tx) => notify.mailMeetingCancelled(tx, summer.id, 'alpha'));
		const cancelled = await mailTo(health.email, /^Cancelled: Board, June/);
		const cancel = readCalendar(cancelled.ics!);
		expect(cancel.method).toBe('CANCEL');
		expect(cancel.events[0].uid).toBe(`meeting-${summer.id}@localhost`);
		expect(cancel.events[0].sequence).toBe(2);
		expect(cancel.events[0].status).toBe('CANCELLED');
		await disconnect();
	});

	it('every email offers one-click unsubscribe for its kind (RFC 8058), which works by link and by POST', async () => {
		const link = /<([^>]+)>/.exec(forChair.header('list-unsubscribe') ?? '')![1];
		expect(forChair.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		expect(forChair.text).toContain(link);
		const path = new URL(link).pathname;

		const anonymous = new Client(server.url);
		const page = await anonymous.get(path);
		expect(page.status).toBe(200);
		expect(page.text).toContain('Stop these emails');
		expect(page.text).toContain('An agenda is issued');
		// Looking changes nothing.
		const chair = await signedIn(server.url, chairEmail);
		const mode = async () =>
			(await chair.get('/api/v1/me/mail-preferences')).json.find(
				(p: { kind: string }) => p.kind === 'agenda_issued'
			).mode;
		expect(await mode()).toBe('IMMEDIATE');

		// A mail program's one-click POST: form-encoded, from no site at all.
		const post = await anonymous.request('POST', path, 'List-Unsubscribe=One-Click', {
			'content-type': 'application/x-www-form-urlencoded'
		});
		expect(post.status, post.text).toBe(200);
		expect(await mode()).toBe('OFF');

		const before = smtp.received.length;
		await issuedMeeting('Board, July', new Date('2026-07-02T09:30:00Z'));
		await mailTo(health.email, /^Agenda for Board, July/);
		expect(
			smtp.received.slice(before).filter((m) => m.to === chairEmail && /July/.test(m.subject))
		).toHaveLength(0);

		const forged = path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
		expect((await anonymous.get(forged)).status).toBe(404);
	});
});

describe('a paper added late', () => {
	it('tells those seated, naming a restricted paper only to its organisations', async () => {
		const outsider = await makeSeated(server.db, fx, 'tsi');
		const meeting = await issuedMeeting('Board, August', new Date('2026-08-06T09:30:00Z'));
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/evidence`, {
			title: 'Safeguarding case review',
			kind: 'LIVED_EXPERIENCE',
			sourceOrganisationId: fx.organisations.health.id,
			allowedOrganisationIds: [fx.organisations.health.id]
		});
		expect(res.status, res.text).toBe(201);
		const seen = await mailTo(health.email, /added late to Board, August/);
		expect(seen.text).toContain('Safeguarding case review');
		// The officer who added it is from the council, which is named on it with health.
		const chairs = await mailTo(chairEmail, /added late to Board, August/);
		expect(chairs.text).toContain('Safeguarding case review');
		const theirs = await mailTo(outsider.email, /added late to Board, August/);
		expect(theirs.text).not.toContain('Safeguarding');
		expect(theirs.text).toContain('a paper restricted to named partners');

		// The admin (council) reads the outbox, but not the text naming the restricted paper.
		const outbox = await admin.get('/api/v1/partnerships/alpha/outbox');
		expect(outbox.status).toBe(200);
		const rows = outbox.json.filter((m: { subject: string }) => /Board, August/.test(m.subject));
		const healthRow = rows.find(
			(m: { to: string; kind: string }) => m.to === health.email && m.kind === 'paper_added_late'
		);
		expect(healthRow.text).toBeNull();
		expect(JSON.stringify(outbox.json)).not.toContain('Safeguarding');
		expect(rows.find((m: { to: string; kind: string }) => m.to === health.email).status).toMatch(
			/SENT|QUEUED/
		);
	});
});

describe('a priority’s steps', () => {
	it('the forum’s other members are told of each step', async () => {
		const raiser = await seatedMember(server.db, fx, fx.bodies.forum.id);
		const other = await seatedMember(server.db, fx, fx.bodies.forum.id);
		const client = await signedIn(server.url, raiser.email);
		const raised = await client.post(
			`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
			priorityInput({ title: 'Bus shelters on the ring road' })
		);
		expect(raised.status, raised.text).toBe(201);
		const moved = await step(client, raised.json.id, {
			type: 'SUBMITTED',
			toBodyId: fx.bodies.theme.id
		});
		expect(moved.status, moved.text).toBe(201);
		const mail = await mailTo(other.email, /Bus shelters on the ring road.*submitted/);
		expect(mail.text).toContain(`/p/alpha/priorities/${raised.json.id}`);
		expect(mail.text).toContain(fx.bodies.theme.name);
		// The person who took the step is not told of it.
		expect(smtp.received.some((m) => m.to === raiser.email && /Bus shelters/.test(m.subject))).toBe(
			false
		);
	});
});

describe('a response contested', () => {
	it('the secretariat is emailed the forum’s reason', async () => {
		const member = await seatedMember(server.db, fx, fx.bodies.forum.id);
		const priority = await arrangePriority(server.db, {
			partnershipId: fx.partnership.id,
			forumId: fx.bodies.forum.id,
			toBodyId: fx.bodies.board.id,
			recordedById: fx.members.SECRETARIAT.userId,
			title: 'Library opening hours',
			response: { status: 'PUBLISHED', text: 'opening hours' }
		});
		const feedback = await server.db.feedback.findFirstOrThrow({
			where: { priorityId: priority.id }
		});
		const client = await signedIn(server.url, member.email);
		const res = await client.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'Evenings were not looked at.'
		});
		expect(res.status, res.text).toBe(200);
		const mail = await mailTo(fx.members.SECRETARIAT.email, /Library opening hours/);
		expect(mail.text).toContain('contested the response to “Library opening hours”');
		expect(mail.text).toContain(`/p/alpha/priorities/${priority.id}`);
	});
});

describe('account email, always sent at once', () => {
	it('an invitation carries its link, which the outbox keeps from admins', async () => {
		const res = await officer.post('/api/v1/partnerships/alpha/invitations', {
			email: 'newcomer@example.org',
			name: 'Newcomer',
			role: 'MEMBER',
			organisationId: fx.organisations.tsi.id
		});
		expect(res.status, res.text).toBe(201);
		const mail = await mailTo('newcomer@example.org', /invited to join/);
		expect(mail.text).toContain(`/invitations/${res.json.token}`);
		expect(mail.header('list-unsubscribe')).toBeUndefined();
		const outbox = (await admin.get('/api/v1/partnerships/alpha/outbox')).json;
		const row = outbox.find((m: { to: string }) => m.to === 'newcomer@example.org');
		expect(row).toMatchObject({ kind: 'invitation', text: null });
		expect(JSON.stringify(outbox)).not.toContain(res.json.token);
	});

	it('a password change tells the person', async () => {
		const person = await makeSeated(server.db, fx, 'tsi');
		const client = await signedIn(server.url, person.email);
		const res = await client.post('/api/v1/me/password', {
			currentPassword: 'test-password-1234',
			newPassword: 'a-brand-new-password-2026'
		});
		expect(res.status, res.text).toBe(204);
		const mail = await mailTo(person.email, /password was changed/);
		expect(mail.text).toContain('If you did not change it');
	});
});

describe('an action assigned', () => {
	it('its named owner is emailed what it is and when it is due', async () => {
		const meeting = await makeLiveMeeting(server.db, fx, {
			startsAt: new Date('2026-06-04T09:30:00Z'),
			bodyId: fx.bodies.board.id
		});
		const item = await makeItem(server.db, meeting.id, 'Rural transport');
		await markPresent(
			server.db,
			meeting.id,
			[fx.members.MEMBER.membershipId],
			fx.members.SECRETARIAT.userId
		);
		await storeWording(server.db, meeting.id, { [item.id]: 'Fund the pilot.' });
		const decision = await officer.post(`/api/v1/meetings/${meeting.id}/decisions`, {
			agendaItemId: item.id,
			outcome: 'AGREED',
			method: 'CONSENSUS',
			proceedWithoutQuorum: true
		});
		expect(decision.status, decision.text).toBe(201);
		const res = await officer.post(`/api/v1/decisions/${decision.json.id}/actions`, {
			text: 'Report back on bus uptake',
			ownerOrganisationId: fx.organisations.health.id,
			ownerMembershipId: health.membershipId,
			dueOn: '2026-09-01'
		});
		expect(res.status, res.text).toBe(201);
		const mail = await mailTo(health.email, /^An action for you, due 1 Sept? 2026/);
		expect(mail.text).toContain('Report back on bus uptake');
		expect(mail.text).toContain(`/p/alpha/actions/${res.json.id}`);
	});
});

describe('preferences', () => {
	it('a daily digest gathers a person’s messages into one email', async () => {
		const person = await makeSeated(server.db, fx, 'community');
		const client = await signedIn(server.url, person.email);
		const set = await client.request('PUT', '/api/v1/me/mail-preferences', {
			agenda_issued: 'DIGEST'
		});
		expect(set.status, set.text).toBe(200);
		await issuedMeeting('Board, September', new Date('2026-09-03T09:30:00Z'));
		await issuedMeeting('Board, October', new Date('2026-10-01T09:30:00Z'));
		// The day's digest, as the sender loop runs it each morning.
		const { domainOn } = await import('../support/domain.ts');
		const { disconnect } = await domainOn(server.dataDir);
		const notify = await import('../../src/lib/server/notify/index.ts');
		expect(await notify.sendDigests()).toBeGreaterThanOrEqual(1);
		await disconnect();
		const digest = await eventually(
			() =>
				smtp.received.find(
					(m) =>
						m.to === person.email &&
						/daily digest/.test(m.subject) &&
						m.text.includes('Board, October')
				),
			'a digest with both agendas'
		);
		expect(digest.text).toContain('Board, September');
		expect(smtp.received.some((m) => m.to === person.email && /^Agenda for/.test(m.subject))).toBe(
			false
		);
	});

	it('security email cannot be turned off (400, nothing changed)', async () => {
		const res = await health.client.request('PUT', '/api/v1/me/mail-preferences', {
			password_changed: 'OFF',
			survey_open: 'OFF'
		});
		expect(res.status).toBe(400);
		expect(res.json.error.fields.password_changed).toMatch(/always sent/);
		const now = (await health.client.get('/api/v1/me/mail-preferences')).json;
		expect(now.find((p: { kind: string }) => p.kind === 'survey_open').mode).toBe('IMMEDIATE');
		expect(now.find((p: { kind: string }) => p.kind === 'password_changed')).toMatchObject({
			mode: 'IMMEDIATE',
			locked: true
		});
	});
});

describe('retries', () => {
	it('a refusing mail server delays the email, never the command; it is sent once accepted', async () => {
		smtp.refuse = true;
		const refusedBefore = smtp.refused;
		const meeting = await issuedMeeting('Board, November', new Date('2026-11-05T10:00:00Z'));
		const row = await eventually(
			async () =>
				(
					await server.db.outboundMail.findMany({
						where: { to: health.email, subject: { contains: 'Board, November' } }
					})
				).find((r) => r.attempts >= 2 && r.status === 'QUEUED' && r.lastError),
			'two refused attempts'
		);
		expect(smtp.refused).toBeGreaterThan(refusedBefore);
		expect(row.lastError).toMatch(/451|Try again/);
		smtp.refuse = false;
		await mailTo(health.email, /^Agenda for Board, November/);
		const sent = await eventually(
			() =>
				server.db.outboundMail
					.findUnique({ where: { id: row.id } })
					.then((r) => r?.status === 'SENT' && r),
			'the row marked sent'
		);
		expect(sent.attempts).toBeGreaterThanOrEqual(2);
		expect(sent.sentAt).not.toBeNull();
		expect(meeting.id).toBeTruthy();
	});
});

describe('the private calendar feed', () => {
	it('serves the person’s meetings at a secret address; a new address revokes the old', async () => {
		const made = await health.client.post('/api/v1/me/calendar-feed');
		expect(made.status, made.text).toBe(201);
		const path = new URL(made.json.url).pathname;
		const anonymous = new Client(server.url);
		const feed = await anonymous.get(path);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
		const calendar = readCalendar(feed.text);
		expect(calendar.method).toBe('PUBLISH');
		expect(calendar.events.map((e) => e.summary)).toContain(
			`Board, December (${fx.bodies.board.name})`
		);
		expect((await health.client.get('/api/v1/me/calendar-feed')).json.createdAt).toEqual(
			expect.any(String)
		);

		const renewed = await health.client.post('/api/v1/me/calendar-feed');
		expect((await anonymous.get(path)).status).toBe(404);
		expect((await anonymous.get(new URL(renewed.json.url).pathname)).status).toBe(200);
	});
});

describe('without SMTP_URL', () => {
	let plain: TestServer;
	afterAll(() => plain?.stop());

	it('email stays in the outbox: listed in the log and readable by an admin only', async () => {
		plain = await startServer({ env: { LOG_LEVEL: 'info', MAIL_POLL_MS: '50' } });
		const px = await makePartnership(plain.db, 'beta');
		const clerk = await signedIn(plain.url, px.members.SECRETARIAT.email);
		const meeting = await makeMeeting(plain.db, px, { title: 'Beta board' });
		expect(
			(await clerk.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true })).status
		).toBe(200);
		const chair = px.members.MEMBER.email;
		await eventually(
			() => plain.output().includes('kept in the outbox') && plain.output().includes(chair),
			'the outbox logged'
		);
		const stored = await plain.db.outboundMail.findMany({ where: { to: chair } });
		expect(stored.map((r) => r.status)).toEqual(['OUTBOX']);

		const boss = await signedIn(plain.url, px.members.ADMIN.email);
		const outbox = await boss.get('/api/v1/partnerships/beta/outbox');
		expect(outbox.status).toBe(200);
		expect(outbox.json[0]).toMatchObject({
			to: chair,
			status: 'OUTBOX',
			kind: 'agenda_issued',
			hasCalendarInvite: true
		});
		expect(outbox.json[0].subject).toMatch(/^Agenda for Beta board/);
		const page = await boss.get('/p/beta/outbox');
		expect(page.status).toBe(200);
		expect(page.text).toContain('Agenda for Beta board');
		expect((await clerk.get('/api/v1/partnerships/beta/outbox')).status).toBe(403);
		expect((await clerk.get('/p/beta/outbox')).status).toBe(403);
	});
});
