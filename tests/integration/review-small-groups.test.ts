// Issue 17: published figures by organisation or sector are shown only where at least three people took
// part; smaller groups are merged into "Other (small groups merged)" with a note. Members read
// the merged figures (API, page, CSV, trends), the annual report is merged whoever reads it, and officers
// and reviewers keep the full figures with a note that members see them merged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { markPresent, newId, seat } from '../support/record.ts';
import { startServer, type TestServer } from '../support/server.ts';

const OTHER = 'Other (small groups merged)';

let server: TestServer;
let fx: Fixture;
let officer: Client;
let reviewer: Client;
let member: Client;
let observer: Client;
let meetingId: string;
let healthName: string;
let communityName: string;

const at = (hhmm: string) => new Date(`2025-10-01T${hhmm}:00Z`);

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'smallgroups');
	healthName = fx.organisations.health.name;
	communityName = fx.organisations.community.name;
	const by = fx.members.SECRETARIAT.userId;
	// Council: the fixture's chair and two more (3 people). Voluntary action: 3. Health: 1. Community: 2.
	const people = {
		council: [
			fx.members.MEMBER.membershipId,
			(await makeMemberOf(server.db, fx, 'council')).membershipId,
			(await makeMemberOf(server.db, fx, 'council')).membershipId
		],
		tsi: await Promise.all([1, 2, 3].map(() => makeMemberOf(server.db, fx, 'tsi'))),
		health: [(await makeMemberOf(server.db, fx, 'health')).membershipId],
		community: await Promise.all([1, 2].map(() => makeMemberOf(server.db, fx, 'community')))
	};
	const tsi = people.tsi.map((p) => p.membershipId);
	const community = people.community.map((p) => p.membershipId);
	const everyone = [...people.council, ...tsi, ...people.health, ...community];
	for (const id of everyone.slice(1)) await seat(server.db, fx.bodies.board.id, id);
	const meeting = await server.db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			title: 'Board in October',
			startsAt: at('09:30'),
			status: 'CLOSED',
			startedAt: at('09:30'),
			closedAt: at('11:00'),
			createdById: by
		}
	});
	meetingId = meeting.id;
	await markPresent(server.db, meetingId, everyone, by);
	const item = await server.db.agendaItem.create({
		data: { id: newId(), meetingId, order: 1, title: 'Budget', purpose: 'DECISION', minutes: 60 }
	});
	// Everyone speaks once, for 60 s: 9 turns, 540 s.
	const turns: { id: string; membershipId: string }[] = [];
	for (const [i, membershipId] of everyone.entries()) {
		const from = new Date(at('09:40').getTime() + i * 120_000);
		turns.push(
			await server.db.contribution.create({
				data: {
					meetingId,
					agendaItemId: item.id,
					membershipId,
					type: 'CONTRIBUTION',
					requestedById: by,
					requestedAt: from,
					startedAt: from,
					endedAt: new Date(from.getTime() + 60_000)
				}
			})
		);
	}
	// Who challenged whom: the council's three put a challenge each to the Health member; the two
	// Community members put one each to the council.
	for (const raisedBy of people.council)
		await server.db.challenge.create({
			data: {
				meetingId,
				agendaItemId: item.id,
				raisedByMembershipId: raisedBy,
				directedToMembershipId: people.health[0],
				target: 'DECISION',
				kind: 'EVIDENCE',
				text: 'Where is the evidence?',
				recordedById: by
			}
		});
	for (const raisedBy of community)
		await server.db.challenge.create({
			data: {
				meetingId,
				agendaItemId: item.id,
				raisedByMembershipId: raisedBy,
				directedToOrganisationId: fx.organisations.council.id,
				target: 'DECISION',
				kind: 'EVIDENCE',
				text: 'Who was asked?',
				recordedById: by
			}
		});
	// One reviewer's justification codes: every council turn 1, the Health turn 3, community turns 3 and 0.
	const level: Record<string, number> = {
		[people.health[0]]: 3,
		[community[0]]: 3,
		[community[1]]: 0
	};
	for (const t of turns)
		if (!tsi.includes(t.membershipId))
			await server.db.code.create({
				data: {
					partnershipId: fx.partnership.id,
					meetingId,
					contributionId: t.id,
					coderMembershipId: fx.members.REVIEWER.membershipId,
					category: 'justification',
					value: level[t.membershipId] ?? 1
				}
			});
	await server.db.reviewPublication.create({
		data: {
			meetingId,
			partnershipId: fx.partnership.id,
			publishedById: fx.members.REVIEWER.userId,
			publishedAt: at('12:00')
		}
	});
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
	member = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
});
afterAll(() => server?.stop());

