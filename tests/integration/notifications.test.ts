// Issuing an agenda tells everyone seated on the body, in the app; each person sees and marks only theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeSeated } from '../support/floor.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let chair: Client;
let officer: Client;
let reviewer: Client;
let health: Awaited<ReturnType<typeof makeSeated>> & { client: Client };

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
	const seated = await makeSeated(server.db, fx, 'health');
	// A second seat on the same body must not send a second notification.
	await server.db.bodySeat.create({
		data: { bodyId: fx.bodies.board.id, membershipId: seated.membershipId, role: 'ADVISER' }
	});
	health = { ...seated, client: await signedIn(server.url, seated.email) };
	// A seat that has ended, and a seat on another body: neither is told.
	await server.db.bodySeat.create({
		data: {
			bodyId: fx.bodies.board.id,
			membershipId: fx.members.REVIEWER.membershipId,
			role: 'MEMBER',
			endedAt: new Date('2025-01-01')
		}
	});
	await server.db.bodySeat.create({
		data: {
			bodyId: fx.bodies.theme.id,
			membershipId: fx.members.OBSERVER.membershipId,
			role: 'MEMBER'
		}
	});
});
afterAll(() => server?.stop());

const inbox = (client: Client) => client.get('/api/v1/me/notifications');

describe('issuing the agenda', () => {
	it('notifies each person holding a current seat on the body, once', async () => {
		const meeting = await makeMeeting(server.db, fx, { title: 'Board, June' });
		const before = await server.db.notification.count();
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true });
		expect(res.status, res.text).toBe(200);
		expect(await server.db.notification.count()).toBe(before + 2);

		const mine = await health.client.get('/api/v1/me/notifications');
		expect(mine.status).toBe(200);
		expect(mine.json[0]).toEqual({
			id: expect.any(String),
			partnershipId: fx.partnership.id,
			message: 'The agenda for Board, June on Thursday, 4 June 2026 at 10:30 has been issued',
			link: `/p/alpha/meetings/${meeting.id}`,
			createdAt: expect.any(String),
			readAt: null
		});
		expect((await inbox(chair)).json).toHaveLength(1);
		expect((await inbox(reviewer)).json).toHaveLength(0);
		expect((await inbox(officer)).json).toHaveLength(0);
	});

	it('does not notify anyone when the agenda cannot be issued', async () => {
		const meeting = await makeMeeting(server.db, fx, { status: 'AGENDA_ISSUED' });
		const before = await server.db.notification.count();
		expect(
			(await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true })).status
		).toBe(409);
		expect(await server.db.notification.count()).toBe(before);
	});
});

describe('reading notifications', () => {
	it('marks one’s own as read, once, audited; someone else’s does not exist (404)', async () => {
		const meeting = await makeMeeting(server.db, fx);
		await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true });
		const [latest] = (await inbox(health.client)).json;
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });

		const stranger = await chair.post(`/api/v1/me/notifications/${latest.id}/read`);
		expect(stranger.status).toBe(404);
		expect(await written()).toBe(0);

		const read = await health.client.post(`/api/v1/me/notifications/${latest.id}/read`);
		expect(read.status, read.text).toBe(200);
		expect(read.json.readAt).toEqual(expect.any(String));
		expect(await written()).toBe(1);
		const again = await health.client.post(`/api/v1/me/notifications/${latest.id}/read`);
		expect(again.json.readAt).toBe(read.json.readAt);
		expect(await written()).toBe(1);
	});

	it('the site header shows how many are unread', async () => {
		const meeting = await makeMeeting(server.db, fx);
		await officer.post(`/api/v1/meetings/${meeting.id}/issue`, { issueEmpty: true });
		const unread = await server.db.notification.count({
			where: { userId: fx.members.MEMBER.userId, readAt: null }
		});
		expect(unread).toBeGreaterThan(0);
		const page = await chair.get('/notifications');
		expect(page.status).toBe(200);
		const header = page.text.slice(0, page.text.indexOf('</header>'));
		const words = header
			.replace(/<!--.*?-->/g, '')
			.replace(/<[^>]+>/g, '')
			.replace(/\s+/g, ' ');
		expect(words).toContain(`Notifications ${unread} unread`);
		expect(page.text).toContain('Mark as read');
	});
});
