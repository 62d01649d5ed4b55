import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { arrangePriority } from '../support/forum-responses.ts';
import { signedIn } from '../support/people.ts';
import { makeDecision, makeItem, meetingIn } from '../support/minutes.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let alpha: Fixture;
let beta: Fixture;
const anonymous = () => new Client(server.url);
const api = (slug: string) => `/api/v1/public/partnerships/${slug}`;

const ids = {} as Record<
	'crossing' | 'youth' | 'theme' | 'crossingDecision' | 'youthDecision',
	string
>;
beforeAll(async () => {
	server = await startServer();
	alpha = await makePartnership(server.db, 'alpha');
	beta = await makePartnership(server.db, 'beta');
	const meeting = await meetingIn(server.db, alpha, 'CLOSED', '2026-02-05');
	const open = await makeItem(server.db, meeting.id, 1, 'Road safety near schools');
	const closed = await makeItem(server.db, meeting.id, 2, 'Youth budget', { private: true });
	ids.crossingDecision = (
		await makeDecision(server.db, alpha, meeting.id, open.id, [{ wording: 'Fund a crossing.' }])
	).id;
	ids.youthDecision = (
		await makeDecision(server.db, alpha, meeting.id, closed.id, [{ wording: 'Cut the grant.' }])
	).id;
	const inAlpha = {
		partnershipId: alpha.partnership.id,
		forumId: alpha.bodies.forum.id,
		toBodyId: alpha.bodies.theme.id,
		recordedById: alpha.members.SECRETARIAT.userId
	};
	ids.crossing = (
		await arrangePriority(server.db, {
			...inAlpha,
			title: 'A safer crossing on Mill Road',
			response: {
				status: 'PUBLISHED',
				text: 'the crossing',
				decisionId: ids.crossingDecision,
				publishedAt: new Date('2026-02-14T12:00:00Z')
			}
		})
	).id;
	ids.youth = (
		await arrangePriority(server.db, {
			...inAlpha,
			title: 'Keep the youth club open',
			response: {
				status: 'PUBLISHED',
				text: 'the youth club',
				decisionId: ids.youthDecision,
				verdict: { verdict: 'CONTESTED', note: 'Two evenings a week is not enough.' },
				publishedAt: new Date('2026-03-01T12:00:00Z')
			}
		})
	).id;
	await arrangePriority(server.db, {
		...inAlpha,
		title: 'Bus shelter repairs',
		response: { status: 'DRAFT', text: 'draft-only wording' }
	});
	await arrangePriority(server.db, { ...inAlpha, title: 'Longer library hours' });
	ids.theme = (
		await arrangePriority(server.db, {
			...inAlpha,
			forumId: alpha.bodies.theme.id,
			toBodyId: alpha.bodies.board.id,
			title: 'Joint transport plan',
			response: { status: 'PUBLISHED', text: 'transport', publishedAt: new Date('2026-01-20') }
		})
	).id;
	await arrangePriority(server.db, {
		partnershipId: beta.partnership.id,
		forumId: beta.bodies.forum.id,
		toBodyId: beta.bodies.theme.id,
		recordedById: beta.members.SECRETARIAT.userId,
		title: 'Beta harbour lighting',
		response: { status: 'PUBLISHED', text: 'the harbour' }
	});
});
afterAll(() => server?.stop());

const NEVER = ['Bus shelter repairs', 'draft-only wording', 'Longer library hours'];

describe('a forum’s public page, signed out', () => {
	it('shows the forum and only its published responses, with the decision and the forum’s verdict', async () => {
		const res = await anonymous().get(`/public/alpha/forums/${alpha.bodies.forum.id}`);
		expect(res.status).toBe(200);
		expect(res.text).toContain('alpha forum');
		expect(res.text).toContain(`reporting to the ${alpha.bodies.theme.name}`);
		for (const shown of [
			'A safer crossing on Mill Road',
			'We asked about the crossing.',
			'You said the crossing matters.',
			'We did something about the crossing.',
			'Next, a report on the crossing.',
			'Keep the youth club open',
			'The forum contested this response',
			'Two evenings a week is not enough.'
		])
			expect(res.text).toContain(shown);
		for (const hidden of [...NEVER, 'Joint transport plan', 'Beta harbour lighting'])
			expect(res.text).not.toContain(hidden);
		// The decision on the open item is linked to its register entry; the private one is not named.
		expect(res.text).toContain(`/public/alpha/decisions#decision-${ids.crossingDecision}`);
		expect(res.text).not.toContain(ids.youthDecision);
		expect(res.text).not.toContain('Youth budget');
		expect(res.text.indexOf('Keep the youth club open')).toBeLessThan(
			res.text.indexOf('A safer crossing on Mill Road')
		);
	});

	it('the register has the entry the page links to', async () => {
		const res = await anonymous().get('/public/alpha/decisions');
		expect(res.text).toContain(`id="decision-${ids.crossingDecision}"`);
	});

	it('a body with no published response has a page that says so', async () => {
		const res = await anonymous().get(`/public/alpha/forums/${alpha.bodies.board.id}`);
		expect(res.status).toBe(200);
		expect(res.text).toContain('has not yet published a response');
	});

	it('lists the forums, and the other bodies with published responses, on the public record', async () => {
		for (const path of ['/public/alpha', '/public/alpha/forums']) {
			const res = await anonymous().get(path);
			expect(res.status).toBe(200);
			expect(res.text).toContain('Forums and what they asked');
			expect(res.text).toContain(`href="/public/alpha/forums/${alpha.bodies.forum.id}"`);
			expect(res.text).toContain(`href="/public/alpha/forums/${alpha.bodies.theme.id}"`);
			expect(res.text).not.toContain(`href="/public/alpha/forums/${alpha.bodies.board.id}"`);
			expect(res.text).toContain('2 published responses');
			expect(res.text).not.toContain('Beta harbour lighting');
		}
	});

	it.each([
		['an unknown partnership', () => `/public/nowhere/forums/${alpha.bodies.forum.id}`],
		['another partnership’s forum', () => `/public/alpha/forums/${beta.bodies.forum.id}`],
		['no such body', () => `/public/alpha/forums/${'a'.repeat(24)}`]
	])('is not found for %s', async (_, path) => {
		const res = await anonymous().get(path());
		expect(res.status).toBe(404);
		expect(res.text).not.toContain('Beta harbour lighting');
	});
});

