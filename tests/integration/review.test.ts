// The review of a closed meeting computed from its record: a meeting arranged with a known record whose
// figures were worked by hand (in the comments), who may read it when, that reviewers only read the
// record, the CSV of its figures, and the same measures across a body's meetings.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { markPresent, newId, seat } from '../support/record.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let reviewer: Client;
let officer: Client;
let member: Client;
let observer: Client;
let outsider: Client;
type Person = Awaited<ReturnType<typeof makeMemberOf>>;
let nhs: Person;
let nhsSilent: Person;
let tsi: Person;
let cc: Person;
let ccSub: Person;

const hex = (n: number) => randomBytes(n).toString('hex');
const clock = (hhmm: string, day = '2026-06-04') => new Date(`${day}T${hhmm}:00Z`);

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'rev');
	other = await makePartnership(server.db, 'rev-other');
	nhs = await makeMemberOf(server.db, fx, 'health');
	nhsSilent = await makeMemberOf(server.db, fx, 'health');
	tsi = await makeMemberOf(server.db, fx, 'tsi');
	cc = await makeMemberOf(server.db, fx, 'community');
	ccSub = await makeMemberOf(server.db, fx, 'community');
	// The fixture's MEMBER chairs the board (Council); four more voting seats.
	for (const p of [nhs, nhsSilent, tsi, cc])
		await seat(server.db, fx.bodies.board.id, p.membershipId);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	member = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.REVIEWER.email);
});
afterAll(() => server?.stop());

const by = () => fx.members.SECRETARIAT.userId;

async function closedMeeting(
	day: string,
	status: 'CLOSED' | 'MINUTES_APPROVED' = 'CLOSED',
	bodyId = fx.bodies.board.id
) {
	return server.db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId,
			title: `Board ${day}`,
			startsAt: clock('09:30', day),
			status,
			agendaIssuedAt: new Date(clock('09:30', day).getTime() - 7 * 86_400_000 - 30 * 60_000),
			startedAt: clock('09:30', day),
			closedAt: clock('10:50', day),
			createdById: by()
		}
	});
}

async function item(
	meetingId: string,
	order: number,
	title: string,
	purpose: string,
	minutes: number
) {
	return server.db.agendaItem.create({
		data: { id: newId(), meetingId, order, title, purpose: purpose as 'DECISION', minutes }
	});
}

async function turn(
	meetingId: string,
	agendaItemId: string,
	membershipId: string,
	from: Date,
	seconds: number
) {
	await server.db.contribution.create({
		data: {
			meetingId,
			agendaItemId,
			membershipId,
			type: 'CONTRIBUTION',
			requestedById: by(),
			requestedAt: from,
			startedAt: from,
			endedAt: new Date(from.getTime() + seconds * 1000)
		}
	});
}

async function trail(meetingId: string, events: [string, Date, Record<string, unknown>][]) {
	for (const [action, at, detail] of events)
		await server.db.auditEvent.create({
			data: {
				actorUserId: by(),
				partnershipId: fx.partnership.id,
				action,
				entity: 'Meeting',
				entityId: meetingId,
				detail: { ...detail, at: at.toISOString() },
				at
			}
		});
}

async function paper(
	meetingId: string,
	kind: string,
	data: { late?: boolean; withdrawn?: boolean } = {}
) {
	return server.db.evidenceItem.create({
		data: { id: hex(12), meetingId, title: `${kind} paper`, kind: kind as 'STATISTICS', ...data }
	});
}

async function challenge(
	meetingId: string,
	agendaItemId: string,
	raisedBy: string,
	to: { organisationId?: string; membershipId?: string },
	responses: [string, string][]
) {
	const created = await server.db.challenge.create({
		data: {
			meetingId,
			agendaItemId,
			raisedByMembershipId: raisedBy,
			directedToOrganisationId: to.organisationId ?? null,
			directedToMembershipId: to.membershipId ?? null,
			target: 'DECISION',
			kind: 'EVIDENCE',
			text: 'Where is the evidence?',
			recordedById: by()
		}
	});
	let n = 0;
	for (const [status, effect] of responses)
		await server.db.challengeResponse.create({
			data: {
				challengeId: created.id,
				text: 'Response',
				status: status as 'ANSWERED',
				effect: effect as 'NONE',
				recordedById: by(),
				createdAt: new Date(Date.now() + n++ * 1000)
			}
		});
}

