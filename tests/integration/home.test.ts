// The partnership home (issue 14, "Finding things"): each person's next meetings and what is waiting for
// them, read for an officer, a health board member and a community member of one partnership. A paper
// restricted to the health board is listed for its people only; others see neither it nor its title.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/access/index.ts';
import type { HomeView } from '../../src/lib/server/home/index.ts';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf, makeRestrictedPaper } from '../support/meetings.ts';
import { makeDecision, makeItem } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { seat } from '../support/record.ts';
import {
	freshDataDir,
	removeDataDir,
	startServer,
	type TestServer,
	useDataDir
} from '../support/server.ts';

const RESTRICTED_TITLE = 'Safeguarding case review, Harbourside ward';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Person = { userId: string; membershipId: string; email: string };
let server: TestServer;
let dataDir: string;
let fx: Fixture;
let other: Fixture;
let nhs: Person;
let nhsColleague: Person;
let community: Person;
let homeFor: (actor: Actor, slug: string) => Promise<HomeView>;
let disconnect: () => Promise<void>;
const ids: Record<string, string> = {};

const actorOf = (person: Person): Actor => ({
	userId: person.userId,
	email: person.email,
	name: person.email,
	via: { kind: 'session', sessionId: 'home-test' }
});
const homeOf = (person: Person) => homeFor(actorOf(person), fx.partnership.slug);
const officer = () => fx.members.SECRETARIAT;
const day = (days: number) => new Date(Date.now() + days * DAY);
const dueOn = (days: number) => new Date(`${day(days).toISOString().slice(0, 10)}T00:00:00Z`);

async function meeting(title: string, bodyId: string, startsAt: Date, status: string) {
	const row = await server.db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId,
			title,
			startsAt,
			status: status as 'DRAFT',
			closedAt: status === 'CLOSED' ? new Date(startsAt.getTime() + 2 * HOUR) : null,
			createdById: officer().userId
		}
	});
	return row.id;
}

async function paper(meetingId: string, title: string, extra: { withdrawn?: boolean } = {}) {
	const row = await server.db.evidenceItem.create({
		data: { id: `paper${randomBytes(10).toString('hex')}`, meetingId, title, ...extra }
	});
	return row.id;
}

async function action(
	text: string,
	owner: { organisationId: string; membershipId?: string },
	due: number | null,
	status: 'OPEN' | 'IN_PROGRESS' | 'DONE' = 'OPEN'
) {
	await server.db.action.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId: ids.closed,
			decisionId: ids.decision,
			text,
			ownerOrganisationId: owner.organisationId,
			ownerMembershipId: owner.membershipId ?? null,
			dueOn: due === null ? null : dueOn(due),
			status,
			createdById: officer().userId
		}
	});
}

async function priority(title: string, status: string, heldBy: string, daysAgo: number) {
	await server.db.priority.create({
		data: {
			partnershipId: fx.partnership.id,
			raisedByBodyId: fx.bodies.forum.id,
			currentBodyId: heldBy,
			title,
			said: 'Residents asked for it.',
			engagementMethod: 'PUBLIC_MEETING',
			status: status as 'RAISED',
			lastEventAt: day(-daysAgo),
			createdById: officer().userId,
			createdAt: day(-daysAgo - 1)
		}
	});
}