describe('the public JSON of responses', () => {
	it('gives a forum’s published responses, newest first, open to other sites', async () => {
		const res = await anonymous().get(`${api('alpha')}/forums/${alpha.bodies.forum.id}/responses`);
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('cache-control')).toBe('public, max-age=300');
		expect(res.json).toEqual([
			{
				id: expect.any(String),
				priorityId: ids.youth,
				forum: { id: alpha.bodies.forum.id, name: 'alpha forum' },
				title: 'Keep the youth club open',
				weAsked: 'We asked about the youth club.',
				youSaid: 'You said the youth club matters.',
				weDid: 'We did something about the youth club.',
				nextSteps: 'Next, a report on the youth club.',
				hearAgainBy: '2026-09-30',
				publishedAt: '2026-03-01T12:00:00.000Z',
				decision: null,
				verdict: 'CONTESTED',
				verdictNote: 'Two evenings a week is not enough.',
				firstVerdict: {
					verdict: 'CONTESTED',
					note: 'Two evenings a week is not enough.',
					at: '2026-03-01T12:00:00.000Z'
				},
				changedVerdict: null,
				// Accepted before a promise was asked for, and not decided: the words say so.
				influence: {
					promised: null,
					achieved: null,
					gap: null,
					words: 'No influence promised; not decided yet'
				}
			},
			expect.objectContaining({
				priorityId: ids.crossing,
				title: 'A safer crossing on Mill Road',
				decision: {
					id: ids.crossingDecision,
					outcome: 'AGREED',
					decidedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
				},
				verdict: null,
				verdictNote: null,
				firstVerdict: null,
				changedVerdict: null
			})
		]);
		for (const hidden of NEVER) expect(res.text).not.toContain(hidden);
	});

	it('gives every body’s published responses for the partnership, and no other partnership’s', async () => {
		const res = await anonymous().get(`${api('alpha')}/responses`);
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.json.map((r: { priorityId: string }) => r.priorityId)).toEqual([
			ids.youth,
			ids.crossing,
			ids.theme
		]);
		expect(res.json[2].forum).toEqual({ id: alpha.bodies.theme.id, name: alpha.bodies.theme.name });
		for (const hidden of [...NEVER, 'Beta harbour lighting'])
			expect(res.text).not.toContain(hidden);
	});

	it('answers the same to a signed-in request: nothing more is shown to partners here', async () => {
		const admin = await signedIn(server.url, alpha.members.ADMIN.email);
		const asAdmin = await admin.get(`${api('alpha')}/responses`);
		const signedOut = await anonymous().get(`${api('alpha')}/responses`);
		expect(asAdmin.status).toBe(200);
		expect(asAdmin.json).toEqual(signedOut.json);
	});

	it.each([
		['an unknown partnership', () => `${api('nowhere')}/responses`],
		[
			'an unknown partnership’s forum',
			() => `${api('nowhere')}/forums/${alpha.bodies.forum.id}/responses`
		],
		[
			'another partnership’s forum',
			() => `${api('alpha')}/forums/${beta.bodies.forum.id}/responses`
		],
		['no such body', () => `${api('alpha')}/forums/${'a'.repeat(24)}/responses`]
	])('answers 404 for %s, still open to other sites', async (_, path) => {
		const res = await anonymous().get(path());
		expect(res.status).toBe(404);
		expect(res.json.error.code).toBe('not_found');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('cache-control')).toBeNull();
	});
});