async function decision(
	meetingId: string,
	agendaItemId: string,
	versions: { outcome?: string; alternatives?: string; evidence?: string[] }[]
) {
	const d = await server.db.decision.create({
		data: { partnershipId: fx.partnership.id, bodyId: fx.bodies.board.id, meetingId, agendaItemId }
	});
	let version = 0;
	for (const v of versions)
		await server.db.decisionVersion.create({
			data: {
				decisionId: d.id,
				version: ++version,
				wording: 'The board agrees.',
				outcome: (v.outcome ?? 'AGREED') as 'AGREED',
				method: 'CONSENSUS',
				alternatives: v.alternatives ?? '',
				quorate: true,
				hash: hex(32),
				recordedById: by(),
				evidence: { create: (v.evidence ?? []).map((evidenceItemId) => ({ evidenceItemId })) }
			}
		});
	return d;
}

async function priorityDecided(
	decisionId: string,
	raised: Date,
	decided: Date,
	published: boolean
) {
	const p = await server.db.priority.create({
		data: {
			partnershipId: fx.partnership.id,
			raisedByBodyId: fx.bodies.forum.id,
			currentBodyId: fx.bodies.board.id,
			title: 'Evening buses',
			said: 'The last bus leaves at seven.',
			engagementMethod: 'PUBLIC_MEETING',
			status: 'DECIDED',
			lastEventAt: decided,
			createdById: by(),
			createdAt: raised
		}
	});
	await server.db.priorityEvent.create({
		data: {
			priorityId: p.id,
			type: 'RAISED',
			byBodyId: fx.bodies.forum.id,
			recordedById: by(),
			at: raised
		}
	});
	await server.db.priorityEvent.create({
		data: { priorityId: p.id, type: 'DECIDED', decisionId, recordedById: by(), at: decided }
	});
	await server.db.feedback.create({
		data: {
			priorityId: p.id,
			decisionId,
			weAsked: 'a',
			youSaid: 'b',
			weDid: 'c',
			status: published ? 'PUBLISHED' : 'DRAFT',
			publishedAt: published ? decided : null,
			createdAt: decided,
			updatedAt: decided
		}
	});
}

/**
 * The worked meeting. Seats (voting): Council chair, Health ×2, Voluntary action (third sector), Community
 * council → 5. Present: the chair, both Health members (one silent), Voluntary action, and a Community
 * colleague standing in for the Community member, who sent apologies.
 */
