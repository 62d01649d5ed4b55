// Moving and cancelling a meeting that has not started, through the real SMTP server: before the agenda goes
// out nobody is told; after, everyone seated gets the updated invitation (same UID, higher SEQUENCE, UK time
// with the right offset) or METHOD:CANCEL, and a notification. Only officers; refused once the meeting has
// started. And a paper added late to the shared pack is emailed like a restricted one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeSeated } from '../support/floor.ts';
import { readCalendar } from '../support/ics.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { eventually, startSmtp, type TestSmtp, mailTo as mailToSmtp } from '../support/smtp.ts';
import { connect, waitFor } from '../support/sync.ts';
import { EVIDENCE_FIELDS, addEvidenceItem, evidenceItems } from '../../src/lib/collab/evidence.ts';
import type * as Y from 'yjs';

let smtp: TestSmtp;
let server: TestServer;
let fx: Fixture;
let officer: Client;
let member: Client;
let healthEmail: string;
let chairEmail: string;

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({
		env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '50', MAIL_RETRY_BASE_MS: '100' }
	});
	fx = await makePartnership(server.db, 'alpha');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	chairEmail = fx.members.MEMBER.email; // seated on the board
	member = await signedIn(server.url, chairEmail);
	healthEmail = (await makeSeated(server.db, fx, 'health')).email;
});
afterAll(async () => {
	await server?.stop();
	await smtp?.close();
});

const mailTo = (email: string, subject: RegExp) => mailToSmtp(smtp, email, subject);

async function issuedMeeting(title: string) {
	const meeting = await makeMeeting(server.db, fx, { title });
	const res = await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true });
	expect(res.status, res.text).toBe(200);
	await mailTo(healthEmail, new RegExp(`^Agenda for ${title}`));
	return meeting;
}

describe('before the agenda is issued', () => {
	it('an officer moves and cancels a draft meeting, and nobody is emailed', async () => {
		const meeting = await makeMeeting(server.db, fx, { title: 'Board, draft' });
		const moved = await officer.post(`/api/v1/meetings/${meeting.id}/reschedule`, {
			startsAt: '2026-07-09T14:00',
			place: 'Town hall'
		});
		expect(moved.status, moved.text).toBe(200);
		expect(moved.json.startsAt).toBe('2026-07-09T13:00:00.000Z');
		expect(moved.json.place).toBe('Town hall');
		expect(moved.json.durationMinutes).toBe(120);

		const cancelled = await officer.post(`/api/v1/meetings/${meeting.id}/cancel`, {
			reason: 'Merged with the July board'
		});
		expect(cancelled.status, cancelled.text).toBe(200);
		expect(cancelled.json.status).toBe('CANCELLED');
		expect(cancelled.json.cancelReason).toBe('Merged with the July board');

		// Queued in the command's transaction, so none queued now means none will be sent.
		expect(
			await server.db.outboundMail.count({ where: { subject: { contains: 'Board, draft' } } })
		).toBe(0);
		const audits = await server.db.auditEvent.findMany({
			where: { entity: 'Meeting', entityId: meeting.id },
			orderBy: { at: 'asc' }
		});
		expect(audits.map((a) => a.action)).toEqual(['rescheduled', 'cancelled']);
		// A meeting called off before it was announced is not public.
		expect((await new Client(server.url).get(`/public/alpha/meetings/${meeting.id}`)).status).toBe(
			404
		);
	});
});

