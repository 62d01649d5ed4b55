import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyNode } from '../../src/lib/server/structure/index.ts';
import { Client } from '../support/client.ts';
import { signedIn } from '../support/people.ts';
import { allBodies } from '../support/records.ts';
import { freshDataDir, startServer, type TestServer, removeDataDir } from '../support/server.ts';

const PASSWORD = 'demo-password-2026';
const ACCOUNTS = ['admin', 'officer', 'chair', 'nhs', 'police', 'tsi', 'community', 'reviewer'].map(
	(name) => `${name}@demo.example`
);
const STRUCTURE = '/api/v1/partnerships/strathmuir/structure';

const counts = (server: TestServer) =>
	Promise.all([
		server.db.partnership.count(),
		server.db.user.count(),
		server.db.organisation.count(),
		server.db.body.count(),
		server.db.bodySeat.count(),
		server.db.membership.count()
	]);

describe('the demo partnership, loaded with --demo', () => {
	let dataDir: string;
	let server: TestServer;
	let bodies: BodyNode[];
	beforeAll(async () => {
		dataDir = await freshDataDir();
		server = await startServer({ demo: true, dataDir });
		const admin = await signedIn(server.url, 'admin@demo.example', PASSWORD);
		bodies = allBodies((await admin.get(STRUCTURE)).json.bodies);
		// Loading the whole demo: see the last test of this file.
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		await removeDataDir(dataDir);
	});

	it.each(ACCOUNTS)('lets %s sign in with the demo password', async (email) => {
		const res = await new Client(server.url).post('/api/v1/auth/login', {
			email,
			password: PASSWORD
		});
		expect(res.status).toBe(200);
		expect(res.json.user.email).toBe(email);
	});

	it('has a board chaired by the council leader', () => {
		const [board] = bodies.filter((b) => b.kind === 'BOARD');
		const chair = board.seats.find((s) => s.role === 'CHAIR')!;
		expect(chair).toMatchObject({ title: 'Council Leader', organisation: { sector: 'COUNCIL' } });
	});

	it('seats NHS, police, fire, enterprise, college, third sector and two community reps on the board', () => {
		const [board] = bodies.filter((b) => b.kind === 'BOARD');
		const sectors = board.seats.map((s) => s.organisation.sector);
		for (const sector of [
			'HEALTH',
			'POLICE',
			'FIRE_RESCUE',
			'ENTERPRISE',
			'EDUCATION',
			'THIRD_SECTOR'
		])
			expect(sectors).toContain(sector);
		expect(sectors.filter((s) => s === 'COMMUNITY')).toHaveLength(2);
	});

	it('has four theme groups, each led by a different partner', () => {
		const themes = bodies.filter((b) => b.kind === 'THEME_GROUP');
		expect(themes).toHaveLength(4);
		const leads = themes.map((t) => t.lead?.id);
		expect(leads.every(Boolean)).toBe(true);
		expect(new Set(leads).size).toBe(4);
	});

	it('has three locality forums, all reporting into the tree', () => {
		const forums = bodies.filter((b) => b.kind === 'LOCALITY_FORUM');
		expect(forums).toHaveLength(3);
		const roots = bodies.filter((b) => b.kind === 'BOARD');
		expect(roots).toHaveLength(1);
		expect(allBodies(roots)).toHaveLength(bodies.length);
	});

	it('has about 25 people, and the community rep also sits on a locality forum', async () => {
		const community = await signedIn(server.url, 'community@demo.example', PASSWORD);
		const members = (await community.get('/api/v1/partnerships/strathmuir/members')).json;
		expect(members.length).toBeGreaterThanOrEqual(20);
		expect(members.length).toBeLessThanOrEqual(30);
		const { name } = (await community.get('/api/v1/me')).json.user;
		const forums = bodies.filter((b) => b.kind === 'LOCALITY_FORUM');
		expect(forums.some((f) => f.seats.some((s) => s.name === name))).toBe(true);
	});

	it('lets the reviewer use one login across two partnerships', async () => {
		const reviewer = await signedIn(server.url, 'reviewer@demo.example', PASSWORD);
		const slugs = (await reviewer.get('/api/v1/partnerships')).json.map((p: any) => p.slug);
		expect(slugs.sort()).toEqual(['carran-valley', 'strathmuir']);
	});

	describe('the board’s record', () => {
		type Meeting = { id: string; title: string; status: string; startsAt: string };
		let officer: Client;
		let meetings: Meeting[];
		let review: Meeting;
		let special: Meeting;
		let upcoming: Meeting;
		beforeAll(async () => {
			officer = await signedIn(server.url, 'officer@demo.example', PASSWORD);
			const [board] = bodies.filter((b) => b.kind === 'BOARD');
			meetings = (await officer.get(`/api/v1/bodies/${board.id}/meetings`)).json;
			[review, special, upcoming] = meetings.slice(-3);
		});

		it('has a past review (minutes approved), a special meeting (closed) and an issued agenda ahead', () => {
			expect(meetings.slice(-3).map((m) => m.status)).toEqual([
				'MINUTES_APPROVED',
				'CLOSED',
				'AGENDA_ISSUED'
			]);
			const days = (m: Meeting) => (Date.parse(m.startsAt) - Date.now()) / 86_400_000;
			expect(days(review)).toBeGreaterThan(-30);
			expect(days(review)).toBeLessThan(-26);
			expect(days(upcoming)).toBeGreaterThan(12);
			expect(upcoming.title).toBe('Partnership Board');
		});

		it('has three earlier meetings over the year, each approved at the next, scrutiny growing', async () => {
			const past = meetings.slice(0, -3);
			expect(past).toHaveLength(3);
			for (const m of past) expect(m.status).toBe('MINUTES_APPROVED');
			expect((Date.parse(past[0].startsAt) - Date.now()) / 86_400_000).toBeLessThan(-250);
			const read = (m: Meeting, what: string) => officer.get(`/api/v1/meetings/${m.id}/${what}`);
			const approvedAt = await Promise.all(
				past.map(async (m) => (await read(m, 'minutes')).json.versions[0].approvedAtMeetingId)
			);
			expect(approvedAt).toEqual([...past.slice(1), review].map((m) => m.id));
			const challenges = await Promise.all(
				past.map(async (m) => (await read(m, 'challenges')).json.length)
			);
			expect(challenges[0]).toBe(0);
			expect(challenges[1]).toBeGreaterThan(0);
			expect(challenges[2]).toBeGreaterThan(challenges[1]);
		});

		it('records decisions whose hashes verify: a consensus, a vote that adds up, an amendment, a ratification', async () => {
			const register = (await officer.get('/api/v1/partnerships/strathmuir/decisions')).json;
			const ids: string[] = register
				.filter((d: any) => d.meeting?.id === review.id || d.meetingId === review.id)
				.map((d: any) => d.id);
			expect(ids).toHaveLength(3);
			const details = await Promise.all(
				ids.map(async (id) => (await officer.get(`/api/v1/decisions/${id}`)).json)
			);
			for (const d of details) expect(d.verified).toBe(true);
			expect(details.some((d) => d.current.method === 'CONSENSUS')).toBe(true);
			const vote = details.find((d) => d.current.method === 'VOTE')!;
			const { votes } = vote.current;
			expect(votes.for + votes.against + votes.abstained).toBe(vote.current.participants.length);
			const amended = details.find((d) => d.versions.length === 2)!;
			expect(amended.versions[0].wording).not.toBe(amended.versions[1].wording);
			expect(amended.versions[0].previousHash).toBe(amended.versions[1].hash);
			expect(JSON.stringify(amended.current)).toMatch(/Strathmuir College/);
			expect(amended.current.commitments.some((c: any) => c.withAuthority === false)).toBe(true);
			expect(amended.challenges.some((c: any) => c.effect === 'AMENDED')).toBe(true);
		});

		it('has a scheme of delegation per body, and a theme group decision outside its scheme owing the board’s ratification', async () => {
			for (const body of bodies) {
				const scheme = (await officer.get(`/api/v1/bodies/${body.id}/delegation`)).json;
				expect(scheme.current, body.name).not.toBeNull();
			}
			const [board] = bodies.filter((b) => b.kind === 'BOARD');
			expect(
				(await officer.get(`/api/v1/bodies/${board.id}/delegation`)).json.earlier
			).toHaveLength(1);
			const register = (await officer.get('/api/v1/partnerships/strathmuir/decisions')).json;
			const ofGroup = register.filter(
				(d: any) => d.bodyName === 'Health and Wellbeing Theme Group'
			);
			const details = await Promise.all(
				ofGroup.map(async (d: any) => (await officer.get(`/api/v1/decisions/${d.id}`)).json)
			);
			const flagged = details.find((d) => d.delegation?.outsideScheme)!;
			expect(flagged.ratifications).toEqual([
				expect.objectContaining({ owedBy: 'PARENT_BODY', name: board.name, ratified: null })
			]);
			const ratified = details.find((d) =>
				d.ratifications.some((r: any) => r.owedBy === 'PARTNER' && r.ratified)
			);
			expect(ratified).toBeDefined();
			// The board's pathway still waits for the college board, and lists the theme group's ask.
			const arising = await officer.get(`/p/strathmuir/meetings/${upcoming.id}`);
			expect(arising.text).toContain('Ratifications still owed');
			expect(arising.text).toContain('Strathmuir College');
			expect(arising.text).toContain('Community link workers in GP practices');
		});

		it('has challenges with responses: one on a paper with a quoted passage, one unresolved', async () => {
			const challenges = (await officer.get(`/api/v1/meetings/${review.id}/challenges`)).json;
			expect(challenges.length).toBeGreaterThanOrEqual(3);
			for (const c of challenges) expect(c.responses.length).toBeGreaterThan(0);
			const quoted = challenges.find((c: any) => c.quote)!;
			expect(quoted.evidenceTitle).toBeTruthy();
			expect(['COMMUNITY', 'THIRD_SECTOR']).toContain(quoted.raisedBy.sector);
			expect(challenges.some((c: any) => c.status === 'UNRESOLVED')).toBe(true);
		});

		it('records a substitute, apologies naming them, and a withdrawal under a declaration', async () => {
			const { roll } = (await officer.get(`/api/v1/meetings/${review.id}/attendance`)).json;
			const substitute = roll.find((r: any) => r.status === 'SUBSTITUTE_FOR')!;
			const absent = roll.find((r: any) => r.membershipId === substitute.substituteForId)!;
			expect(absent).toMatchObject({ status: 'APOLOGIES', substituteId: substitute.membershipId });
			const declarations = (await officer.get(`/api/v1/meetings/${review.id}/declarations`)).json;
			expect(declarations.some((d: any) => d.action === 'WITHDREW')).toBe(true);
		});

		it('has turns lasting minutes, from several sectors, unevenly', async () => {
			const { turns } = (await officer.get(`/api/v1/meetings/${review.id}/contributions`)).json;
			expect(turns.length).toBeGreaterThanOrEqual(15);
			for (const t of turns) {
				expect(t.seconds).toBeGreaterThanOrEqual(60);
				expect(t.summary).not.toBe('');
			}
			const bySector = new Map<string, number>();
			for (const t of turns) bySector.set(t.sector, (bySector.get(t.sector) ?? 0) + t.seconds);
			expect(bySector.size).toBeGreaterThanOrEqual(5);
			const times = [...bySector.values()];
			expect(Math.max(...times)).toBeGreaterThan(3 * Math.min(...times));
		});

		it('approved the review’s minutes at the special meeting; they hold the attendance and a decision', async () => {
			const minutes = (await officer.get(`/api/v1/meetings/${review.id}/minutes`)).json;
			expect(minutes.versions).toHaveLength(1);
			const [approved] = minutes.versions;
			expect(approved.approvedAtMeetingId).toBe(special.id);
			expect(approved.text).toMatch(/Present: .*Cllr Morven Drysdale/);
			expect(approved.text).toMatch(/Substitutes: Rhona Bell/);
			expect(approved.text).toContain('The board agrees to fund the eight warm spaces');
			const draft = (await officer.get(`/api/v1/meetings/${special.id}/minutes`)).json;
			expect(draft.versions).toHaveLength(0);
			expect(draft.draft).toContain('Winter pressures');
		});

		it('issues the next agenda with papers; the open actions are its matters arising', async () => {
			const meeting = (await officer.get(`/api/v1/meetings/${upcoming.id}`)).json;
			expect(meeting.agendaIssuedAt).not.toBeNull();
			expect(meeting.items.some((i: any) => i.private)).toBe(true);
			const papers = (await officer.get(`/api/v1/meetings/${upcoming.id}/evidence`)).json;
			expect(papers.length).toBeGreaterThanOrEqual(4);
			const arising = (await officer.get(`/api/v1/meetings/${upcoming.id}/matters-arising`)).json;
			expect(arising.length).toBeGreaterThanOrEqual(3);
			for (const a of arising) expect(['OPEN', 'IN_PROGRESS']).toContain(a.status);
			expect(arising.some((a: any) => a.meetingId === review.id)).toBe(true);
		});

		it('shows the meetings on the public page, but not the item taken in private', async () => {
			const anyone = new Client(server.url);
			const index = await anyone.get('/public/strathmuir');
			expect(index.status).toBe(200);
			for (const m of meetings) expect(index.text).toContain(`/public/strathmuir/meetings/${m.id}`);
			const page = await anyone.get(`/public/strathmuir/meetings/${upcoming.id}`);
			expect(page.status).toBe(200);
			expect(page.text).toContain('Child poverty action plan');
			expect(page.text).not.toContain('lease negotiations');
		});

		it('has reviews coded by both reviewers, published for all but the latest coded meeting', async () => {
			const past = meetings.slice(0, -3);
			const published = await server.db.reviewPublication.findMany({ select: { meetingId: true } });
			expect(published.map((p) => p.meetingId).sort()).toEqual(past.map((m) => m.id).sort());
			for (const m of [...past, review]) {
				const spoken = await server.db.contribution.count({
					where: { meetingId: m.id, startedAt: { not: null } }
				});
				const coders = await server.db.code.groupBy({
					by: ['coderMembershipId'],
					where: { meetingId: m.id },
					_count: { contributionId: true }
				});
				expect(coders).toHaveLength(2);
				for (const c of coders) expect(c._count.contributionId).toBe(spoken * 9);
			}
			// Once published, an officer reads both coders' codes, each backed by a note, some not
			// applicable; a member reads the figures, never the individual codes (issue 17).
			const officer = await signedIn(server.url, 'officer@demo.example', PASSWORD);
			const { scope, codes } = (await officer.get(`/api/v1/meetings/${past[2].id}/codes`)).json;
			expect(scope).toBe('all');
			expect(new Set(codes.map((c: any) => c.coder.name))).toEqual(
				new Set(['Dr Helen Achebe', 'Dr Owen Farquhar'])
			);
			for (const c of codes) expect(c.note).not.toBe('');
			expect(codes.some((c: any) => c.notApplicable)).toBe(true);
			const member = await signedIn(server.url, 'community@demo.example', PASSWORD);
			expect((await member.get(`/api/v1/meetings/${past[2].id}/codes`)).status).toBe(403);
			const figures = (await member.get(`/api/v1/meetings/${past[2].id}/review`)).json;
			expect(figures.dqi).toMatchObject({ scope: 'all', coders: 2 });
			// The latest coded meeting is still private to each coder; the special meeting is not coded.
			expect((await member.get(`/api/v1/meetings/${review.id}/codes`)).status).toBe(403);
			expect((await officer.get(`/api/v1/meetings/${review.id}/codes`)).status).toBe(403);
			expect(await server.db.code.count({ where: { meetingId: special.id } })).toBe(0);
			expect(await server.db.reviewNote.count()).toBeGreaterThanOrEqual(2);
		});

		it('has members’ survey answers: results shown for the past meetings, the special one still open', async () => {
			const officer = await signedIn(server.url, 'officer@demo.example', PASSWORD);
			for (const m of [...meetings.slice(0, -3), review]) {
				const { survey } = (await officer.get(`/api/v1/meetings/${m.id}/review`)).json;
				expect(survey.responses).toBeGreaterThanOrEqual(3);
				expect(survey).toMatchObject({ open: false, shown: true });
				expect(survey.statements).toHaveLength(5);
			}
			// The special meeting: three answers so far, the survey open, so nothing shown yet; the
			// community representative has not answered (a browser test does).
			const { survey } = (await officer.get(`/api/v1/meetings/${special.id}/review`)).json;
			expect(survey).toMatchObject({ responses: 3, open: true, shown: false, statements: [] });
			const community = await signedIn(server.url, 'community@demo.example', PASSWORD);
			expect((await community.get(`/api/v1/meetings/${special.id}/survey`)).json.state).toBe(
				'open'
			);
		});

		it('has an audit trail of the recorded commands, attributed to the demo people', async () => {
			const events = await server.db.auditEvent.findMany({
				where: { action: { not: 'demo_loaded' }, actorUserId: { not: null } },
				select: { action: true, at: true, actorUserId: true }
			});
			const users = await server.db.user.findMany({ select: { id: true, email: true } });
			const emailOf = new Map(users.map((u) => [u.id, u.email]));
			const actions = new Set(events.map((ev) => ev.action));
			for (const action of [
				'agenda_issued',
				'attendance_recorded',
				'interest_declared',
				'meeting_started',
				'current_item_set',
				'speaker_requested',
				'turn_started',
				'turn_ended',
				'raised',
				'responded',
				'recorded',
				'amended',
				'created',
				'closed',
				'minutes_approved'
			])
				expect(actions).toContain(action);
			const who = new Set(events.map((ev) => emailOf.get(ev.actorUserId!)));
			for (const email of ['officer', 'chair', 'college', 'tsi', 'community'])
				expect(who).toContain(`${email}@demo.example`);
			expect(events.some((ev) => ev.at.getTime() < Date.now() - 20 * 86_400_000)).toBe(true);
		});
	});

	it('has a risk register of six risks owned by different partners, reviewed at two past board meetings', async () => {
		const observer = await signedIn(server.url, 'observer@demo.example', PASSWORD);
		const risks: {
			ownerOrganisationName: string;
			outcomes: unknown[];
			reviews: { meeting: { id: string; title: string } | null; score: number }[];
			versions: { version: number; changes: { field: string; before: string }[] }[];
		}[] = (await observer.get('/api/v1/partnerships/strathmuir/risks')).json;
		expect(risks).toHaveLength(6);
		expect(new Set(risks.map((r) => r.ownerOrganisationName)).size).toBe(6);
		expect(risks.every((r) => r.outcomes.length > 0)).toBe(true);
		const reviewedAt = new Set(
			risks.flatMap((r) => r.reviews.flatMap((v) => v.meeting?.title ?? []))
		);
		expect(reviewedAt).toEqual(
			new Set(['Partnership Board: health inequalities', 'Partnership Board: annual review'])
		);
		// Every risk's score has moved since it was first assessed.
		expect(risks.every((r) => r.reviews.at(-1)!.score !== r.reviews[0].score)).toBe(true);
		// One has been reworded since: its history keeps the wording it was defined with.
		const reworded = risks.filter((r) => r.versions.length > 1);
		expect(reworded).toHaveLength(1);
		expect(reworded[0].versions[1].changes).toEqual([
			expect.objectContaining({
				field: 'DESCRIPTION',
				before: expect.stringContaining('Partners expect savings of 3% to 6% next year.')
			})
		]);
	});

	describe('the forums’ priorities', () => {
		const DAY = 86_400_000;
		type Priority = {
			id: string;
			title: string;
			status: string;
			raisedBy: { id: string; name: string };
			lastEventAt: string;
			engagement: { participants: number | null; standardsMet: string[] };
			outcomes: { kind: string }[];
		};
		let officer: Client;
		let priorities: Priority[];
		const detail = async (p: Priority) => (await officer.get(`/api/v1/priorities/${p.id}`)).json;
		const titled = (words: string) => priorities.find((p) => p.title.includes(words))!;
		beforeAll(async () => {
			officer = await signedIn(server.url, 'officer@demo.example', PASSWORD);
			const forums = bodies.filter((b) => b.kind === 'LOCALITY_FORUM');
			const lists = await Promise.all(
				forums.map(async (f) => (await officer.get(`/api/v1/bodies/${f.id}/priorities`)).json)
			);
			const byId = new Map<string, Priority>();
			for (const p of lists.flat() as Priority[]) byId.set(p.id, p);
			priorities = [...byId.values()];
		});

		it('has priorities from every forum at different stages, each with its engagement and outcomes', () => {
			const forums = bodies.filter((b) => b.kind === 'LOCALITY_FORUM');
			for (const f of forums) expect(priorities.some((p) => p.raisedBy.id === f.id)).toBe(true);
			const statuses = priorities.map((p) => p.status);
			for (const status of ['RAISED', 'SUBMITTED', 'ACCEPTED', 'DECLINED', 'FEEDBACK_PUBLISHED'])
				expect(statuses).toContain(status);
			expect(statuses.filter((s) => s === 'FEEDBACK_PUBLISHED')).toHaveLength(2);
			for (const p of priorities) {
				expect(p.engagement.participants).toBeGreaterThan(0);
				expect(p.engagement.standardsMet.length).toBeGreaterThan(0);
				expect(p.outcomes.some((o) => o.kind === 'LOIP')).toBe(true);
			}
			expect(titled('Warm spaces').engagement.participants).toBe(312);
		});

		it('answered Northfield’s warm spaces from the annual review’s decision; the forum accepted', async () => {
			const warm = await detail(titled('Warm spaces'));
			const types = warm.events.map((e: any) => e.type);
			for (const type of ['RAISED', 'SUBMITTED', 'ACCEPTED', 'SCHEDULED', 'DECIDED', 'ACTION'])
				expect(types).toContain(type);
			const accepted = warm.events.find((e: any) => e.type === 'ACCEPTED');
			expect(accepted).toMatchObject({ influenceDeclared: 'CONSULT' });
			expect(accepted.hearBackBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			const decided = warm.events.find((e: any) => e.type === 'DECIDED');
			expect(decided).toMatchObject({ influenceAchieved: 'INVOLVE' });
			expect(warm.influence).toMatchObject({
				words: 'Promised: Consult; achieved: Involve — more than promised',
				overdue: false
			});
			expect(decided.decision.wording).toContain('warm spaces');
			expect(warm.feedback).toMatchObject({ status: 'PUBLISHED', verdict: 'ACCEPTED' });
			expect(warm.feedback.weDid).toContain('Six of the eight funded spaces');
			expect(warm.feedback.hearAgainBy).not.toBeNull();
			const times = warm.events.map((e: any) => Date.parse(e.at));
			expect(times).toEqual([...times].sort((a, b) => a - b));
			expect(Date.now() - times[0]).toBeGreaterThan(60 * DAY);
		});

		it('has a published response the forum contested, which notified the officer', async () => {
			const jobs = await detail(titled('young people in Eastwood'));
			expect(jobs.events.map((e: any) => e.type)).toContain('PASSED_ON');
			expect(jobs.feedback).toMatchObject({ status: 'PUBLISHED', verdict: 'CONTESTED' });
			expect(jobs.feedback.verdictNote).not.toBe('');
			const notes = (await officer.get('/api/v1/me/notifications')).json;
			expect(notes.some((n: any) => n.link?.includes(jobs.id) && /contested/.test(n.message))).toBe(
				true
			);
		});

		it('has one accepted priority whose hear-back-by day has passed: overdue on the trace and its forum’s page', async () => {
			const trace = (await officer.get('/api/v1/partnerships/strathmuir/trace')).json;
			expect(trace.overdue).toHaveLength(1);
			const [late] = trace.overdue;
			expect(late).toMatchObject({ promised: 'COLLABORATE' });
			expect(late.title).toContain('visits');
			expect(Date.parse(late.hearBackBy)).toBeLessThan(Date.now() - DAY);
			const jobs = await detail(titled('young people in Eastwood'));
			expect(jobs.influence.words).toBe(
				'Promised: Involve; achieved: Consult — less than promised'
			);
			const page = await new Client(server.url).get(`/public/strathmuir/forums/${late.forum.id}`);
			expect(page.text).toContain('Overdue: you have not heard back yet');
			expect(page.text).toContain(late.title);
		});

		it('has one declined with its reason, back with the forum', async () => {
			const [declined] = priorities.filter((p) => p.status === 'DECLINED');
			const swim = await detail(declined);
			expect(swim.heldBy.id).toBe(swim.raisedBy.id);
			expect(swim.events.at(-1)).toMatchObject({ type: 'DECLINED' });
			expect(swim.events.at(-1).reason.length).toBeGreaterThan(40);
		});

		it('has one passed sideways between theme groups, with its reason, in the receiving group’s list', async () => {
			const path = await detail(titled('Light the path'));
			const moved = path.events.at(-1);
			expect(moved).toMatchObject({ type: 'PASSED_SIDEWAYS' });
			expect(moved.byBody.name).toBe('Health and Wellbeing Theme Group');
			expect(moved.toBody.name).toBe('Community Safety Theme Group');
			expect(moved.reason.length).toBeGreaterThan(40);
			const held = (await officer.get(`/api/v1/bodies/${moved.toBody.id}/priorities`)).json;
			expect(held.map((p: Priority) => p.id)).toContain(path.id);
		});

		it('has one stalled: submitted three months ago, nothing since; and one not yet submitted', async () => {
			const age = (p: Priority) => (Date.now() - Date.parse(p.lastEventAt)) / DAY;
			const stalled = priorities.filter((p) => age(p) > 60);
			expect(stalled).toHaveLength(1);
			expect(stalled[0].status).toBe('SUBMITTED');
			const fresh = priorities.filter((p) => p.status === 'RAISED');
			expect(fresh).toHaveLength(1);
			expect(age(fresh[0])).toBeLessThan(7);
		});

		it('shows both published responses to a forum member through the API', async () => {
			const member = await signedIn(server.url, 'community@demo.example', PASSWORD);
			const published = priorities.filter((p) => p.status === 'FEEDBACK_PUBLISHED');
			for (const p of published) {
				const res = await member.get(`/api/v1/priorities/${p.id}`);
				expect(res.status).toBe(200);
				expect(res.json.feedback.status).toBe('PUBLISHED');
				for (const part of ['weAsked', 'youSaid', 'weDid'])
					expect(res.json.feedback[part]).not.toBe('');
			}
		});

		it('has residents’ support and approved comments on two answered priorities, one comment waiting', async () => {
			const voice = async (words: string) =>
				(await officer.get(`/api/v1/priorities/${titled(words).id}/residents`)).json as {
					support: { count: number }[];
					comments: { text: string; firstName: string | null; area: string | null }[];
				};
			const warm = await voice('Warm spaces');
			const jobs = await voice('Paid work and training');
			expect(warm.support[0].count).toBe(4);
			expect(jobs.support[0].count).toBe(4);
			expect(warm.comments).toEqual([
				expect.objectContaining({ firstName: 'Ailsa', area: 'Northfield' })
			]);
			expect(jobs.comments).toHaveLength(1);
			const queue = await officer.get('/api/v1/partnerships/strathmuir/resident-comments');
			expect(queue.json.map((c: { text: string }) => c.text)).toEqual([
				expect.stringContaining('free wifi')
			]);
			const page = await new Client(server.url).get(
				`/public/strathmuir/forums/${titled('Warm spaces').raisedBy.id}`
			);
			expect(page.text).toContain('Supported by 4 residents');
			expect(page.text).not.toContain('residents.demo.example');
		});
	});

	it('has two joint meetings of the health theme group and the Northfield forum; both bodies took the past one’s decision', async () => {
		const joint = await server.db.meeting.findMany({
			where: { jointBodies: { some: {} } },
			orderBy: { startsAt: 'asc' },
			select: {
				status: true,
				body: { select: { id: true, name: true } },
				jointBodies: { select: { body: { select: { id: true, name: true } } } },
				decisions: { select: { takenBy: { select: { quorate: true, bodyId: true } } } }
			}
		});
		expect(joint).toHaveLength(2);
		for (const meeting of joint) {
			expect(meeting.body.name).toBe('Health and Wellbeing Theme Group');
			expect(meeting.jointBodies.map((j) => j.body.name)).toEqual(['Northfield Locality Forum']);
		}
		const [past, upcoming] = joint;
		expect(['CLOSED', 'MINUTES_APPROVED']).toContain(past.status);
		expect(['DRAFT', 'AGENDA_ISSUED']).toContain(upcoming.status);
		const names = new Map(
			[past.body, ...past.jointBodies.map((j) => j.body)].map((b) => [b.id, b.name])
		);
		expect(past.decisions).toHaveLength(1);
		expect(past.decisions[0].takenBy.map((t) => [names.get(t.bodyId), t.quorate]).sort()).toEqual([
			['Health and Wellbeing Theme Group', true],
			['Northfield Locality Forum', true]
		]);
	});

	it('has an outbox of the email its events would have sent, readable by its admin', async () => {
		const admin = await signedIn(server.url, 'admin@demo.example', PASSWORD);
		const outbox = (await admin.get('/api/v1/partnerships/strathmuir/outbox')).json as {
			kind: string;
			status: string;
			hasCalendarInvite: boolean;
		}[];
		const kinds = new Set(outbox.map((m) => m.kind));
		for (const kind of ['agenda_issued', 'action_assigned', 'priority_step', 'response_published'])
			expect(kinds, kind).toContain(kind);
		// Nothing is sent from the demo: without SMTP_URL every message stays in the outbox.
		expect(outbox.filter((m) => m.status === 'SENT')).toEqual([]);
		expect(outbox.some((m) => m.kind === 'agenda_issued' && m.hasCalendarInvite)).toBe(true);
	});

	it('is not loaded twice when the server restarts on the same data', async () => {
		const before = await counts(server);
		await server.stop();
		server = await startServer({ demo: true, dataDir });
		expect(await counts(server)).toEqual(before);
		expect(await server.db.auditEvent.count({ where: { action: 'demo_loaded' } })).toBe(1);
	});
});

describe('starting without --demo', () => {
	it('in production, without --demo or --no-demo, loads nothing', async () => {
		const server = await startServer({ demo: 'unset', env: { NODE_ENV: 'production' } });
		try {
			expect(await counts(server)).toEqual([0, 0, 0, 0, 0, 0]);
			const res = await new Client(server.url).post('/api/v1/auth/login', {
				email: 'admin@demo.example',
				password: PASSWORD
			});
			expect(res.status).toBe(401);
		} finally {
			await server.stop();
		}
	});

	it('in development, without flags, loads the demo; its cookie is not Secure (plain http)', async () => {
		const server = await startServer({ demo: 'unset', env: { NODE_ENV: 'development' } });
		try {
			expect(await server.db.partnership.count()).toBeGreaterThan(0);
			const res = await new Client(server.url).post('/api/v1/auth/login', {
				email: 'admin@demo.example',
				password: PASSWORD
			});
			expect(res.status).toBe(200);
			const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
			expect(cookie).toMatch(/HttpOnly/i);
			expect(cookie).not.toMatch(/;\s*Secure/i);
		} finally {
			await server.stop();
		}
		// Loading the whole demo (a year of meetings, their codes and surveys, risks, schemes, statements)
		// takes about 25 s on a quiet machine and went past a minute on one running two other test suites.
	}, 180_000);
});
