// The live views' event streams: the members' live page and the public gallery each get the meeting's view
// whole when they open and again after every change, composed once for everyone who sees it alike; what
// each reader may see (restricted papers, private items, signing out) still holds for them while they
// stay connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, until } from '../support/event-stream.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMeeting, makeMemberOf, makeRestrictedPaper } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, makeLiveMeeting, markPresent, newId, writeWording } from '../support/record.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
});
afterAll(() => server?.stop());

const livePage = (slug: string, id: string) => `${server.url}/p/${slug}/meetings/${id}/live/events`;
const gallery = (slug: string, id: string) =>
	`${server.url}/public/${slug}/meetings/${id}/live/events`;

type Stream = Awaited<ReturnType<typeof listen>>;
/** The data of the stream's latest snapshot. */
const latest = <T = any>(stream: Stream): T =>
	(stream.named('snapshot').at(-1)!.data as { data: T }).data;
const snapshots = (stream: Stream) => stream.named('snapshot').length;

/** A meeting under way with a public item and one taken in private, the officer able to run it. */
async function underWay() {
	const meeting = await makeLiveMeeting(server.db, fx);
	const open = await makeItem(server.db, meeting.id, 'Winter pressures plan');
	const closed = await server.db.agendaItem.create({
		data: {
			id: `${open.id}p`,
			meetingId: meeting.id,
			order: 2,
			title: 'Staffing dispute settlement',
			purpose: 'DECISION',
			private: true
		}
	});
	const officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	const moveTo = async (agendaItemId: string) =>
		expect(
			(await officer.post(`/api/v1/meetings/${meeting.id}/current-item`, { agendaItemId })).status
		).toBe(200);
	return { meeting, open, closed, officer, moveTo };
}

describe("the live page's stream", () => {
	it('sends the view when it opens and after each change, one copy for readers who see alike', async () => {
		const { meeting, open, moveTo } = await underWay();
		const a = await signedIn(server.url, fx.members.OBSERVER.email);
		const b = await signedIn(server.url, fx.members.REVIEWER.email);
		const first = await listen(livePage(fx.partnership.slug, meeting.id), a.cookie);
		const second = await listen(livePage(fx.partnership.slug, meeting.id), b.cookie);
		expect(first.response.status).toBe(200);
		expect(await until(() => snapshots(first) === 1 && snapshots(second) === 1)).toBe(true);
		expect(latest(first).meeting.currentItemId).toBeNull();
		expect(latest(first).meeting.title).toBe('Partnership board');

		await moveTo(open.id);
		expect(await until(() => snapshots(first) === 2 && snapshots(second) === 2)).toBe(true);
		expect(latest(first).meeting.currentItemId).toBe(open.id);
		// Neither reader may see a restricted paper: the same view, sent as the same text.
		expect(first.named('snapshot')[1].text).toBe(second.named('snapshot')[1].text);
		// What is the reader's own is not in it.
		expect(latest(first)).not.toHaveProperty('rights');
		expect(latest(first).meeting).not.toHaveProperty('access');
		await Promise.all([first.stop(), second.stop()]);
	});

	it('keeps a restricted paper to its named partners, and follows a change of who may see it', async () => {
		const { meeting, officer } = await underWay();
		// The officer's council is named too: only those who may see a paper change who else may.
		const paper = await makeRestrictedPaper(server.db, meeting.id, [
			fx.organisations.health.id,
			fx.organisations.council.id
		]);
		const health = await makeMemberOf(server.db, fx, 'health');
		const tsi = await makeMemberOf(server.db, fx, 'tsi');
		const named = await listen(
			livePage(fx.partnership.slug, meeting.id),
			(await signedIn(server.url, health.email)).cookie
		);
		const outside = await listen(
			livePage(fx.partnership.slug, meeting.id),
			(await signedIn(server.url, tsi.email)).cookie
		);
		expect(await until(() => snapshots(named) === 1 && snapshots(outside) === 1)).toBe(true);
		const titles = (s: Stream) =>
			latest<{ record: { papers: { title: string }[] } }>(s).record.papers.map((p) => p.title);
		expect(titles(named)).toEqual(['Restricted paper']);
		expect(titles(outside)).toEqual([]);
		expect(outside.named('snapshot')[0].text).not.toContain('Restricted paper');

		const res = await officer.request(
			'PUT',
			`/api/v1/meetings/${meeting.id}/evidence/${paper.id}/organisations`,
			{
				allowedOrganisationIds: [
					fx.organisations.health.id,
					fx.organisations.council.id,
					fx.organisations.tsi.id
				]
			}
		);
		expect(res.status, res.text).toBe(204);
		expect(await until(() => titles(outside).length === 1)).toBe(true);
		expect(titles(outside)).toEqual(['Restricted paper']);
		await Promise.all([named.stop(), outside.stop()]);
	});

	it('ends when its reader signs out, and is not there signed out or outside the partnership', async () => {
		const { meeting } = await underWay();
		const member = await signedIn(server.url, fx.members.OBSERVER.email);
		const stream = await listen(livePage(fx.partnership.slug, meeting.id), member.cookie);
		expect(await until(() => snapshots(stream) === 1)).toBe(true);
		expect((await member.post('/api/v1/auth/logout')).status).toBeLessThan(300);
		expect(await until(() => stream.named('closed').length === 1)).toBe(true);
		await stream.stop();

		const anonymous = await fetch(livePage(fx.partnership.slug, meeting.id));
		expect(anonymous.status).toBe(401);
		const outsider = await signedIn(server.url, other.members.ADMIN.email);
		expect(
			(
				await fetch(livePage(fx.partnership.slug, meeting.id), {
					headers: { cookie: outsider.cookie }
				})
			).status
		).toBe(404);
	});
});

