// The joint risk register through the API and the board pack: officers define risks (scores 1–5, the first
// assessment is the first review), officers and the owner partner's members record reviews (append-only,
// the latest is current), and a risk review item's paper lists exactly the risks due by the meeting's day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { fromToday, makeOutcome, makeRiskReviewMeeting } from '../support/outcomes.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { dayInUk, parseMeetingTime } from '../../src/lib/dates.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let officer: Client;
let observer: Client;
let reviewer: Client;
/** A member from the council, which owns the risks here. */
let council: Client;
/** A member from the health board, which does not. */
let health: Client;
let outsider: Client;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
	council = await signedIn(server.url, fx.members.MEMBER.email);
	health = await signedIn(server.url, (await makeMemberOf(server.db, fx, 'health')).email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
});
afterAll(() => server?.stop());

const DAY = 86_400_000;

let named = 0;
const risk = (change: Record<string, unknown> = {}, f: Fixture = fx) => ({
	title: `Partners’ savings squeeze the fund ${++named}`,
	description: 'Partners expect savings of 3% to 6% next year.',
	ownerOrganisationId: f.organisations.council.id,
	likelihood: 4,
	impact: 3,
	controls: 'Contributions agreed a year ahead.',
	nextReviewOn: fromToday(90),
	...change
});
const define = (body: unknown, who = officer, slug = 'alpha') =>
	who.post(`/api/v1/partnerships/${slug}/risks`, body);
const review = (riskId: string, body: Record<string, unknown>, who: Client = council) =>
	who.post(`/api/v1/risks/${riskId}/reviews`, {
		controls: 'Contributions agreed a year ahead.',
		...body
	});
const rows = async () => ({
	risks: await server.db.risk.count(),
	reviews: await server.db.riskReview.count(),
	links:
		(await server.db.riskOutcome.count()) +
		(await server.db.riskDecision.count()) +
		(await server.db.riskAction.count())
});

describe('defining a risk', () => {
	it('an officer defines one: its scores are its first review, its links shown, audited', async () => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const outcome = await makeOutcome(server.db, fx);
		const res = await define(
			risk({ title: 'Winter pressures overwhelm care at home', outcomeIds: [outcome.id] })
		);
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			title: 'Winter pressures overwhelm care at home',
			ownerOrganisationName: 'Council (alpha)',
			status: 'OPEN',
			likelihood: 4,
			impact: 3,
			score: 12,
			band: 'HIGH',
			nextReviewOn: fromToday(90),
			due: false,
			outcomes: [{ id: outcome.id, code: outcome.code }]
		});
		expect(res.json.reviews).toHaveLength(1);
		expect(res.json.reviews[0]).toMatchObject({ initial: true, score: 12, meeting: null });
		expect(await written()).toBe(1);
		const event = await server.db.auditEvent.findFirst({
			where: { entity: 'Risk', entityId: res.json.id, action: 'created' }
		});
		expect(event).not.toBeNull();
		// Every member of the partnership reads the register; nobody outside it does.
		const register = await observer.get('/api/v1/partnerships/alpha/risks');
		expect(register.status).toBe(200);
		expect(register.json.map((r: { id: string }) => r.id)).toContain(res.json.id);
		expect((await outsider.get('/api/v1/partnerships/alpha/risks')).status).toBe(404);
		expect((await outsider.get(`/api/v1/risks/${res.json.id}`)).status).toBe(404);
	});

	it('a risk with no next review date is due at once', async () => {
		const res = await define(risk({ nextReviewOn: null }));
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({ nextReviewOn: null, due: true });
	});

	it.each([
		['a likelihood of 0', { likelihood: 0 }, ['likelihood']],
		[
			'a likelihood of 6 and an impact of 9',
			{ likelihood: 6, impact: 9 },
			['impact', 'likelihood']
		],
		[
			'scores that are not whole numbers',
			{ likelihood: 2.5, impact: 'high' },
			['impact', 'likelihood']
		],
		['no scores', { likelihood: null, impact: undefined }, ['impact', 'likelihood']],
		[
			'no title, description or controls',
			{ title: ' ', description: '', controls: null },
			['controls', 'description', 'title']
		],
		[
			'an owner of another partnership',
			() => ({ ownerOrganisationId: other.organisations.council.id }),
			['ownerOrganisationId']
		],
		[
			'an outcome of another partnership',
			async () => ({ outcomeIds: [(await makeOutcome(server.db, other)).id] }),
			['outcomeIds']
		],
		[
			'a decision that does not exist',
			{ decisionIds: ['nosuchdecision000000000'] },
			['decisionIds']
		],
		['a next review today', { nextReviewOn: fromToday(0) }, ['nextReviewOn']],
		['a next review that is not a date', { nextReviewOn: '31/02/2027' }, ['nextReviewOn']],
		[
			'a title the register already has',
			{ title: 'Winter pressures overwhelm care at home' },
			['title']
		]
	])('with %s → 400, nothing written', async (_, change, fields) => {
		const before = await rows();
		const res = await define(risk(typeof change === 'function' ? await change() : change));
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields).sort()).toEqual(fields);
		expect(await rows()).toEqual(before);
	});

	it('is for officers: a member or observer gets 403, another partnership 404', async () => {
		const before = await rows();
		expect((await define(risk(), council)).status).toBe(403);
		expect((await define(risk(), observer)).status).toBe(403);
		expect((await define(risk(), outsider)).status).toBe(404);
		expect(await rows()).toEqual(before);
	});
});