beforeAll(async () => {
	dataDir = await freshDataDir();
	server = await startServer({ dataDir });
	fx = await makePartnership(server.db, 'home');
	other = await makePartnership(server.db, 'elsewhere');
	nhs = await makeMemberOf(server.db, fx, 'health');
	nhsColleague = await makeMemberOf(server.db, fx, 'health');
	community = await makeMemberOf(server.db, fx, 'community');
	const { board, theme, forum } = fx.bodies;
	await seat(server.db, board.id, nhs.membershipId);
	await seat(server.db, theme.id, nhs.membershipId, 'CHAIR');
	await seat(server.db, board.id, community.membershipId);
	await seat(server.db, forum.id, community.membershipId);

	// The board is meeting now; the forum meets next week, the theme group in a fortnight.
	ids.live = await meeting('Board: winter plan', board.id, day(-HOUR / DAY), 'IN_PROGRESS');
	ids.forum = await meeting('Forum: spring gathering', forum.id, day(7), 'DRAFT');
	ids.theme = await meeting('Theme group: mental health', theme.id, day(14), 'AGENDA_ISSUED');
	ids.closed = await meeting('Board: autumn', board.id, day(-2), 'CLOSED');
	ids.oldSurvey = await meeting('Board: summer', board.id, day(-40), 'CLOSED');
	// Another partnership's meeting is none of theirs, officer or not.
	await server.db.meeting.create({
		data: {
			partnershipId: other.partnership.id,
			bodyId: other.bodies.board.id,
			title: 'Elsewhere: board',
			startsAt: day(1),
			createdById: other.members.SECRETARIAT.userId
		}
	});

	const item = await makeItem(server.db, ids.live, 1, 'Winter pressures');
	ids.partnersPaper = await paper(ids.live, 'Winter performance report');
	await server.db.evidenceItem.update({
		where: { id: ids.partnersPaper },
		data: { agendaItemId: item.id }
	});
	await paper(ids.live, 'An early draft, since withdrawn', { withdrawn: true });
	const restricted = await makeRestrictedPaper(server.db, ids.live, [fx.organisations.health.id]);
	await server.db.evidenceItem.update({
		where: { id: restricted.id },
		data: { title: RESTRICTED_TITLE, createdAt: day(1) }
	});

	const decidedItem = await makeItem(server.db, ids.closed, 1, 'Warm spaces');
	ids.decision = (
		await makeDecision(server.db, fx, ids.closed, decidedItem.id, [{ wording: 'Fund them.' }])
	).id;
	const health = fx.organisations.health.id;
	await action(
		'Report on delayed discharges',
		{ organisationId: health, membershipId: nhs.membershipId },
		-3
	);
	await action('Share the bed figures', { organisationId: health }, 10, 'IN_PROGRESS');
	await action(
		'Brief the health board',
		{ organisationId: health, membershipId: nhsColleague.membershipId },
		5
	);
	await action(
		'Publish the ward figures',
		{ organisationId: health, membershipId: nhs.membershipId },
		2,
		'DONE'
	);
	await action('Book the warm-space venues', { organisationId: fx.organisations.council.id }, 5);
	await action(
		'Ask residents about bus times',
		{ organisationId: fx.organisations.community.id },
		null
	);

	await priority('Bring back the evening bus', 'RAISED', forum.id, 2);
	await priority('Safe crossing by the primary school', 'SUBMITTED', theme.id, 30);
	await priority('Youth jobs designed with young people', 'ACCEPTED', board.id, 10);
	await priority('Warm spaces on weekday evenings', 'DECIDED', board.id, 5);
	await priority('Free swimming in the holidays', 'CLOSED', forum.id, 50);

	// Both were at the autumn board; the health board member has answered its survey already.
	for (const person of [nhs, community, officer()])
		await server.db.attendance.create({
			data: {
				meetingId: ids.closed,
				membershipId: person.membershipId,
				status: 'PRESENT',
				recordedById: officer().userId
			}
		});
	await server.db.attendance.create({
		data: {
			meetingId: ids.oldSurvey,
			membershipId: community.membershipId,
			status: 'PRESENT',
			recordedById: officer().userId
		}
	});
	await server.db.surveyReceipt.create({
		data: { meetingId: ids.closed, membershipId: nhs.membershipId }
	});

	useDataDir(dataDir);
	process.env.LOG_LEVEL = 'silent';
	({ homeFor } = await import('../../src/lib/server/home/index.ts'));
	({ disconnect } = await import('../../src/lib/server/platform/index.ts'));
});
afterAll(async () => {
	await disconnect?.();
	await server?.stop();
	await removeDataDir(dataDir);
});

const titles = (list: { title: string }[]) => list.map((x) => x.title);
const texts = (list: { text: string }[]) => list.map((x) => x.text);

describe('an officer’s home', () => {
	it('lists every body’s meetings not yet closed, soonest first, the running one first', async () => {
		const home = await homeOf(officer());
		expect(home.partnership.name).toBe('home partnership');
		expect(home.officer).toBe(true);
		expect(titles(home.meetings)).toEqual([
			'Board: winter plan',
			'Forum: spring gathering',
			'Theme group: mental health'
		]);
		expect(home.meetings[0]).toMatchObject({
			status: 'IN_PROGRESS',
			body: { name: 'home board' }
		});
	});

	it('lists the next meeting’s papers without the one restricted to the health board', async () => {
		const { papers } = await homeOf(officer());
		expect(papers.meeting?.id).toBe(ids.live);
		expect(papers.papers).toEqual([
			{
				id: ids.partnersPaper,
				title: 'Winter performance report',
				itemTitle: 'Winter pressures',
				hasFile: false
			}
		]);
		expect(papers.withheld).toBe(1);
		expect(JSON.stringify(papers)).not.toContain(RESTRICTED_TITLE);
	});

	it('has the council’s unassigned action, priorities waiting on any body, and no survey', async () => {
		const home = await homeOf(officer());
		expect(texts(home.actions.items)).toEqual(['Book the warm-space venues']);
		expect(home.actions.items[0]).toMatchObject({ ownerOrganisation: 'Council (home)' });
		// Longest waiting first; a decided priority waits on the secretariat's response, not a body.
		expect(titles(home.priorities.items)).toEqual([
			'Safe crossing by the primary school',
			'Youth jobs designed with young people',
			'Bring back the evening bus'
		]);
		expect(home.priorities.more).toBe(0);
		expect(home.surveys).toEqual([]);
	});
});