async function workedMeeting() {
	const m = await closedMeeting('2026-06-04');
	const chair = fx.members.MEMBER.membershipId;
	await markPresent(
		server.db,
		m.id,
		[chair, nhs.membershipId, nhsSilent.membershipId, tsi.membershipId],
		by()
	);
	await server.db.attendance.create({
		data: {
			meetingId: m.id,
			membershipId: cc.membershipId,
			status: 'APOLOGIES',
			substituteId: ccSub.membershipId,
			recordedById: by()
		}
	});
	await server.db.attendance.create({
		data: {
			meetingId: m.id,
			membershipId: ccSub.membershipId,
			status: 'SUBSTITUTE_FOR',
			substituteForId: cc.membershipId,
			recordedById: by()
		}
	});
	const welcome = await item(m.id, 1, 'Welcome', 'INFORMATION', 5);
	const budget = await item(m.id, 2, 'Budget', 'DECISION', 30);
	const buses = await item(m.id, 3, 'Bus routes', 'DECISION', 20);
	const report = await item(m.id, 4, 'Performance report', 'INFORMATION', 15);
	// Current item: welcome 09:30–09:36, budget –10:10, buses –10:30, report –10:50 (closed).
	await trail(m.id, [
		['meeting_started', clock('09:30'), { currentItemId: welcome.id }],
		['current_item_set', clock('09:36'), { before: welcome.id, after: budget.id }],
		['current_item_set', clock('10:10'), { before: budget.id, after: buses.id }],
		['current_item_set', clock('10:30'), { before: buses.id, after: report.id }],
		['closed', clock('10:50'), {}]
	]);
	// Turns: chair 60 + 120 s, NHS 180 s, TSI 60 + 60 s, the Community substitute 120 s; the silent Health
	// member asked once and withdrew the request (cancelled: not a turn).
	await turn(m.id, welcome.id, chair, clock('09:31'), 60);
	await turn(m.id, budget.id, chair, clock('09:40'), 120);
	await turn(m.id, budget.id, nhs.membershipId, clock('09:45'), 180);
	await turn(m.id, budget.id, tsi.membershipId, clock('09:50'), 60);
	await turn(m.id, buses.id, tsi.membershipId, clock('10:12'), 60);
	await turn(m.id, buses.id, ccSub.membershipId, clock('10:15'), 120);
	await server.db.contribution.create({
		data: {
			meetingId: m.id,
			agendaItemId: buses.id,
			membershipId: nhsSilent.membershipId,
			type: 'QUESTION',
			requestedById: by(),
			cancelledAt: clock('10:20')
		}
	});
	// Papers: statistics and consultation on time, a performance report tabled late, a withdrawn one.
	const stats = await paper(m.id, 'STATISTICS');
	const consultation = await paper(m.id, 'CONSULTATION');
	const late = await paper(m.id, 'PERFORMANCE', { late: true });
	await paper(m.id, 'FINANCIAL', { withdrawn: true });
	// Challenges: Community → Council (answered, amended); Third sector → the NHS member (partly);
	// Health → nobody (answered, then unresolved); Council → Voluntary action (no response).
	await challenge(
		m.id,
		budget.id,
		ccSub.membershipId,
		{ organisationId: fx.organisations.council.id },
		[['ANSWERED', 'AMENDED']]
	);
	await challenge(m.id, budget.id, tsi.membershipId, { membershipId: nhs.membershipId }, [
		['PARTLY', 'NONE']
	]);
	await challenge(m.id, buses.id, nhs.membershipId, {}, [
		['ANSWERED', 'NONE'],
		['UNRESOLVED', 'NONE']
	]);
	await challenge(m.id, buses.id, chair, { organisationId: fx.organisations.tsi.id }, []);
	// Decisions: the budget amended to cite two papers; buses with an alternative recorded in v2; the
	// report noted citing the late paper, unchallenged and with no alternatives.
	await decision(m.id, budget.id, [{}, { evidence: [stats.id, consultation.id] }]);
	const busDecision = await decision(m.id, buses.id, [
		{},
		{ alternatives: 'Keep the 14 as it is' }
	]);
	const noted = await decision(m.id, report.id, [{ outcome: 'NOTED', evidence: [late.id] }]);
	// A forum priority raised 1 March, decided on the buses at 10:20: 95 days.
	await priorityDecided(busDecision.id, clock('10:00', '2026-03-01'), clock('10:20'), true);
	return { meeting: m, items: { welcome, budget, buses, report }, noted };
}

let worked: Awaited<ReturnType<typeof workedMeeting>>;
beforeAll(async () => {
	worked = await workedMeeting();
});

const reviewPath = (id: string) => `/api/v1/meetings/${id}/review`;