describe('reviewing a risk', () => {
	let riskId: string;
	let meetingId: string;

	beforeAll(async () => {
		riskId = (await define(risk({ title: 'The pooled fund runs short' }))).json.id;
		// A board meeting held an hour ago (or at midnight, in the first hour of a UK day: a review at a
		// meeting of the day before would come before the risk's first assessment, today, and be refused),
		// with a risk review item.
		const midnight = parseMeetingTime(`${dayInUk(new Date())}T00:00`)!.getTime();
		const heldAt = new Date(Math.max(Date.now() - 3_600_000, midnight));
		meetingId = (await makeRiskReviewMeeting(server.db, fx, heldAt)).id;
	});

	it('the owner’s member records one at a meeting: appended, the latest is current, audited', async () => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await review(riskId, {
			meetingId,
			likelihood: 5,
			impact: 4,
			controls: 'Contributions agreed a year ahead; a reserve of £20,000.',
			note: 'Two partners have signalled cuts.',
			nextReviewOn: fromToday(60)
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			likelihood: 5,
			impact: 4,
			score: 20,
			band: 'VERY_HIGH',
			controls: 'Contributions agreed a year ahead; a reserve of £20,000.',
			nextReviewOn: fromToday(60)
		});
		expect(res.json.reviews.map((r: { score: number }) => r.score)).toEqual([12, 20]);
		expect(res.json.reviews[1]).toMatchObject({
			meeting: { id: meetingId },
			note: 'Two partners have signalled cuts.',
			initial: false
		});
		expect(await written()).toBe(1);
		expect(
			await server.db.auditEvent.count({ where: { entityId: riskId, action: 'risk_reviewed' } })
		).toBe(1);
	});

	it('an officer records a later one between meetings; the risk’s page shows the history', async () => {
		const res = await review(
			riskId,
			{ likelihood: 3, impact: 4, nextReviewOn: fromToday(120) },
			officer
		);
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({ score: 12, band: 'HIGH', lastReviewedOn: fromToday(0) });
		const got = await observer.get(`/api/v1/risks/${riskId}`);
		expect(got.json.reviews.map((r: { score: number }) => r.score)).toEqual([12, 20, 12]);
		const page = await observer.get(`/p/alpha/risks/${riskId}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('Two partners have signalled cuts.');
		expect(page.text).toContain('First assessment');
		expect(page.text).not.toContain('Record a review');
	});

	it('is refused to people without the right: 403, or 404 outside the partnership', async () => {
		const before = await rows();
		const body = { likelihood: 1, impact: 1, nextReviewOn: fromToday(30) };
		expect((await review(riskId, body, health)).status).toBe(403);
		expect((await review(riskId, body, observer)).status).toBe(403);
		expect((await review(riskId, body, reviewer)).status).toBe(403);
		expect((await review(riskId, body, outsider)).status).toBe(404);
		expect(await rows()).toEqual(before);
	});

	it.each([
		['a likelihood of 7', () => ({ likelihood: 7, impact: 2 }), ['likelihood']],
		['no impact', () => ({ likelihood: 2, impact: '' }), ['impact']],
		['no next review while it stays open', () => ({ nextReviewOn: null }), ['nextReviewOn']],
		['no controls', () => ({ controls: '' }), ['controls']],
		['the same meeting twice', () => ({ meetingId }), ['meetingId']],
		[
			'a meeting with no risk review item',
			async () => {
				const m = await makeRiskReviewMeeting(server.db, fx, new Date(Date.now() - DAY));
				await server.db.agendaItem.updateMany({
					where: { meetingId: m.id },
					data: { purpose: 'DISCUSSION' }
				});
				return { meetingId: m.id };
			},
			['meetingId']
		],
		[
			'a meeting still to come',
			async () => ({
				meetingId: (await makeRiskReviewMeeting(server.db, fx, new Date(Date.now() + 5 * DAY))).id
			}),
			['meetingId']
		],
		[
			'a meeting of another partnership',
			async () => ({
				meetingId: (await makeRiskReviewMeeting(server.db, other, new Date(Date.now() - DAY))).id
			}),
			['meetingId']
		],
		[
			'a meeting before its latest review',
			async () => ({
				meetingId: (await makeRiskReviewMeeting(server.db, fx, new Date(Date.now() - 3 * DAY))).id
			}),
			['meetingId']
		]
	])('with %s → 400, nothing written', async (_, change, fields) => {
		const before = await rows();
		const res = await review(riskId, {
			likelihood: 2,
			impact: 2,
			nextReviewOn: fromToday(30),
			...(await change())
		});
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields).sort()).toEqual(fields);
		expect(await rows()).toEqual(before);
	});

	it('a review can close the risk: no next review needed, it leaves the heat map', async () => {
		const closing = (await define(risk({ title: 'A risk that passes' }))).json.id;
		const res = await review(closing, { likelihood: 1, impact: 1, closed: true });
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({ status: 'CLOSED', nextReviewOn: null, due: false });
		const page = await observer.get('/p/alpha/risks');
		expect(page.text).toContain('Closed risks');
	});

	it('reviews are never changed or deleted: the database refuses it', async () => {
		const first = await server.db.riskReview.findFirstOrThrow({ where: { riskId } });
		await expect(
			server.db.riskReview.update({ where: { id: first.id }, data: { likelihood: 1 } })
		).rejects.toThrow();
		await expect(server.db.riskReview.delete({ where: { id: first.id } })).rejects.toThrow();
	});
});

describe('a risk review item’s paper in the board pack', () => {
	let gamma: Fixture;
	let gammaOfficer: Client;

	beforeAll(async () => {
		gamma = await makePartnership(server.db, 'gamma');
		gammaOfficer = await signedIn(server.url, gamma.members.SECRETARIAT.email);
	});

	/** The risks the paper of a meeting's pack links to. */
	const listed = async (meetingId: string) => {
		const pack = await gammaOfficer.get(`/p/gamma/meetings/${meetingId}/pack`);
		expect(pack.status).toBe(200);
		const paper = pack.text.slice(pack.text.indexOf('Paper: risks due for review'));
		return new Set([...paper.matchAll(/\/p\/gamma\/risks\/([a-z0-9]+)/g)].map((m) => m[1]));
	};

	it('lists exactly the risks due by the meeting’s day: on or before it, or with no date', async () => {
		const meeting = await makeRiskReviewMeeting(
			server.db,
			gamma,
			new Date(`${fromToday(30)}T10:00:00Z`)
		);
		const make = async (title: string, nextReviewOn: string | null) =>
			(await define(risk({ title, nextReviewOn }, gamma), gammaOfficer, 'gamma')).json.id as string;
		const before = await make('Due before the meeting', fromToday(10));
		const onTheDay = await make('Due on the meeting’s day', fromToday(30));
		const after = await make('Due the day after', fromToday(31));
		const undated = await make('Never given a date', null);
		const closed = await make('Closed since', fromToday(5));
		expect(
			(await review(closed, { likelihood: 1, impact: 1, closed: true }, gammaOfficer)).status
		).toBe(201);
		expect(await listed(meeting.id)).toEqual(new Set([before, onTheDay, undated]));
		expect(after).toBeTruthy();
	});

	it('a past meeting’s paper shows the risks as they stood before it, and its own reviews', async () => {
		const held = new Date(Date.now() - 10 * DAY);
		const meeting = await makeRiskReviewMeeting(server.db, gamma, held);
		// A risk assessed forty days ago, due five days before the meeting.
		const old = await server.db.risk.create({
			data: {
				partnershipId: gamma.partnership.id,
				title: 'Assessed long ago',
				description: 'Arranged.',
				ownerOrganisationId: gamma.organisations.council.id,
				createdById: gamma.members.SECRETARIAT.userId,
				createdAt: new Date(Date.now() - 40 * DAY)
			}
		});
		await server.db.riskReview.create({
			data: {
				riskId: old.id,
				likelihood: 3,
				impact: 3,
				controls: 'Arranged.',
				note: '',
				status: 'OPEN',
				reviewedOn: new Date(`${fromToday(-40)}T00:00:00Z`),
				nextReviewOn: new Date(`${fromToday(-15)}T00:00:00Z`),
				recordedById: gamma.members.SECRETARIAT.userId,
				recordedAt: new Date(Date.now() - 40 * DAY)
			}
		});
		const res = await review(
			old.id,
			{ meetingId: meeting.id, likelihood: 2, impact: 2, nextReviewOn: fromToday(60) },
			gammaOfficer
		);
		expect(res.status, res.text).toBe(201);
		expect(res.json.reviews[1].reviewedOn).toBe(held.toISOString().slice(0, 10));
		// Risks defined since the meeting are not in its paper; this one is, with its review there.
		expect(await listed(meeting.id)).toEqual(new Set([old.id]));
		const pack = await gammaOfficer.get(`/p/gamma/meetings/${meeting.id}/pack`);
		expect(pack.text).toContain('3 × 3 = 9, medium');
		expect(pack.text).toContain('2 × 2 = 4, low');
	});

	it('a past meeting’s paper names a risk as it was worded then, not as reworded since', async () => {
		const held = new Date(Date.now() - 10 * DAY);
		const meeting = await makeRiskReviewMeeting(server.db, gamma, held);
		// Defined and assessed a month before the meeting, due for review before it.
		const then = new Date(Date.now() - 40 * DAY);
		const arranged = await server.db.risk.create({
			data: {
				partnershipId: gamma.partnership.id,
				title: 'Warm spaces close early',
				description: 'Arranged.',
				ownerOrganisationId: gamma.organisations.council.id,
				createdById: gamma.members.SECRETARIAT.userId,
				createdAt: then
			}
		});
		await server.db.riskVersion.create({
			data: {
				riskId: arranged.id,
				version: 1,
				title: 'Warm spaces close early',
				description: 'Arranged.',
				outcomeIds: [],
				decisionIds: [],
				actionIds: [],
				recordedById: gamma.members.SECRETARIAT.userId,
				recordedAt: then
			}
		});
		await server.db.riskReview.create({
			data: {
				riskId: arranged.id,
				likelihood: 3,
				impact: 4,
				controls: 'Arranged.',
				note: '',
				status: 'OPEN',
				reviewedOn: new Date(`${fromToday(-40)}T00:00:00Z`),
				nextReviewOn: new Date(`${fromToday(-15)}T00:00:00Z`),
				recordedById: gamma.members.SECRETARIAT.userId,
				recordedAt: then
			}
		});
		const reworded = await gammaOfficer.request('PATCH', `/api/v1/risks/${arranged.id}`, {
			title: 'Warm spaces close before the buses stop'
		});
		expect(reworded.status, reworded.text).toBe(200);
		expect(await listed(meeting.id)).toContain(arranged.id);
		const pack = (await gammaOfficer.get(`/p/gamma/meetings/${meeting.id}/pack`)).text;
		expect(pack).toContain('Warm spaces close early');
		expect(pack).not.toContain('Warm spaces close before the buses stop');
		// The register shows the risk as it reads now.
		const now = await gammaOfficer.get(`/api/v1/risks/${arranged.id}`);
		expect(now.json.title).toBe('Warm spaces close before the buses stop');
	});
});
