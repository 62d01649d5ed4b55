// Residents' voice on a forum's public page: support and comments confirmed by an emailed one-time link
// (read from the outbox), counted once per address, moderated by the officers before comments show,
// limited per address and per network (429, nothing stored), and nothing personal ever published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { arrangePriority } from '../support/forum-responses.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let alpha: Fixture;
const ids = {} as Record<'crossing' | 'youth' | 'crossingResponse' | 'youthResponse', string>;
const forumApi = () => `/api/v1/public/partnerships/alpha/forums/${alpha.bodies.forum.id}`;
const forumPage = () => `/public/alpha/forums/${alpha.bodies.forum.id}`;
/** A resident's browser or app on a network of its own (the proxy's forwarded address). */
const from = (address: string) => new Client(server.url, undefined, { 'x-forwarded-for': address });

beforeAll(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	alpha = await makePartnership(server.db, 'alpha');
	const inAlpha = {
		partnershipId: alpha.partnership.id,
		forumId: alpha.bodies.forum.id,
		toBodyId: alpha.bodies.theme.id,
		recordedById: alpha.members.SECRETARIAT.userId
	};
	for (const [key, title] of [
		['crossing', 'A safer crossing on Mill Road'],
		['youth', 'Keep the youth club open']
	] as const) {
		const priority = await arrangePriority(server.db, {
			...inAlpha,
			title,
			response: { status: 'PUBLISHED', text: title }
		});
		ids[key] = priority.id;
		const response = await server.db.feedback.findFirstOrThrow({
			where: { priorityId: priority.id }
		});
		ids[`${key}Response`] = response.id;
	}
});
afterAll(() => server?.stop());

async function linkSentTo(email: string): Promise<string> {
	const mail = await server.db.outboundMail.findFirstOrThrow({
		where: { to: email, kind: 'resident_confirm' },
		orderBy: { createdAt: 'desc' }
	});
	const token = /\/residents\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
	expect(token).toBeTruthy();
	return token!;
}

async function voice() {
	const res = await new Client(server.url).get(`${forumApi()}/voice`);
	expect(res.status).toBe(200);
	return res.json as {
		support: { priorityId: string; count: number }[];
		comments: { id: string; text: string; firstName: string | null; area: string | null }[];
	};
}
const supportFor = async (priorityId: string) =>
	(await voice()).support.find((s) => s.priorityId === priorityId)?.count;