describe('the live page', () => {
	it('is found only under its own partnership, even by someone in both', async () => {
		const { meeting } = await underWay();
		await server.db.membership.create({
			data: {
				userId: fx.members.OBSERVER.userId,
				partnershipId: other.partnership.id,
				organisationId: other.organisations.council.id,
				role: 'MEMBER'
			}
		});
		const both = await signedIn(server.url, fx.members.OBSERVER.email);
		expect((await both.get(`/p/${fx.partnership.slug}/meetings/${meeting.id}/live`)).status).toBe(
			200
		);
		expect(
			(await both.get(`/p/${other.partnership.slug}/meetings/${meeting.id}/live`)).status
		).toBe(404);
	});
});

describe('the public gallery', () => {
	it('follows a meeting held in public without signing in: the item, the speaker, the queue', async () => {
		const { meeting, open, officer, moveTo } = await underWay();
		const health = await makeMemberOf(server.db, fx, 'health');
		await markPresent(
			server.db,
			meeting.id,
			[fx.members.MEMBER.membershipId, health.membershipId],
			fx.members.SECRETARIAT.userId
		);
		await server.db.bodySeat.createMany({
			data: [
				{
					bodyId: fx.bodies.board.id,
					membershipId: fx.members.MEMBER.membershipId,
					role: 'MEMBER'
				},
				{ bodyId: fx.bodies.board.id, membershipId: health.membershipId, role: 'MEMBER' }
			]
		});
		const stream = await listen(gallery(fx.partnership.slug, meeting.id));
		expect(stream.response.status).toBe(200);
		expect(await until(() => snapshots(stream) === 1)).toBe(true);
		expect(latest(stream).current).toBeNull();

		await moveTo(open.id);
		const ask = (membershipId: string) =>
			officer.post(`/api/v1/meetings/${meeting.id}/contributions`, { membershipId });
		const turn = await ask(fx.members.MEMBER.membershipId);
		expect(turn.status, turn.text).toBe(201);
		expect((await ask(health.membershipId)).status).toBe(201);
		expect((await officer.post(`/api/v1/contributions/${turn.json.id}/start`, {})).status).toBe(
			200
		);
		expect(await until(() => latest(stream).speaking !== null)).toBe(true);
		const view = latest(stream);
		expect(view.current).toMatchObject({ number: 1, title: 'Winter pressures plan' });
		expect(view.speaking).toEqual({
			name: expect.any(String),
			organisationName: `Council (${fx.partnership.slug})`
		});
		expect(view.queue).toEqual([
			{ name: expect.any(String), organisationName: `Health board (${fx.partnership.slug})` }
		]);
		await stream.stop();
	});

	it('says only that the meeting is in private session while it takes a private item', async () => {
		const { meeting, open, closed, moveTo } = await underWay();
		const stream = await listen(gallery(fx.partnership.slug, meeting.id));
		await moveTo(closed.id);
		expect(await until(() => snapshots(stream) >= 2 && latest(stream).privateSession)).toBe(true);
		expect(latest(stream).current).toBeNull();
		expect(latest(stream).agenda.map((i: { title: string }) => i.title)).toEqual([
			'Winter pressures plan'
		]);
		for (const event of stream.events) expect(event.text).not.toContain('Staffing dispute');

		await moveTo(open.id);
		expect(await until(() => !latest(stream).privateSession)).toBe(true);
		expect(latest(stream).current.title).toBe('Winter pressures plan');
		await stream.stop();
	});

	it('shows challenges with restricted papers withheld, and decisions once frozen', async () => {
		const { meeting, open, officer, moveTo } = await underWay();
		const paper = await server.db.evidenceItem.create({
			data: {
				id: newId(),
				meetingId: meeting.id,
				title: 'Restricted paper',
				confidentiality: 'RESTRICTED',
				allowedOrganisationIds: [fx.organisations.health.id, fx.organisations.council.id]
			}
		});
		const health = await makeMemberOf(server.db, fx, 'health');
		await markPresent(
			server.db,
			meeting.id,
			[fx.members.MEMBER.membershipId, health.membershipId, fx.members.SECRETARIAT.membershipId],
			fx.members.SECRETARIAT.userId
		);
		await moveTo(open.id);
		const stream = await listen(gallery(fx.partnership.slug, meeting.id));
		const raised = await officer.post(`/api/v1/meetings/${meeting.id}/challenges`, {
			agendaItemId: open.id,
			raisedByMembershipId: health.membershipId,
			target: 'EVIDENCE',
			evidenceItemId: paper.id,
			quote: 'admissions doubled in the Quillby ward',
			kind: 'EVIDENCE',
			text: 'Does the plan account for the rise in admissions?'
		});
		expect(raised.status, raised.text).toBe(201);
		expect(await until(() => latest(stream).challenges.length === 1)).toBe(true);
		expect(latest(stream).challenges[0]).toMatchObject({
			kind: 'EVIDENCE',
			paper: 'a paper restricted to named partners',
			quote: '',
			text: 'Does the plan account for the rise in admissions?',
			responses: []
		});
		for (const event of stream.events) {
			expect(event.text).not.toContain('Quillby');
			expect(event.text).not.toContain('Restricted paper');
		}

		await writeWording(server, officer.cookie, meeting.id, open.id, 'The board adopts the plan.');
		const decided = await officer.post(`/api/v1/meetings/${meeting.id}/decisions`, {
			agendaItemId: open.id,
			outcome: 'AGREED',
			method: 'CONSENSUS',
			proceedWithoutQuorum: true
		});
		expect(decided.status, decided.text).toBe(201);
		expect(await until(() => latest(stream).decisions.length === 1)).toBe(true);
		expect(latest(stream).decisions[0]).toMatchObject({
			itemTitle: 'Winter pressures plan',
			outcome: 'AGREED',
			wording: 'The board adopts the plan.',
			version: 1
		});
		await stream.stop();
	});

	it('is not there for a meeting whose agenda is not issued, nor under another partnership', async () => {
		const draft = await makeMeeting(server.db, fx);
		expect((await fetch(gallery(fx.partnership.slug, draft.id))).status).toBe(404);
		const { meeting } = await underWay();
		expect((await fetch(gallery(other.partnership.slug, meeting.id))).status).toBe(404);
		expect(
			(await fetch(`${server.url}/public/${fx.partnership.slug}/meetings/${draft.id}/live`)).status
		).toBe(404);
		const page = await fetch(
			`${server.url}/public/${fx.partnership.slug}/meetings/${meeting.id}/live`
		);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Public gallery');
	});
});