describe('after the agenda is issued', () => {
	let meeting: { id: string };

	beforeAll(async () => {
		meeting = await issuedMeeting('Board, June');
	});

	it('moving it sends everyone seated the same event, a higher SEQUENCE, in UK winter time', async () => {
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/reschedule`, {
			startsAt: '2026-12-03T10:00',
			place: 'Council chamber'
		});
		expect(res.status, res.text).toBe(200);
		for (const email of [healthEmail, chairEmail]) {
			const mail = await mailTo(email, /^Moved: Board, June/);
			expect(mail.text).toContain('Council chamber');
			expect(mail.text).toContain('It was:');
			const calendar = readCalendar(mail.ics!);
			expect(calendar.method).toBe('REQUEST');
			const [event] = calendar.events;
			expect(event.uid).toBe(`meeting-${meeting.id}@localhost`);
			expect(event.sequence).toBe(1);
			expect(event.tzid).toBe('Europe/London');
			expect(event.local).toBe('2026-12-03T10:00:00');
			expect(event.offsetMinutes).toBe(0);
			expect(event.start.toISOString()).toBe('2026-12-03T10:00:00.000Z');
			expect(event.status).toBe('CONFIRMED');
		}
		const notes = await member.get('/api/v1/me/notifications');
		expect(
			notes.json.some((n: { message: string }) => /has moved: it is now on/.test(n.message))
		).toBe(true);
	});

	it('moving it back into summer is in BST (UTC+1) with the SEQUENCE higher again', async () => {
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/reschedule`, {
			startsAt: '2027-06-10T09:30'
		});
		expect(res.status, res.text).toBe(200);
		expect(res.json.place).toBe('Council chamber');
		const mail = await eventually(
			() =>
				smtp.received.find(
					(m) =>
						m.to === healthEmail &&
						/^Moved: Board, June/.test(m.subject) &&
						readCalendar(m.ics!).events[0].sequence === 2
				),
			'the second move'
		);
		const [event] = readCalendar(mail.ics!).events;
		expect(event.uid).toBe(`meeting-${meeting.id}@localhost`);
		expect(event.local).toBe('2027-06-10T09:30:00');
		expect(event.offsetMinutes).toBe(60);
		expect(event.start.toISOString()).toBe('2027-06-10T08:30:00.000Z');
	});

	it('moving it to where it already is is refused, and nothing is sent', async () => {
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/reschedule`, {
			startsAt: '2027-06-10T09:30'
		});
		expect(res.status).toBe(400);
		expect(res.json.error.fields.startsAt).toMatch(/new date/);
	});

	it('cancelling it sends METHOD:CANCEL for the same event, with the reason', async () => {
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/cancel`, {
			reason: 'Not quorate: too many apologies'
		});
		expect(res.status, res.text).toBe(200);
		expect(res.json.status).toBe('CANCELLED');
		for (const email of [healthEmail, chairEmail]) {
			const mail = await mailTo(email, /^Cancelled: Board, June/);
			expect(mail.text).toContain('Not quorate: too many apologies');
			const calendar = readCalendar(mail.ics!);
			expect(calendar.method).toBe('CANCEL');
			const [event] = calendar.events;
			expect(event.uid).toBe(`meeting-${meeting.id}@localhost`);
			expect(event.sequence).toBe(3);
			expect(event.status).toBe('CANCELLED');
		}
		const notes = await member.get('/api/v1/me/notifications');
		expect(
			notes.json.some((n: { message: string }) => /has been cancelled: Not quorate/.test(n.message))
		).toBe(true);
	});

	it('a cancelled meeting shows as cancelled, publicly too, and cannot be moved, cancelled or started', async () => {
		const page = await officer.get(`/p/alpha/meetings/${meeting.id}`);
		expect(page.text).toContain('Cancelled');
		expect(page.text).toContain('Not quorate: too many apologies');
		const listing = await officer.get(`/api/v1/bodies/${fx.bodies.board.id}/meetings`);
		expect(listing.json.find((m: { id: string }) => m.id === meeting.id).status).toBe('CANCELLED');
		const publicPage = await new Client(server.url).get(`/public/alpha/meetings/${meeting.id}`);
		expect(publicPage.status).toBe(200);
		expect(publicPage.text).toContain('Cancelled');

		const again = await officer.post(`/api/v1/meetings/${meeting.id}/cancel`, { reason: 'Twice' });
		expect(again.status).toBe(409);
		const moved = await officer.post(`/api/v1/meetings/${meeting.id}/reschedule`, {
			startsAt: '2027-06-17T09:30'
		});
		expect(moved.status).toBe(409);
		expect(moved.json.error.message).toMatch(/has been cancelled/);
		expect((await officer.post(`/api/v1/meetings/${meeting.id}/start`, {})).status).toBe(409);
	});

	it('the private calendar feed marks it cancelled', async () => {
		const feed = await member.post('/api/v1/me/calendar-feed', {});
		expect(feed.status, feed.text).toBe(201);
		const text = (await new Client(server.url).get(new URL(feed.json.url).pathname)).text;
		const event = readCalendar(text).events.find(
			(e) => e.uid === `meeting-${meeting.id}@localhost`
		);
		expect(event?.status).toBe('CANCELLED');
		expect(event?.sequence).toBe(3);
	});
});