describe('the review of a closed meeting, from its record', () => {
	it('participation: shares of seats, turns and time by organisation and sector; the Gini', async () => {
		const res = await reviewer.get(reviewPath(worked.meeting.id));
		expect(res.status, res.text).toBe(200);
		const p = res.json.participation;
		// Turns 6, seconds 600. Council 1 seat 2 turns 180 s; Health 2 seats 1 turn 180 s; Voluntary action
		// 1 seat 2 turns 120 s; Community 1 seat (the member who sent apologies), 1 turn 120 s by the
		// substitute, who counts for their own organisation.
		const row = (o: { organisation: string }) => o.organisation.replace(' (rev)', '');
		expect(
			p.byOrganisation.map((o: Record<string, unknown> & { organisation: string }) => [
				row(o),
				o.seats,
				o.present,
				o.turns,
				o.seconds
			])
		).toEqual([
			['Council', 1, 1, 2, 180],
			['Health board', 2, 2, 1, 180],
			['Voluntary action', 1, 1, 2, 120],
			['Community council', 1, 1, 1, 120]
		]);
		expect(p.bySector).toEqual([
			{
				sector: 'COUNCIL',
				people: 1,
				seats: 1,
				present: 1,
				turns: 2,
				seconds: 180,
				seatShare: 0.2,
				turnShare: 2 / 6,
				timeShare: 0.3
			},
			{
				sector: 'HEALTH',
				people: 2,
				seats: 2,
				present: 2,
				turns: 1,
				seconds: 180,
				seatShare: 0.4,
				turnShare: 1 / 6,
				timeShare: 0.3
			},
			{
				sector: 'THIRD_SECTOR',
				people: 1,
				seats: 1,
				present: 1,
				turns: 2,
				seconds: 120,
				seatShare: 0.2,
				turnShare: 2 / 6,
				timeShare: 0.2
			},
			{
				sector: 'COMMUNITY',
				people: 1,
				seats: 1,
				present: 1,
				turns: 1,
				seconds: 120,
				seatShare: 0.2,
				turnShare: 1 / 6,
				timeShare: 0.2
			}
		]);
		// Present 180, 180, 0 (silent), 120, 120: sorted 0, 120, 120, 180, 180; Σ i·x = 240 + 360 + 720 +
		// 900 = 2220; G = 2·2220/(5·600) − 6/5 = 1.48 − 1.2 = 0.28.
		expect(p.gini).toBeCloseTo(0.28);
		expect(p.membersPresent).toBe(5);
		expect(p.silentMembers).toBe(1);
		// People who took part: the Community member who sent apologies is not among them; the substitute is.
		expect(p.bySector.map((r: { people: number }) => r.people)).toEqual([1, 2, 1, 1]);
		// Community and third sector apart. Community council: seats 1/5, turns 1/6, time 120/600.
		// Voluntary action: seats 1/5, turns 2/6, time 120/600.
		expect(p.community).toEqual({ seatShare: 0.2, turnShare: 1 / 6, timeShare: 0.2 });
		expect(p.thirdSector).toEqual({ seatShare: 0.2, turnShare: 1 / 3, timeShare: 0.2 });
		expect(p).not.toHaveProperty('communityAndThirdSector');
	});

	it('scrutiny: per decision item, answered, changed, who challenged whom, unchallenged decisions', async () => {
		const { scrutiny } = (await reviewer.get(reviewPath(worked.meeting.id))).json;
		// Decision items: Budget, Bus routes (for decision) and the report (a decision recorded) → 3.
		// Challenges on them 4 → 4/3. Answered: ANSWERED, PARTLY → 2/4. Changed: AMENDED → 1/4.
		expect(scrutiny).toMatchObject({
			decisionItems: 3,
			challenges: 4,
			answered: 2,
			answeredShare: 0.5,
			changedDecision: 1,
			changedDecisionShare: 0.25
		});
		expect(scrutiny.challengesPerDecisionItem).toBeCloseTo(4 / 3);
		expect(
			scrutiny.byItem.map((i: { title: string; challenges: number }) => [i.title, i.challenges])
		).toEqual([
			['Welcome', 0],
			['Budget', 2],
			['Bus routes', 2],
			['Performance report', 0]
		]);
		expect(scrutiny.matrix).toEqual({
			sectors: ['COUNCIL', 'HEALTH', 'THIRD_SECTOR', 'COMMUNITY'],
			counts: [
				[0, 0, 1, 0], // Council → Voluntary action
				[0, 0, 0, 0], // Health → nobody in particular
				[0, 1, 0, 0], // Third sector → the NHS member
				[1, 0, 0, 0] // Community → Council
			],
			undirected: [0, 1, 0, 0],
			// The people behind each sector: the chair; the NHS member (challenged, and challenging nobody in
			// particular); Voluntary action's member; the Community substitute.
			people: [1, 1, 1, 1]
		});
		expect(scrutiny.unchallenged).toEqual([
			{
				decisionId: worked.noted.id,
				agendaItemId: worked.items.report.id,
				title: 'Performance report'
			}
		]);
	});

	it('evidence, forum voice and time use', async () => {
		const review = (await reviewer.get(reviewPath(worked.meeting.id))).json;
		// Decisions 3, citing 2 (budget v2, the report); papers 3 (the withdrawn one left out), 1 late;
		// agenda issued 7 days 30 minutes before: late means fewer than 7 days before.
		expect(review.evidence).toEqual({
			decisions: 3,
			citingEvidence: 2,
			citingShare: 2 / 3,
			kinds: [
				{ kind: 'CONSULTATION', count: 1 },
				{ kind: 'PERFORMANCE', count: 1 },
				{ kind: 'STATISTICS', count: 1 }
			],
			papers: 3,
			latePapers: 1,
			lateShare: 1 / 3,
			lateDays: 7
		});
		// 1 March 10:00 → 4 June 10:20: 31 + 30 + 31 + 3 = 95 days.
		expect(review.forumVoice).toMatchObject({
			decisions: 3,
			answeringPriority: 1,
			answeringShare: 1 / 3,
			medianDaysToDecision: 95,
			responsesPublished: 1,
			priorities: [
				{ title: 'Evening buses', forum: 'rev forum', daysToDecision: 95, responsePublished: true }
			]
		});
		// Used: welcome 6, budget 34, buses 20, report 20 = 80 minutes; information 26/80, decision 54/80.
		expect(review.timeUse.basis).toBe('currentItem');
		expect(
			review.timeUse.items.map((i: { title: string; allotted: number; used: number }) => [
				i.title,
				i.allotted,
				i.used
			])
		).toEqual([
			['Welcome', 5, 6],
			['Budget', 30, 34],
			['Bus routes', 20, 20],
			['Performance report', 15, 20]
		]);
		expect(review.timeUse.byPurpose).toEqual([
			{ purpose: 'DECISION', allotted: 50, used: 54 },
			{ purpose: 'INFORMATION', allotted: 20, used: 26 }
		]);
		expect(review.timeUse.informationShare).toBeCloseTo(26 / 80);
		expect(review.timeUse.decisionShare).toBeCloseTo(54 / 80);
	});

	it('carries the meeting, the coding, the survey and (for reviewers) notes', async () => {
		await server.db.reviewNote.create({
			data: {
				partnershipId: fx.partnership.id,
				meetingId: worked.meeting.id,
				authorMembershipId: fx.members.REVIEWER.membershipId,
				text: 'The chair invited the community member in twice.'
			}
		});
		const review = (await officer.get(reviewPath(worked.meeting.id))).json;
		expect(review.meeting).toMatchObject({
			id: worked.meeting.id,
			title: 'Board 2026-06-04',
			body: 'rev board',
			status: 'CLOSED'
		});
		expect(review.published).toBeNull();
		expect(review.dqi.scope).toBe('none');
		expect(review.survey).toMatchObject({ minimum: 3 });
		expect(review.notes).toEqual([
			expect.objectContaining({
				author: 'reviewer of rev',
				text: 'The chair invited the community member in twice.'
			})
		]);
	});
});

