// "An action of yours is due" through a real SMTP server: once a UK day, from 07:00, the named owner of each
// open action due that day is emailed, and reminded when it is a week overdue; done actions, owners who
// turned the kind off, and a second run on the same day send nothing. Then an email that failed after all
// its retries is sent again by an admin, from the API and from the outbox page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { makeDecision } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { boardItem } from '../support/priorities.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { eventually, startSmtp, type TestSmtp, mailTo as mailToSmtp } from '../support/smtp.ts';

let smtp: TestSmtp;
let server: TestServer;
let fx: Fixture;
let admin: Client;
let officer: Client;

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({
		env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '50', MAIL_RETRY_BASE_MS: '100' }
	});
	fx = await makePartnership(server.db, 'alpha');
	admin = await signedIn(server.url, fx.members.ADMIN.email);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
});
afterAll(async () => {
	await server?.stop();
	await smtp?.close();
});

const mailTo = (email: string, subject: RegExp) => mailToSmtp(smtp, email, subject);

describe('actions due', () => {
	// A UK day far from the real one, so the server's own daily run (for today) never touches these.
	const DAY = '2031-03-12';
	const dueOn = (day: string) => new Date(`${day}T00:00:00Z`);
	let owners: Record<
		'due' | 'overdue' | 'done' | 'off' | 'digest' | 'later',
		Awaited<ReturnType<typeof makeMemberOf>>
	>;
	let queued: number;
	let again: number;
	let dueBefore: boolean;
	let dueAfter: boolean;
	let dueEarly: boolean;

	beforeAll(async () => {
		const { meeting, item } = await boardItem(server.db, fx, '2031-01-15');
		const decision = await makeDecision(server.db, fx, meeting.id, item.id, [
			{ wording: 'Open the warm spaces.' }
		]);
		const owner = async () => makeMemberOf(server.db, fx, 'health');
		owners = {
			due: await owner(),
			overdue: await owner(),
			done: await owner(),
			off: await owner(),
			digest: await owner(),
			later: await owner()
		};
		const action = (
			who: { membershipId: string },
			text: string,
			day: string,
			status: 'OPEN' | 'IN_PROGRESS' | 'DONE' = 'OPEN'
		) =>
			server.db.action.create({
				data: {
					partnershipId: fx.partnership.id,
					bodyId: fx.bodies.board.id,
					meetingId: meeting.id,
					decisionId: decision.id,
					text,
					ownerOrganisationId: fx.organisations.health.id,
					ownerMembershipId: who.membershipId,
					dueOn: dueOn(day),
					status,
					createdById: fx.members.SECRETARIAT.userId
				}
			});
		await action(owners.due, 'Book the library hall', DAY);
		await action(owners.overdue, 'Send the volunteers’ rota', '2031-03-05', 'IN_PROGRESS');
		await action(owners.done, 'Order the heaters', DAY, 'DONE');
		await action(owners.off, 'Tell the press', DAY);
		await action(owners.digest, 'Count the visitors', DAY);
		await action(owners.later, 'Write the report', '2031-03-13');
		const set = async (who: { email: string }, mode: string) => {
			const client = await signedIn(server.url, who.email);
			const res = await client.request('PUT', '/api/v1/me/mail-preferences', { action_due: mode });
			expect(res.status, res.text).toBe(200);
		};
		await set(owners.off, 'OFF');
		await set(owners.digest, 'DIGEST');

		// The sender loop's daily step, as it runs on that day: due from 07:00 UK time, once.
		const { domainOn } = await import('../support/domain.ts');
		const { disconnect } = await domainOn(server.dataDir);
		const notify = await import('../../src/lib/server/notify/index.ts');
		const { atTime } = await import('../../src/lib/server/platform/index.ts');
		dueEarly = await atTime(new Date(`${DAY}T06:59:00Z`), () => notify.actionDueDue());
		const at = new Date(`${DAY}T07:05:00Z`);
		dueBefore = await atTime(at, () => notify.actionDueDue());
		[queued, again] = await atTime(at, async () =>
			Promise.all([notify.sendActionDue(), notify.sendActionDue()])
		);
		dueAfter = await atTime(new Date(`${DAY}T15:00:00Z`), () => notify.actionDueDue());
		await disconnect();
	});

	it('is due once a UK day, from 07:00; a second run on the day queues nothing', () => {
		expect(dueEarly).toBe(false);
		expect(dueBefore).toBe(true);
		expect(dueAfter).toBe(false);
		// Both runs raced: one queued the day's mail (due, overdue, digest), the other nothing.
		expect([queued, again].sort()).toEqual([0, 3]);
	});

	it('emails the owner of an action due today, with its text, its item and its page', async () => {
		const mail = await mailTo(owners.due.email, /^An action of yours is due today/);
		expect(mail.subject).toContain('Book the library hall');
		expect(mail.text).toMatch(/is due today, 12 Mar(ch)? 2031/);
		expect(mail.text).toContain('Walking routes to school');
		expect(mail.text).toMatch(/\/p\/alpha\/actions\/\w+/);
	});

	it('reminds the owner of an action a week overdue', async () => {
		const mail = await mailTo(owners.overdue.email, /^An action of yours is a week overdue/);
		expect(mail.text).toContain('Send the volunteers’ rota');
		expect(mail.text).toMatch(/was due on 5 Mar(ch)? 2031, a week ago/);
	});

	it('keeps it for the daily digest of an owner who chose one; sends nothing done, turned off or not yet due', async () => {
		const kept = await server.db.outboundMail.findMany({
			where: { to: owners.digest.email, kind: 'action_due' }
		});
		expect(kept.map((m) => m.status)).toEqual(['DIGEST']);
		for (const who of [owners.done, owners.off, owners.later])
			expect(
				await server.db.outboundMail.count({ where: { to: who.email, kind: 'action_due' } })
			).toBe(0);
		expect(smtp.received.some((m) => m.to === owners.done.email)).toBe(false);
	});
});