describe('refusals', () => {
	it('a member who is not an officer may neither move nor cancel a meeting', async () => {
		const meeting = await makeMeeting(server.db, fx, { title: 'Board, members' });
		const moved = await member.post(`/api/v1/meetings/${meeting.id}/reschedule`, {
			startsAt: '2026-07-09T14:00'
		});
		expect(moved.status).toBe(403);
		const cancelled = await member.post(`/api/v1/meetings/${meeting.id}/cancel`, {
			reason: 'No'
		});
		expect(cancelled.status).toBe(403);
		const row = await server.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
		expect(row.status).toBe('DRAFT');
		expect(row.startsAt.toISOString()).toBe('2026-06-04T09:30:00.000Z');
	});

	it('a meeting that has started or closed is neither moved nor cancelled', async () => {
		for (const status of ['IN_PROGRESS', 'CLOSED'] as const) {
			const meeting = await makeMeeting(server.db, fx, { title: `Board, ${status}` });
			await server.db.meeting.update({ where: { id: meeting.id }, data: { status } });
			const moved = await officer.post(`/api/v1/meetings/${meeting.id}/reschedule`, {
				startsAt: '2026-07-09T14:00'
			});
			expect(moved.status).toBe(409);
			expect(moved.json.error.message).toMatch(/can be moved until it starts/);
			const cancelled = await officer.post(`/api/v1/meetings/${meeting.id}/cancel`, {
				reason: 'Too late'
			});
			expect(cancelled.status).toBe(409);
			const row = await server.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
			expect(row.status).toBe(status);
			expect(row.cancelReason).toBe('');
		}
	});

	it('bad input is refused with the field named, and nothing changes', async () => {
		const meeting = await makeMeeting(server.db, fx, { title: 'Board, bad input' });
		const moved = await officer.post(`/api/v1/meetings/${meeting.id}/reschedule`, {
			startsAt: 'next Thursday-ish'
		});
		expect(moved.status).toBe(400);
		expect(moved.json.error.fields.startsAt).toMatch(/Enter the date and time/);
		const cancelled = await officer.post(`/api/v1/meetings/${meeting.id}/cancel`, { reason: '' });
		expect(cancelled.status).toBe(400);
		expect(cancelled.json.error.fields.reason).toMatch(/reason/);
		const row = await server.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
		expect(row.status).toBe('DRAFT');
	});
});

describe('a paper added late to the shared pack', () => {
	it('is emailed to everyone seated, by name, like a restricted one', async () => {
		const meeting = await issuedMeeting('Board, September');
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/evidence`, {
			title: 'Bus routes survey',
			kind: 'CONSULTATION',
			confidentiality: 'PARTNERS'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json.late).toBe(true);
		for (const email of [healthEmail, chairEmail]) {
			const mail = await mailTo(email, /added late to Board, September/);
			expect(mail.text).toContain('Bus routes survey');
		}
		// Once each: the pack projected again (more edits) does not send it again.
		expect(
			await server.db.outboundMail.count({
				where: { to: healthEmail, subject: { contains: 'added late to Board, September' } }
			})
		).toBe(1);
	});

	it('added in the pack editor, it is emailed once it has its title, not while it is untitled', async () => {
		const meeting = await issuedMeeting('Board, October');
		const late = /added late to Board, October/;
		const mailed = () =>
			server.db.outboundMail.count({
				where: {
					to: healthEmail,
					subject: { contains: 'Board, October' },
					kind: 'paper_added_late'
				}
			});
		const editor = connect(server.url, `meeting:${meeting.id}:evidence`, officer.cookie);
		try {
			await editor.synced;
			const id = addEvidenceItem(editor.doc);
			await waitFor(
				async () => (await server.db.evidenceItem.findUnique({ where: { id } })) !== null,
				'the untitled paper to be stored',
				20_000
			);
			expect(await mailed()).toBe(0);

			const title = evidenceItems(editor.doc).get(id)!.get(EVIDENCE_FIELDS.title) as Y.Text;
			title.insert(0, 'Winter gritting routes');
			const mail = await mailTo(healthEmail, late);
			expect(mail.text).toContain('Winter gritting routes');
			expect(mail.text).not.toContain('Untitled paper');

			// Further edits to its title do not send it again.
			title.insert(title.length, ' (revised)');
			await waitFor(
				async () =>
					(await server.db.evidenceItem.findUniqueOrThrow({ where: { id } })).title.endsWith(
						'(revised)'
					),
				'the new title to be stored',
				20_000
			);
			expect(await mailed()).toBe(1);
		} finally {
			editor.destroy();
		}
	});
});