const review = (who: Client) => who.get(`/api/v1/meetings/${meetingId}/review`);
const names = (rows: { organisation?: string; sector?: string }[]) =>
	rows.map((r) => (r.organisation ?? r.sector ?? '').replace(' (smallgroups)', ''));

describe('a published review read by members and observers', () => {
	it('merges every organisation and sector of fewer than 3 people into Other, with the note', async () => {
		for (const who of [member, observer]) {
			const res = await review(who);
			expect(res.status, res.text).toBe(200);
			const { participation: p, scrutiny, dqi, smallGroups } = res.json;
			expect(smallGroups).toMatchObject({ minimum: 3, view: 'merged', merged: true });
			expect(smallGroups.note).toContain(OTHER);
			// Health (1 person) and Community (2) merged: 3 people, 3 turns, 180 s of 540.
			expect(names(p.byOrganisation)).toEqual(['Council', 'Voluntary action', OTHER]);
			expect(p.byOrganisation[2]).toMatchObject({
				organisationId: '',
				sector: OTHER,
				people: 3,
				seats: 3,
				present: 3,
				turns: 3,
				seconds: 180
			});
			expect(p.byOrganisation[2].timeShare).toBeCloseTo(1 / 3);
			const timeShares = p.byOrganisation.reduce(
				(s: number, r: { timeShare: number }) => s + r.timeShare,
				0
			);
			expect(timeShares).toBeCloseTo(1);
			expect(names(p.bySector)).toEqual(['COUNCIL', 'THIRD_SECTOR', OTHER]);
			// The community's own figure is merged too; the third sector's (3 people) stays apart.
			expect(p.community).toEqual({ seatShare: null, turnShare: null, timeShare: null });
			expect(p.thirdSector.timeShare).toBeCloseTo(1 / 3);
			// Who challenged whom: Health (1 person challenged) and Community (2 challengers) into Other.
			expect(scrutiny.matrix).toEqual({
				sectors: ['COUNCIL', OTHER],
				counts: [
					[0, 3],
					[2, 0]
				],
				undirected: [0, 0],
				people: [3, 3]
			});
			// Mean justification: Health 3 and Community 3, 0 merged by their codes: (3 + 3 + 0) / 3 = 2.
			expect(names(dqi.byOrganisation)).toEqual(['Council', OTHER]);
			expect(dqi.byOrganisation[1].means.justification).toBe(2);
			expect(names(dqi.bySector)).toEqual(['COUNCIL', OTHER]);
			// No group of one or two people is left to single anyone out.
			const figures = JSON.stringify([
				p.byOrganisation,
				p.bySector,
				p.byOrganisationAndStanding,
				dqi
			]);
			expect(figures).not.toContain(healthName);
			expect(figures).not.toContain(communityName);
			for (const row of [...p.byOrganisation, ...p.bySector, ...dqi.byOrganisation])
				expect(row.people).toBeGreaterThanOrEqual(3);
		}
	});

	it('the CSV they download has the same merged figures and the note', async () => {
		const res = await member.get(`/api/v1/meetings/${meetingId}/review/measures.csv`);
		expect(res.status).toBe(200);
		const lines = res.text.split('\r\n');
		expect(lines).toContain(`participation,byOrganisation.turns,${OTHER},3`);
		expect(lines).toContain(`participation,bySector.seconds,${OTHER},180`);
		expect(lines).toContain(`scrutiny,matrix.challenges,Council → ${OTHER},3`);
		expect(lines).toContain(`dqi,byOrganisation.mean,${OTHER} / justification,2`);
		expect(lines.some((l) => l.startsWith('participation,note.smallGroups.merged,'))).toBe(true);
		expect(res.text).not.toContain(healthName);
		expect(res.text).not.toContain(communityName);
	});

	it('the review page and the report show Other and the note, not the small partners', async () => {
		for (const path of ['', '/report']) {
			const res = await member.get(`/p/smallgroups/meetings/${meetingId}/review${path}`);
			expect(res.status).toBe(200);
			expect(res.text).toContain(OTHER);
			expect(res.text).toContain('Small groups merged.');
			expect(res.text).toContain(`Community members’ figures are merged into “${OTHER}”.`);
			expect(res.text).not.toContain(healthName);
			expect(res.text).not.toContain(communityName);
		}
	});

	it('the body’s trends leave out the community’s share where it was merged', async () => {
		const res = await member.get(`/api/v1/bodies/${fx.bodies.board.id}/review-trends`);
		expect(res.status, res.text).toBe(200);
		expect(res.json.smallGroups).toMatchObject({ view: 'merged', merged: true });
		const point = res.json.meetings.find((m: { meetingId: string }) => m.meetingId === meetingId);
		expect(point.communityTimeShare).toBeNull();
		expect(point.thirdSectorTimeShare).toBeCloseTo(1 / 3);
	});
});