describe('who reads the review, and when', () => {
	it('before the meeting closes: 409', async () => {
		const m = await closedMeeting('2026-07-01');
		await server.db.meeting.update({
			where: { id: m.id },
			data: { status: 'IN_PROGRESS', closedAt: null }
		});
		const res = await reviewer.get(reviewPath(m.id));
		expect(res.status).toBe(409);
		expect((await reviewer.get(`${reviewPath(m.id)}/measures.csv`)).status).toBe(409);
	});

	it('members and observers: 403 until published, then the review with its notes', async () => {
		const m = await closedMeeting('2026-07-08', 'MINUTES_APPROVED');
		await server.db.reviewNote.create({
			data: {
				partnershipId: fx.partnership.id,
				meetingId: m.id,
				authorMembershipId: fx.members.REVIEWER.membershipId,
				text: 'Brisk.'
			}
		});
		for (const client of [member, observer]) {
			const res = await client.get(reviewPath(m.id));
			expect(res.status).toBe(403);
			expect(res.json.error.code).toBe('forbidden');
			expect((await client.get(`${reviewPath(m.id)}/measures.csv`)).status).toBe(403);
		}
		await server.db.reviewPublication.create({
			data: {
				meetingId: m.id,
				partnershipId: fx.partnership.id,
				publishedById: fx.members.REVIEWER.userId,
				publishedAt: clock('12:00', '2026-07-10')
			}
		});
		for (const client of [member, observer]) {
			const res = await client.get(reviewPath(m.id));
			expect(res.status, res.text).toBe(200);
			expect(res.json.published).toEqual({ at: '2026-07-10T12:00:00.000Z', by: 'reviewer of rev' });
			expect(res.json.notes.map((n: { text: string }) => n.text)).toEqual(['Brisk.']);
		}
	});

	it('from another partnership: 404', async () => {
		const res = await outsider.get(reviewPath(worked.meeting.id));
		expect(res.status).toBe(404);
		expect((await outsider.get(`${reviewPath(worked.meeting.id)}/measures.csv`)).status).toBe(404);
	});

	it('reading writes nothing', async () => {
		const written = await auditCounter(server.db);
		await reviewer.get(reviewPath(worked.meeting.id));
		await reviewer.get(`${reviewPath(worked.meeting.id)}/measures.csv`);
		expect(await written()).toBe(0);
	});
});