describe('a failed email sent again', () => {
	async function failedMail(subject: string, status: 'FAILED' | 'SENT' = 'FAILED') {
		return server.db.outboundMail.create({
			data: {
				partnershipId: fx.partnership.id,
				userId: fx.members.OBSERVER.userId,
				to: fx.members.OBSERVER.email,
				subject,
				text: `${subject}.\n`,
				kind: 'action_assigned',
				status,
				attempts: 8,
				lastError: '550 Mailbox unavailable',
				...(status === 'SENT' ? { sentAt: new Date() } : {})
			}
		});
	}

	it('is shown apart on the outbox page with its last error', async () => {
		await failedMail('An action for you: check the boilers');
		const page = await admin.get('/p/alpha/outbox');
		expect(page.status).toBe(200);
		expect(page.text).toMatch(/Not sent: \d+\s+emails? failed after every retry/);
		expect(page.text).toContain('550 Mailbox unavailable');
		expect(page.text).toContain('Send again');
	});

	it('an admin sends it again: attempts start over, it is audited, and it is delivered', async () => {
		const row = await failedMail('An action for you: mend the gate');
		const res = await admin.post(`/api/v1/partnerships/alpha/outbox/${row.id}/retry`);
		expect(res.status, res.text).toBe(200);
		expect(res.json).toMatchObject({ id: row.id, status: 'QUEUED', attempts: 0 });
		const events = await server.db.auditEvent.findMany({
			where: { action: 'mail_retried', entityId: row.id }
		});
		expect(events).toHaveLength(1);
		expect(events[0].actorUserId).toBe(fx.members.ADMIN.userId);
		await mailTo(fx.members.OBSERVER.email, /mend the gate/);
		const sent = await eventually(
			() =>
				server.db.outboundMail
					.findUnique({ where: { id: row.id } })
					.then((r) => r?.status === 'SENT' && r),
			'the row marked sent'
		);
		expect(sent.attempts).toBe(1);

		// Once sent, it cannot be sent again: 409, nothing written.
		const twice = await admin.post(`/api/v1/partnerships/alpha/outbox/${row.id}/retry`);
		expect(twice.status).toBe(409);
		expect(twice.json.error.message).toMatch(/Only an email that failed can be sent again.*sent/);
		expect(
			await server.db.auditEvent.count({ where: { action: 'mail_retried', entityId: row.id } })
		).toBe(1);
	});

	it('only admins send it again; another partnership’s email is not found', async () => {
		const row = await failedMail('An action for you: paint the fence');
		const refused = await officer.post(`/api/v1/partnerships/alpha/outbox/${row.id}/retry`);
		expect(refused.status).toBe(403);
		const beta = await makePartnership(server.db, 'beta');
		const theirs = await server.db.outboundMail.create({
			data: {
				partnershipId: beta.partnership.id,
				to: beta.members.OBSERVER.email,
				subject: 'Theirs',
				text: 'Theirs',
				kind: 'action_assigned',
				status: 'FAILED',
				attempts: 8
			}
		});
		expect((await admin.post(`/api/v1/partnerships/alpha/outbox/${theirs.id}/retry`)).status).toBe(
			404
		);
		expect((await server.db.outboundMail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
			'FAILED'
		);
	});

	it('from the outbox page, the admin’s “Send again” queues it and says so', async () => {
		const row = await failedMail('An action for you: sweep the yard');
		const form = new FormData();
		form.set('id', row.id);
		const res = await admin.request('POST', '/p/alpha/outbox?/retry', form, {
			origin: server.url,
			accept: 'text/html'
		});
		expect(res.status, res.text).toBe(200);
		expect(res.text).toContain('is queued to send again');
		await mailTo(fx.members.OBSERVER.email, /sweep the yard/);

		const sentOne = await failedMail('Already sent', 'SENT');
		const form2 = new FormData();
		form2.set('id', sentOne.id);
		const refused = await admin.request('POST', '/p/alpha/outbox?/retry', form2, {
			origin: server.url,
			accept: 'text/html'
		});
		expect(refused.status).toBe(409);
		expect(refused.text).toContain('Only an email that failed can be sent again');
	});
});