describe('reviewers and officers, who do the analysis', () => {
	it('keep the full figures, with a note that members see them merged', async () => {
		for (const who of [officer, reviewer]) {
			const res = await review(who);
			expect(res.status, res.text).toBe(200);
			const { participation: p, scrutiny, dqi, smallGroups } = res.json;
			expect(smallGroups).toMatchObject({ view: 'full', merged: true });
			expect(smallGroups.note).toContain('Members and observers');
			expect(names(p.byOrganisation)).toEqual([
				'Council',
				'Health board',
				'Voluntary action',
				'Community council'
			]);
			expect(p.community.timeShare).toBeCloseTo(2 / 9);
			expect(scrutiny.matrix.sectors).toEqual(['COUNCIL', 'HEALTH', 'COMMUNITY']);
			// Voluntary action spoke but was not coded: a row with no means (for members, into Other).
			expect(names(dqi.byOrganisation)).toEqual([
				'Community council',
				'Council',
				'Health board',
				'Voluntary action'
			]);
		}
		const page = await officer.get(`/p/smallgroups/meetings/${meetingId}/review`);
		expect(page.text).toContain('Full figures.');
		expect(page.text).toContain(healthName);
		const csv = await officer.get(`/api/v1/meetings/${meetingId}/review/measures.csv`);
		expect(csv.text).toContain(`participation,byOrganisation.turns,${healthName},1`);
	});

	it('see the community’s share in the summary; the annual report is merged whoever reads it', async () => {
		const summary = await officer.get(
			'/api/v1/partnerships/smallgroups/review-summary?from=2025-04-01&to=2026-03-31'
		);
		expect(summary.status, summary.text).toBe(200);
		expect(summary.json.smallGroups).toMatchObject({ view: 'full', merged: true });
		expect(summary.json.totals.averages.communityTimeShare).toBeCloseTo(2 / 9);
		for (const who of [officer, member]) {
			const res = await who.get('/api/v1/partnerships/smallgroups/annual-report?year=2025');
			expect(res.status, res.text).toBe(200);
			expect(res.json.review.smallGroups).toMatchObject({ view: 'merged', merged: true });
			expect(res.json.review.totals.meetings).toBe(1);
			expect(res.json.review.totals.averages.communityTimeShare).toBeNull();
			expect(res.json.review.totals.averages.thirdSectorTimeShare).toBeCloseTo(1 / 3);
		}
		const page = await officer.get('/p/smallgroups/annual-report?year=2025');
		expect(page.status).toBe(200);
		expect(page.text).toContain('Small groups merged.');
	});
});