describe('a health board member’s home', () => {
	it('lists the meetings of the board and the theme group they sit on', async () => {
		const home = await homeOf(nhs);
		expect(home.officer).toBe(false);
		expect(titles(home.meetings)).toEqual(['Board: winter plan', 'Theme group: mental health']);
	});

	it('lists the restricted paper by its title, as the health board is named on it', async () => {
		const { papers } = await homeOf(nhs);
		expect(titles(papers.papers)).toEqual(['Winter performance report', RESTRICTED_TITLE]);
		expect(papers.withheld).toBe(0);
	});

	it('has their own actions and the health board’s unassigned one, overdue first', async () => {
		const { actions } = await homeOf(nhs);
		expect(texts(actions.items)).toEqual(['Report on delayed discharges', 'Share the bed figures']);
		expect(actions.items[0]).toMatchObject({ overdue: true, ownerOrganisation: null });
		expect(actions.items[1]).toMatchObject({
			overdue: false,
			status: 'IN_PROGRESS',
			dueOn: dueOn(10).toISOString().slice(0, 10),
			ownerOrganisation: 'Health board (home)',
			meetingTitle: 'Board: autumn'
		});
	});

	it('has the priorities held by the theme group and the board, and no survey (answered)', async () => {
		const home = await homeOf(nhs);
		expect(titles(home.priorities.items)).toEqual([
			'Safe crossing by the primary school',
			'Youth jobs designed with young people'
		]);
		expect(home.surveys).toEqual([]);
	});
});

describe('a community member’s home', () => {
	it('lists the board’s and the forum’s meetings, and the papers without the restricted one', async () => {
		const home = await homeOf(community);
		expect(titles(home.meetings)).toEqual(['Board: winter plan', 'Forum: spring gathering']);
		expect(titles(home.papers.papers)).toEqual(['Winter performance report']);
		expect(home.papers.withheld).toBe(1);
		expect(JSON.stringify(home)).not.toContain(RESTRICTED_TITLE);
	});

	it('has their organisation’s undated action, the forum’s and the board’s priorities', async () => {
		const home = await homeOf(community);
		expect(home.actions.items).toMatchObject([
			{ text: 'Ask residents about bus times', dueOn: null, overdue: false }
		]);
		expect(titles(home.priorities.items)).toEqual([
			'Youth jobs designed with young people',
			'Bring back the evening bus'
		]);
	});

	it('is asked to answer the survey of the meeting they were at, and not an expired one', async () => {
		const { surveys } = await homeOf(community);
		expect(surveys).toMatchObject([{ meetingId: ids.closed, title: 'Board: autumn' }]);
		expect(new Date(surveys[0].closesAt).getTime()).toBeGreaterThan(Date.now());
	});

	it('lists a meeting the forum holds jointly with the theme group, which called it', async () => {
		const joint = await meeting(
			'Joint: theme group and forum',
			fx.bodies.theme.id,
			day(10),
			'DRAFT'
		);
		await server.db.meetingBody.create({ data: { meetingId: joint, bodyId: fx.bodies.forum.id } });
		try {
			const home = await homeOf(community);
			expect(titles(home.meetings)).toEqual([
				'Board: winter plan',
				'Forum: spring gathering',
				'Joint: theme group and forum'
			]);
		} finally {
			await server.db.meetingBody.deleteMany({ where: { meetingId: joint } });
			await server.db.meeting.delete({ where: { id: joint } });
		}
	});
});

describe('the home page and the structure page', () => {
	let nhsClient: Client;
	let communityClient: Client;
	beforeAll(async () => {
		nhsClient = await signedIn(server.url, nhs.email);
		communityClient = await signedIn(server.url, community.email);
	});

	it('shows the restricted paper’s title to the health board member only', async () => {
		const forNhs = await nhsClient.get('/p/home');
		const forCommunity = await communityClient.get('/p/home');
		expect(forNhs.status).toBe(200);
		expect(forCommunity.status).toBe(200);
		expect(forNhs.text).toContain(RESTRICTED_TITLE);
		expect(forCommunity.text).toContain('Winter performance report');
		expect(forCommunity.text).not.toContain(RESTRICTED_TITLE);
		expect(forCommunity.text).toContain('1 paper is restricted to other partners');
		expect(forCommunity.text).toContain(`/p/home/meetings/${ids.live}/live`);
	});

	it('moves the structure one link away, to /structure', async () => {
		const home = await communityClient.get('/p/home');
		expect(home.text).toMatch(/<a[^>]*href="\/p\/home\/structure"[^>]*>Partnership structure<\/a>/);
		const structure = await communityClient.get('/p/home/structure');
		expect(structure.status).toBe(200);
		expect(structure.text).toContain('How the partnership is organised');
	});

	it('is not found for someone of another partnership', async () => {
		const outsider = await signedIn(server.url, other.members.MEMBER.email);
		expect((await outsider.get('/p/home')).status).toBe(404);
		expect((await outsider.get('/p/home/structure')).status).toBe(404);
		await expect(homeFor(actorOf(other.members.MEMBER), 'home')).rejects.toMatchObject({
			status: 404
		});
	});
});