describe('support', () => {
	it('counts once the emailed link is confirmed, once per address', async () => {
		const resident = from('10.1.1.5');
		const email = 'ailsa.support@example.org';
		const asked = await resident.post(`${forumApi()}/priorities/${ids.crossing}/support`, {
			email,
			firstName: 'Ailsa',
			area: 'Riverside'
		});
		expect(asked.status).toBe(201);
		expect(await supportFor(ids.crossing)).toBe(0);

		const token = await linkSentTo(email);
		// Opening the link shows what is confirmed, and counts nothing until Confirm is pressed.
		const page = await resident.get(`/residents/confirm/${token}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('A safer crossing on Mill Road');
		expect(await supportFor(ids.crossing)).toBe(0);

		const confirmed = await resident.post('/api/v1/public/residents/confirm', { token });
		expect(confirmed.status).toBe(200);
		expect(confirmed.json.kind).toBe('support');
		expect(await supportFor(ids.crossing)).toBe(1);

		const again = await resident.post('/api/v1/public/residents/confirm', { token });
		expect(again.status).toBe(409);
		expect(again.json.error.code).toBe('link_used');

		// The same address (in any case) cannot support the same priority twice; nothing more is stored.
		const rows = await server.db.residentSupport.count();
		const twice = await from('10.1.2.5').post(`${forumApi()}/priorities/${ids.crossing}/support`, {
			email: 'Ailsa.Support@Example.org'
		});
		expect(twice.status).toBe(429);
		expect(twice.json.error.code).toBe('rate_limited');
		expect(await server.db.residentSupport.count()).toBe(rows);
		expect(await supportFor(ids.crossing)).toBe(1);
	});

	it('confirms through the page’s form without JavaScript', async () => {
		const resident = from('10.1.3.5');
		const email = 'bram.form@example.org';
		const form = new FormData();
		form.set('priorityId', ids.youth);
		form.set('email', email);
		const sent = await resident.request('POST', `${forumPage()}?/support`, form, {
			origin: server.url,
			accept: 'text/html'
		});
		expect(sent.status).toBe(200);
		expect(sent.text).toContain('Check your email');
		const token = await linkSentTo(email);
		const before = (await supportFor(ids.youth)) ?? 0;
		const confirm = await resident.request('POST', `/residents/confirm/${token}`, new FormData(), {
			origin: server.url,
			accept: 'text/html'
		});
		expect(confirm.status).toBe(200);
		expect(confirm.text).toContain('your support is counted');
		expect(await supportFor(ids.youth)).toBe(before + 1);
	});

	it('keeps what was typed and says what is wrong when the address is missing', async () => {
		const form = new FormData();
		form.set('priorityId', ids.youth);
		form.set('email', 'not an address');
		form.set('firstName', 'Morven');
		const sent = await from('10.1.4.5').request('POST', `${forumPage()}?/support`, form, {
			origin: server.url,
			accept: 'text/html'
		});
		expect(sent.status).toBe(400);
		expect(sent.text).toContain('Enter an email address like name@example.org');
		expect(sent.text).toContain('value="Morven"');
		expect(await server.db.residentSupport.count({ where: { email: 'not an address' } })).toBe(0);
	});

	it('refuses an expired link and counts nothing', async () => {
		const email = 'cora.late@example.org';
		const asked = await from('10.1.5.5').post(`${forumApi()}/priorities/${ids.youth}/support`, {
			email
		});
		expect(asked.status).toBe(201);
		const token = await linkSentTo(email);
		await server.db.residentSupport.updateMany({
			where: { email },
			data: { expiresAt: new Date(Date.now() - 1000) }
		});
		const before = await supportFor(ids.youth);
		const res = await from('10.1.5.5').post('/api/v1/public/residents/confirm', { token });
		expect(res.status).toBe(409);
		expect(res.json.error.code).toBe('link_expired');
		expect(await supportFor(ids.youth)).toBe(before);
		const page = await from('10.1.5.5').get(`/residents/confirm/${token}`);
		expect(page.text).toContain('This link has expired');
	});

	it('refuses a priority the page does not show, and a wrong token', async () => {
		const hidden = await arrangePriority(server.db, {
			partnershipId: alpha.partnership.id,
			forumId: alpha.bodies.forum.id,
			toBodyId: alpha.bodies.theme.id,
			recordedById: alpha.members.SECRETARIAT.userId,
			title: 'Not yet answered'
		});
		const res = await from('10.1.6.5').post(`${forumApi()}/priorities/${hidden.id}/support`, {
			email: 'dee@example.org'
		});
		expect(res.status).toBe(404);
		const wrong = await from('10.1.6.5').post('/api/v1/public/residents/confirm', {
			token: 'x'.repeat(43)
		});
		expect(wrong.status).toBe(404);
	});
});

describe('comments', () => {
	async function confirmedComment(address: string, email: string, text: string, extra = {}) {
		const resident = from(address);
		const res = await resident.post(`${forumApi()}/responses/${ids.crossingResponse}/comments`, {
			email,
			text,
			...extra
		});
		expect(res.status).toBe(201);
		const token = await linkSentTo(email);
		const confirmed = await resident.post('/api/v1/public/residents/confirm', { token });
		expect(confirmed.status).toBe(200);
		const row = await server.db.residentComment.findFirstOrThrow({
			where: { email, text },
			select: { id: true }
		});
		return row.id;
	}

	it('shows a comment only once an officer approves it; a rejected one never shows', async () => {
		const approved = await confirmedComment(
			'10.2.1.5',
			'eilidh.comment@example.org',
			'The crossing should be near the school gate.',
			{ firstName: 'Eilidh', area: 'Old Town' }
		);
		const rejected = await confirmedComment(
			'10.2.2.5',
			'fergus.comment@example.org',
			'My neighbour at 12 Mill Road parks badly.'
		);
		const shown = () => voice().then((v) => v.comments.map((c) => c.text));
		expect(await shown()).toEqual([]);

		const officer = await signedIn(server.url, alpha.members.SECRETARIAT.email);
		const queue = await officer.get('/api/v1/partnerships/alpha/resident-comments');
		expect(queue.status).toBe(200);
		expect(queue.json.map((c: { id: string }) => c.id)).toEqual(
			expect.arrayContaining([approved, rejected])
		);
		expect(JSON.stringify(queue.json)).not.toContain('@example.org');

		// A member who is not an officer may neither see the queue nor decide.
		const member = await signedIn(server.url, alpha.members.MEMBER.email);
		expect((await member.get('/api/v1/partnerships/alpha/resident-comments')).status).toBe(403);
		const refused = await member.post(`/api/v1/resident-comments/${approved}/moderation`, {
			decision: 'APPROVE'
		});
		expect(refused.status).toBe(403);

		const badReason = await officer.post(`/api/v1/resident-comments/${rejected}/moderation`, {
			decision: 'REJECT',
			reason: 'BORING'
		});
		expect(badReason.status).toBe(400);

		expect(
			(
				await officer.post(`/api/v1/resident-comments/${approved}/moderation`, {
					decision: 'APPROVE'
				})
			).json.status
		).toBe('APPROVED');
		expect(
			(
				await officer.post(`/api/v1/resident-comments/${rejected}/moderation`, {
					decision: 'REJECT',
					reason: 'PERSONAL_INFORMATION'
				})
			).json.status
		).toBe('REJECTED');
		const twice = await officer.post(`/api/v1/resident-comments/${rejected}/moderation`, {
			decision: 'APPROVE'
		});
		expect(twice.status).toBe(409);

		const v = await voice();
		expect(v.comments).toEqual([
			expect.objectContaining({
				id: approved,
				text: 'The crossing should be near the school gate.',
				firstName: 'Eilidh',
				area: 'Old Town'
			})
		]);
		const page = await new Client(server.url).get(forumPage());
		expect(page.text).toContain('The crossing should be near the school gate.');
		expect(page.text).toContain('Eilidh, Old Town');
		expect(page.text).not.toContain('12 Mill Road parks badly');

		// The board sees the same beside the priority.
		const board = await member.get(`/api/v1/priorities/${ids.crossing}/residents`);
		expect(board.status).toBe(200);
		expect(board.json.comments.map((c: { id: string }) => c.id)).toEqual([approved]);
		const priorityPage = await member.get(`/p/alpha/priorities/${ids.crossing}`);
		expect(priorityPage.text).toContain('The crossing should be near the school gate.');
		expect(priorityPage.text).not.toContain('12 Mill Road parks badly');

		// Each resident is told the outcome; the rejection names the reason's label only.
		const outcome = await server.db.outboundMail.findFirstOrThrow({
			where: { to: 'fergus.comment@example.org', kind: 'resident_outcome' }
		});
		expect(outcome.text).toContain('Contains personal information');
		expect(
			await server.db.outboundMail.count({
				where: { to: 'eilidh.comment@example.org', kind: 'resident_outcome' }
			})
		).toBe(1);
		const decided = await server.db.auditEvent.findMany({
			where: {
				entityId: { in: [approved, rejected] },
				action: { in: ['resident.comment_approved', 'resident.comment_rejected'] }
			}
		});
		expect(decided.map((a) => a.action).sort()).toEqual([
			'resident.comment_approved',
			'resident.comment_rejected'
		]);
		expect(decided.map((a) => a.actorUserId)).toEqual([
			alpha.members.SECRETARIAT.userId,
			alpha.members.SECRETARIAT.userId
		]);
	});

	it('the moderation page asks to confirm: unticked, nothing is decided and the reason is kept', async () => {
		const id = await confirmedComment(
			'10.2.4.5',
			'hamish.comment@example.org',
			'Off topic: the bins are late.'
		);
		const officer = await signedIn(server.url, alpha.members.SECRETARIAT.email);
		const decide = (fields: Record<string, string>) => {
			const form = new FormData();
			form.set('id', id);
			for (const [k, v] of Object.entries(fields)) form.set(k, v);
			return officer.request('POST', '/p/alpha/residents', form, {
				origin: server.url,
				accept: 'text/html'
			});
		};
		const page = await officer.get('/p/alpha/residents');
		expect(page.text).toContain('I confirm this comment is to be rejected and never shown');
		expect(page.text).toContain('I confirm this comment is to be shown publicly');
		expect(page.text).toContain('It cannot be taken back.');

		const unticked = await decide({ decision: 'REJECT', reason: 'OFF_TOPIC', confirm: 'false' });
		expect(unticked.status).toBe(400);
		expect(unticked.text).toContain(
			'Tick the box to confirm that the comment is to be rejected and never shown'
		);
		expect(unticked.text).toMatch(/<option value="OFF_TOPIC"[^>]*selected/);
		const approveUnticked = await decide({ decision: 'APPROVE' });
		expect(approveUnticked.status).toBe(400);
		expect(approveUnticked.text).toContain(
			'Tick the box to confirm that the comment is to be shown publicly'
		);
		const noReason = await decide({ decision: 'REJECT', confirm: 'true' });
		expect(noReason.status).toBe(400);
		expect(noReason.text).toContain('Choose a reason for rejecting');
		expect((await server.db.residentComment.findUniqueOrThrow({ where: { id } })).status).toBe(
			'AWAITING_MODERATION'
		);

		const ticked = await decide({ decision: 'REJECT', reason: 'OFF_TOPIC', confirm: 'true' });
		expect(ticked.status).toBe(200);
		expect(ticked.text).toContain('The comment was rejected');
		const row = await server.db.residentComment.findUniqueOrThrow({ where: { id } });
		expect([row.status, row.rejectReason]).toEqual(['REJECTED', 'OFF_TOPIC']);
	});

	it('an unconfirmed comment never reaches the queue', async () => {
		const res = await from('10.2.3.5').post(
			`${forumApi()}/responses/${ids.youthResponse}/comments`,
			{ email: 'gail.unconfirmed@example.org', text: 'Not confirmed yet.' }
		);
		expect(res.status).toBe(201);
		const officer = await signedIn(server.url, alpha.members.SECRETARIAT.email);
		const queue = await officer.get('/api/v1/partnerships/alpha/resident-comments');
		expect(queue.json.map((c: { text: string }) => c.text)).not.toContain('Not confirmed yet.');
	});
});

describe('limits', () => {
	it('allows a few comments per address a day, then 429 and nothing stored', async () => {
		const email = 'hamish.many@example.org';
		for (let i = 0; i < 3; i++) {
			const res = await from(`10.3.${i}.5`).post(
				`${forumApi()}/responses/${ids.youthResponse}/comments`,
				{ email, text: `Comment ${i}` }
			);
			expect(res.status).toBe(201);
		}
		const fourth = await from('10.3.9.5').post(
			`${forumApi()}/responses/${ids.youthResponse}/comments`,
			{ email, text: 'Comment 4' }
		);
		expect(fourth.status).toBe(429);
		expect(fourth.json.error.message).toMatch(/Try again/);
		expect(await server.db.residentComment.count({ where: { email } })).toBe(3);
	});

	it('allows a few unconfirmed requests per network an hour, IPv4 /24 and IPv6 /64', async () => {
		for (let i = 0; i < 5; i++) {
			const res = await from(`10.4.4.${i + 1}`).post(
				`${forumApi()}/priorities/${ids.youth}/support`,
				{ email: `flood${i}@example.org` }
			);
			expect(res.status).toBe(201);
		}
		const sixth = await from('10.4.4.200').post(`${forumApi()}/priorities/${ids.youth}/support`, {
			email: 'flood6@example.org'
		});
		expect(sixth.status).toBe(429);
		expect(await server.db.residentSupport.count({ where: { email: 'flood6@example.org' } })).toBe(
			0
		);
		// Another network is not held back.
		const elsewhere = await from('10.4.5.1').post(`${forumApi()}/priorities/${ids.youth}/support`, {
			email: 'flood7@example.org'
		});
		expect(elsewhere.status).toBe(201);

		for (let i = 0; i < 5; i++) {
			const res = await from(`2001:db8:1:2::${i + 1}`).post(
				`${forumApi()}/responses/${ids.youthResponse}/comments`,
				{ email: `six${i}@example.org`, text: 'From one /64' }
			);
			expect(res.status).toBe(201);
		}
		const v6 = await from('2001:db8:1:2:ffff::9').post(
			`${forumApi()}/responses/${ids.youthResponse}/comments`,
			{ email: 'six9@example.org', text: 'From one /64' }
		);
		expect(v6.status).toBe(429);
		expect(await server.db.residentComment.count({ where: { email: 'six9@example.org' } })).toBe(0);
	});
});

describe('nothing personal published', () => {
	it('the outbox masks residents’ addresses from the admins (page and API); members’ stay', async () => {
		const resident = 'iona.outbox@example.org';
		const asked = await from('10.3.1.5').post(`${forumApi()}/priorities/${ids.crossing}/support`, {
			email: resident
		});
		expect(asked.status).toBe(201);
		// A member's own email, as any step of a priority queues it.
		await server.db.outboundMail.create({
			data: {
				partnershipId: alpha.partnership.id,
				userId: alpha.members.MEMBER.userId,
				to: alpha.members.MEMBER.email,
				subject: 'A step on your forum’s priority',
				text: 'The board accepted it.',
				kind: 'priority_step'
			}
		});
		const admin = await signedIn(server.url, alpha.members.ADMIN.email);
		const api = await admin.get('/api/v1/partnerships/alpha/outbox');
		expect(api.status).toBe(200);
		const rows = api.json as { to: string; kind: string }[];
		expect(rows.filter((m) => m.kind === 'resident_confirm').map((m) => m.to)).toContain(
			'i•••@example.org'
		);
		expect(rows.map((m) => m.to)).toContain(alpha.members.MEMBER.email);
		const page = await admin.get('/p/alpha/outbox');
		expect(page.status).toBe(200);
		expect(page.text).toContain('i•••@example.org');
		expect(page.text).toContain(alpha.members.MEMBER.email);
		for (const text of [api.text, page.text]) {
			expect(text).not.toContain(resident);
			// No resident's address at all, from any test of this file.
			const residents = await server.db.outboundMail.findMany({
				where: { kind: { startsWith: 'resident_' } },
				select: { to: true }
			});
			for (const { to } of residents) expect(text).not.toContain(to);
		}
	});

	it('no email address appears on the public pages or in the public API', async () => {
		const anyone = new Client(server.url);
		const answers = await Promise.all([
			anyone.get(forumPage()),
			anyone.get(`${forumApi()}/voice`),
			anyone.get(`${forumApi()}/responses`),
			anyone.get('/api/v1/public/partnerships/alpha/responses'),
			anyone.get('/public/alpha/forums')
		]);
		expect(await server.db.residentSupport.count()).toBeGreaterThan(0);
		for (const res of answers) {
			expect(res.status).toBe(200);
			expect(res.text).not.toMatch(/@example\.org/);
		}
	});
});