describe('reviewers read the record but cannot alter it', () => {
	it('refuses a reviewer’s challenge, turn, attendance and decision at a meeting in progress', async () => {
		const m = await closedMeeting('2026-07-15');
		const agendaItem = await item(m.id, 1, 'Budget', 'DECISION', 20);
		await server.db.meeting.update({
			where: { id: m.id },
			data: {
				status: 'IN_PROGRESS',
				closedAt: null,
				currentItemId: agendaItem.id,
				currentItemAt: new Date()
			}
		});
		await markPresent(server.db, m.id, [fx.members.REVIEWER.membershipId], by());
		const written = await auditCounter(server.db);
		const path = `/api/v1/meetings/${m.id}`;
		const attempts = [
			reviewer.post(`${path}/challenges`, {
				agendaItemId: agendaItem.id,
				kind: 'RISK',
				text: 'A reviewer’s challenge'
			}),
			reviewer.post(`${path}/contributions`, { type: 'QUESTION' }),
			reviewer.post(`${path}/attendance`, { membershipId: tsi.membershipId, status: 'ABSENT' }),
			reviewer.post(`${path}/decisions`, {
				agendaItemId: agendaItem.id,
				wording: 'Agreed',
				outcome: 'AGREED',
				method: 'CONSENSUS'
			})
		];
		for (const res of await Promise.all(attempts)) {
			expect(res.status, res.text).toBe(403);
			expect(res.json.error.code).toBe('forbidden');
		}
		expect(await written()).toBe(0);
	});
});

describe('the review’s figures as CSV', () => {
	it('long format, one number a row, every section or one', async () => {
		const res = await reviewer.get(`${reviewPath(worked.meeting.id)}/measures.csv`);
		expect(res.status, res.text).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const lines = res.text
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(lines[0]).toBe('section,measure,group,value');
		expect(lines).toContain('participation,gini,,0.28');
		expect(lines).toContain('participation,bySector.timeShare,Third sector,0.2');
		expect(lines).toContain('participation,community.turnShare,,0.1667');
		expect(lines).toContain('participation,thirdSector.turnShare,,0.3333');
		expect(lines.join('\n')).not.toMatch(/communityAndThirdSector/);
		expect(lines).toContain('participation,byOrganisation.seats,Health board (rev),2');
		expect(lines).toContain('scrutiny,challengesPerDecisionItem,,1.3333');
		expect(lines).toContain('scrutiny,matrix.challenges,Community → Council,1');
		expect(lines).toContain('scrutiny,matrix.undirected,Health,1');
		expect(lines).toContain('scrutiny,unchallenged,Performance report,1');
		expect(lines).toContain('evidence,kinds.count,Consultation findings,1');
		expect(lines).toContain('evidence,lateDays,,7');
		expect(lines).toContain('forumVoice,priority.daysToDecision,Evening buses,95');
		expect(lines).toContain('forumVoice,priority.responsePublished,Evening buses,yes');
		expect(lines).toContain('timeUse,purpose.used,Information,26');
		expect(lines).toContain('timeUse,informationShare,,0.325');
		expect(lines).toContain('survey,shown,,no');
		const sections = new Set(lines.slice(1).map((l) => l.split(',')[0]));
		expect(sections).toEqual(
			new Set([
				'participation',
				'scrutiny',
				'evidence',
				'forumVoice',
				'timeUse',
				'dqi',
				'agreement',
				'survey'
			])
		);

		const one = await reviewer.get(`${reviewPath(worked.meeting.id)}/measures.csv?section=timeUse`);
		expect(one.headers.get('content-disposition')).toContain(
			`review-${worked.meeting.id}-timeUse.csv`
		);
		const rows = one.text
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n')
			.slice(1);
		expect(rows.every((l) => l.startsWith('timeUse,'))).toBe(true);
		expect(rows).toContain('timeUse,item.used,Budget,34');

		const bad = await reviewer.get(`${reviewPath(worked.meeting.id)}/measures.csv?section=gossip`);
		expect(bad.status).toBe(400);
		expect(bad.json.error.fields.section).toMatch(/Choose a section/);
	});

	it('neutralises a title a spreadsheet would run as a formula', async () => {
		const m = await closedMeeting('2026-07-22');
		await item(m.id, 1, '=HYPERLINK("http://x")', 'INFORMATION', 5);
		const res = await reviewer.get(`${reviewPath(m.id)}/measures.csv?section=timeUse`);
		expect(res.text).toContain(`timeUse,item.used,"'=HYPERLINK(""http://x"")",0`);
	});
});

describe('trends across a body’s meetings, and the partnership’s summary', () => {
	const theme = () => fx.bodies.theme.id;
	const trendsPath = () => `/api/v1/bodies/${theme()}/review-trends`;
	const summaryPath = (query = '') => `/api/v1/partnerships/rev/review-summary${query}`;

	beforeAll(async () => {
		const t = theme();
		await seat(server.db, t, nhs.membershipId);
		await seat(server.db, t, tsi.membershipId);
		// March (published): both present, 60 s each; one decision item decided, one challenge answered.
		const march = await closedMeeting('2026-03-05', 'MINUTES_APPROVED', t);
		const plan = await item(march.id, 1, 'Plan', 'DECISION', 10);
		await markPresent(server.db, march.id, [nhs.membershipId, tsi.membershipId], by());
		await turn(march.id, plan.id, nhs.membershipId, clock('09:40', '2026-03-05'), 60);
		await turn(march.id, plan.id, tsi.membershipId, clock('09:45', '2026-03-05'), 60);
		await challenge(
			march.id,
			plan.id,
			tsi.membershipId,
			{ organisationId: fx.organisations.health.id },
			[['ANSWERED', 'NONE']]
		);
		await decision(march.id, plan.id, [{}]);
		await server.db.reviewPublication.create({
			data: {
				meetingId: march.id,
				partnershipId: fx.partnership.id,
				publishedById: fx.members.REVIEWER.userId
			}
		});
		// April: NHS speaks 120 s, the third sector is silent; a decision item with no decision.
		const april = await closedMeeting('2026-04-02', 'CLOSED', t);
		const money = await item(april.id, 1, 'Money', 'DECISION', 10);
		await markPresent(server.db, april.id, [nhs.membershipId, tsi.membershipId], by());
		await turn(april.id, money.id, nhs.membershipId, clock('09:40', '2026-04-02'), 120);
		// May: nothing recorded at all. June: still in progress, so not in the trends.
		await closedMeeting('2026-05-07', 'CLOSED', t);
		const june = await closedMeeting('2026-06-01', 'CLOSED', t);
		await server.db.meeting.update({ where: { id: june.id }, data: { status: 'IN_PROGRESS' } });
	});

	it('reviewers see every closed meeting in date order, with its headline figures', async () => {
		const res = await reviewer.get(trendsPath());
		expect(res.status, res.text).toBe(200);
		expect(res.json.body).toEqual({
			id: theme(),
			name: 'rev health theme group',
			kind: 'THEME_GROUP'
		});
		const points = res.json.meetings;
		expect(
			points.map((p: { title: string; published: boolean }) => [p.title, p.published])
		).toEqual([
			['Board 2026-03-05', true],
			['Board 2026-04-02', false],
			['Board 2026-05-07', false]
		]);
		// March: 60, 60 → G 0; third sector 60/120 = 0.5, community 0; 1 challenge on 1 decision item,
		// answered.
		expect(points[0]).toMatchObject({
			decisions: 1,
			challenges: 1,
			prioritiesDecided: 0,
			gini: 0,
			communityTimeShare: 0,
			thirdSectorTimeShare: 0.5,
			challengesPerDecisionItem: 1,
			answeredShare: 1,
			changedDecisionShare: 0,
			citingEvidenceShare: 0,
			latePaperShare: null,
			answeringPriorityShare: 0,
			informationShare: 0,
			surveyMeans: {}
		});
		// The published review's DQI means: one per ordinal category (none coded here).
		expect(Object.keys(points[0].dqiMeans)).toContain('justification');
		expect(Object.keys(points[0].dqiMeans)).not.toContain('justificationContent');
		// April: 120, 0 → sorted 0, 120: G = 2·120/(2·120) − 3/2 = 0.5; no decision, no challenge.
		expect(points[1]).toMatchObject({
			gini: 0.5,
			communityTimeShare: 0,
			thirdSectorTimeShare: 0,
			challengesPerDecisionItem: 0,
			answeredShare: null,
			citingEvidenceShare: null,
			dqiMeans: {}
		});
		// May: nothing to divide anywhere.
		expect(points[2]).toMatchObject({ gini: null, informationShare: null, decisions: 0 });
		expect(res.json.meetings.length).toBe(3);
	});

	it('members and observers see the published meetings only; other partnerships nothing', async () => {
		for (const client of [member, observer]) {
			const res = await client.get(trendsPath());
			expect(res.status).toBe(200);
			expect(res.json.meetings.map((p: { title: string }) => p.title)).toEqual([
				'Board 2026-03-05'
			]);
		}
		expect((await outsider.get(trendsPath())).status).toBe(404);
		expect((await outsider.get(summaryPath())).status).toBe(404);
	});

	it('the summary of a period: per body, the meetings and the averages of their figures', async () => {
		const res = await reviewer.get(summaryPath('?from=2026-03-01&to=2026-04-30'));
		expect(res.status, res.text).toBe(200);
		expect(res.json).toMatchObject({
			partnership: { slug: 'rev', name: 'rev partnership' },
			from: '2026-03-01',
			to: '2026-04-30'
		});
		// March and April of the theme group: Gini (0 + 0.5)/2; third sector (0.5 + 0)/2; answered only
		// March's 1 (April had nothing to answer).
		expect(res.json.bodies).toHaveLength(1);
		expect(res.json.bodies[0]).toMatchObject({
			body: { id: theme(), name: 'rev health theme group', kind: 'THEME_GROUP' },
			meetings: 2,
			published: 1,
			decisions: 1,
			challenges: 1,
			averages: {
				gini: 0.25,
				communityTimeShare: 0,
				thirdSectorTimeShare: 0.25,
				challengesPerDecisionItem: 0.5,
				answeredShare: 1
			}
		});
		expect(res.json.totals).toMatchObject({ bodies: 1, meetings: 2, published: 1, decisions: 1 });

		const members = await member.get(summaryPath('?from=2026-03-01&to=2026-04-30'));
		expect(members.json.totals).toMatchObject({ meetings: 1, published: 1, averages: { gini: 0 } });
	});

	it('the whole year across bodies, board first; the last twelve months by default', async () => {
		const year = (await officer.get(summaryPath('?from=2026-01-01&to=2026-12-31'))).json;
		expect(year.bodies.map((b: { body: { kind: string } }) => b.body.kind)).toEqual([
			'BOARD',
			'THEME_GROUP'
		]);
		expect(year.totals.meetings).toBe(
			year.bodies.reduce((s: number, b: { meetings: number }) => s + b.meetings, 0)
		);
		const standard = (await officer.get(summaryPath())).json;
		const today = new Date().toISOString().slice(0, 10);
		expect(standard.to).toBe(today);
		const from = new Date(`${today}T00:00:00Z`);
		from.setUTCFullYear(from.getUTCFullYear() - 1);
		from.setUTCDate(from.getUTCDate() + 1);
		expect(standard.from).toBe(from.toISOString().slice(0, 10));
	});

	it('refuses a period that ends before it starts, or is not a date', async () => {
		const backwards = await reviewer.get(summaryPath('?from=2026-05-01&to=2026-04-01'));
		expect(backwards.status).toBe(400);
		expect(backwards.json.error.fields.from).toMatch(/on or before/);
		const junk = await reviewer.get(summaryPath('?to=yesterday'));
		expect(junk.status).toBe(400);
		expect(junk.json.error.fields.to).toMatch(/YYYY-MM-DD/);
	});
});
