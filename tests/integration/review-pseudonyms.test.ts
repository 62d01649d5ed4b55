// Issue 17, first part: individual codes stay with the coding team and the officers, and the research
// export (codes.csv) names people and organisations by pseudonyms, stable within a review and different
// across reviews, with the key for officers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, makeUser, type Fixture } from '../support/factories.ts';
import { meetingIn } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { makeItem } from '../support/record.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let reviewerA: Client;
let reviewerB: Client;
let officer: Client;
let admin: Client;
let member: Client;
let observer: Client;

/** Three speakers, each of another organisation, whose names must never reach the export. */
const SPEAKERS = [
	{ name: 'Morag Linklater', org: 'health' },
	{ name: 'Ewan Strachan', org: 'tsi' },
	{ name: 'Isla Drummond', org: 'community' }
] as const;
let speakers: { name: string; membershipId: string; organisation: string }[] = [];
const CODER_B = 'Catriona Second-Coder';

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'pseud');
	for (const s of SPEAKERS) {
		const email = `${s.name.split(' ')[0].toLowerCase()}@pseud.test`;
		const user = await makeUser(server.db, email, s.name);
		const organisation = fx.organisations[s.org];
		const membership = await server.db.membership.create({
			data: {
				userId: user.id,
				partnershipId: fx.partnership.id,
				organisationId: organisation.id,
				role: 'MEMBER'
			}
		});
		speakers.push({ name: s.name, membershipId: membership.id, organisation: organisation.name });
	}
	const coder = await makeUser(server.db, 'coder-b@pseud.test', CODER_B);
	await server.db.membership.create({
		data: {
			userId: coder.id,
			partnershipId: fx.partnership.id,
			organisationId: fx.organisations.tsi.id,
			role: 'REVIEWER'
		}
	});
	reviewerA = await signedIn(server.url, fx.members.REVIEWER.email);
	reviewerB = await signedIn(server.url, 'coder-b@pseud.test');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	admin = await signedIn(server.url, fx.members.ADMIN.email);
	member = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
});
afterAll(() => server?.stop());

let day = 0;

/**
 * A closed meeting where each speaker took one turn, coded by both reviewers (who disagree on the
 * second), published unless told otherwise.
 */
async function codedReview(publish = true) {
	const meeting = await meetingIn(
		server.db,
		fx,
		'CLOSED',
		`2026-08-${String(++day).padStart(2, '0')}`
	);
	const item = await makeItem(server.db, meeting.id, 'Winter pressures');
	const turns = [];
	for (const [i, s] of speakers.entries())
		turns.push(
			await server.db.contribution.create({
				data: {
					meetingId: meeting.id,
					agendaItemId: item.id,
					membershipId: s.membershipId,
					type: 'CONTRIBUTION',
					summary: `Turn ${i + 1}`,
					requestedById: fx.members.SECRETARIAT.userId,
					startedAt: new Date(Date.UTC(2026, 5, 4, 9, 40 + i)),
					endedAt: new Date(Date.UTC(2026, 5, 4, 9, 41 + i))
				}
			})
		);
	for (const [client, levels] of [
		[reviewerA, [1, 2, 3]],
		[reviewerB, [1, 0, 3]]
	] as const)
		for (const [i, turn] of turns.entries()) {
			const res = await client.post(`/api/v1/contributions/${turn.id}/codes`, {
				codes: [{ category: 'justification', value: levels[i], note: `Reading ${i + 1}` }]
			});
			expect(res.status, res.text).toBe(201);
		}
	if (publish) {
		const res = await officer.post(`/api/v1/meetings/${meeting.id}/review/publication`, {});
		expect(res.status, res.text).toBe(201);
	}
	return {
		id: meeting.id,
		csv: `/api/v1/meetings/${meeting.id}/codes.csv`,
		codes: `/api/v1/meetings/${meeting.id}/codes`,
		key: `/api/v1/meetings/${meeting.id}/review/pseudonyms`,
		review: `/api/v1/meetings/${meeting.id}/review`
	};
}

/** The CSV's rows as objects by header (no cell here holds a comma or a quote). */
function rowsOf(text: string): Record<string, string>[] {
	const [header, ...lines] = text.split('\r\n').filter(Boolean);
	const names = header.split(',');
	return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

/** Who is who, by the key: real name → pseudonym, per kind. */
async function keyOf(path: string) {
	const res = await officer.get(path);
	expect(res.status, res.text).toBe(200);
	const of = (kind: string) =>
		Object.fromEntries(
			res.json.entries
				.filter((e: any) => e.kind === kind)
				.map((e: any) => [e.name, e.label] as const)
		) as Record<string, string>;
	return { SPEAKER: of('SPEAKER'), ORGANISATION: of('ORGANISATION'), CODER: of('CODER') };
}

describe('individual codes are for the coding team and the officers', () => {
	it('a member or observer of a published review is refused the codes and the CSV, and reads the aggregates', async () => {
		const r = await codedReview();
		for (const reader of [member, observer]) {
			const list = await reader.get(r.codes);
			expect(list.status).toBe(403);
			expect(list.json.error.message).toMatch(/kept to the coding team and the officers/);
			expect((await reader.get(r.csv)).status).toBe(403);
			expect((await reader.get(r.key)).status).toBe(403);

			const review = await reader.get(r.review);
			expect(review.status).toBe(200);
			// The aggregate figures over every coder's codes…
			expect(review.json.dqi.scope).toBe('all');
			expect(review.json.dqi.coders).toBe(2);
			const justification = review.json.dqi.categories.find(
				(c: any) => c.category === 'justification'
			);
			expect(justification.codes).toBe(6);
			expect(review.json.agreement.method).toBe('kappa');
			// …but not which contribution the coders disagreed on, nor what each gave.
			expect(review.json.agreement.disagreementCount).toBe(1);
			expect(review.json.agreement.disagreementsListed).toBe(false);
			expect(review.json.agreement.disagreements).toEqual([]);
			expect(review.text).not.toContain(CODER_B);
		}
		const page = await member.get(`/p/pseud/meetings/${r.id}/review`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('The reviewers’ codes differed in 1 place');
		expect(page.text).not.toContain('codes.csv');
		expect(page.text).not.toContain(CODER_B);
		expect(page.text).not.toContain('review/pseudonyms');
		const report = await member.get(`/p/pseud/meetings/${r.id}/review/report`);
		expect(report.status).toBe(200);
		expect(report.text).not.toContain('codes.csv');
		expect(report.text).not.toContain(CODER_B);
	});

	it('reviewers and officers keep the codes and the disagreements with each coder’s value', async () => {
		const r = await codedReview();
		for (const reader of [reviewerA, reviewerB, officer, admin]) {
			const list = await reader.get(r.codes);
			expect(list.status, list.text).toBe(200);
			expect(list.json.scope).toBe('all');
			expect(list.json.codes).toHaveLength(6);
			const review = await reader.get(r.review);
			expect(review.json.agreement.disagreementsListed).toBe(true);
			expect(review.json.agreement.disagreements).toHaveLength(1);
			expect(review.json.agreement.disagreements[0].values).toEqual(
				expect.arrayContaining([{ coder: CODER_B, value: 0 }])
			);
		}
		const page = await officer.get(`/p/pseud/meetings/${r.id}/review`);
		expect(page.text).toContain('Codes, pseudonymised (CSV)');
		expect(page.text).toContain('Key to the export’s pseudonyms');
		const byReviewer = await reviewerA.get(`/p/pseud/meetings/${r.id}/review`);
		expect(byReviewer.text).toContain('Codes, pseudonymised (CSV)');
		expect(byReviewer.text).not.toContain('Key to the export’s pseudonyms');
	});
});

describe('the research export is pseudonymised', () => {
	it('names no person or organisation, only pseudonyms; sectors stay', async () => {
		const r = await codedReview();
		const res = await officer.get(r.csv);
		expect(res.status, res.text).toBe(200);
		for (const s of speakers) {
			expect(res.text).not.toContain(s.name);
			expect(res.text).not.toContain(s.organisation);
		}
		for (const name of [CODER_B, 'reviewer of pseud', '(pseud)'])
			expect(res.text).not.toContain(name);
		const rows = rowsOf(res.text);
		expect(rows).toHaveLength(6);
		for (const row of rows) {
			expect(row.Speaker).toMatch(/^Speaker 0[1-3]$/);
			expect(row.Organisation).toMatch(/^Organisation [A-C]$/);
			expect(row.Coder).toMatch(/^Coder [AB]$/);
		}
		expect(new Set(rows.map((row) => row.Speaker)).size).toBe(3);
		expect(new Set(rows.map((row) => row.Coder)).size).toBe(2);
		expect(new Set(rows.map((row) => row.Sector))).toEqual(
			new Set(['Health', 'Third sector', 'Community'])
		);
		expect(rows.map((row) => row.Turn)).toEqual(['1', '1', '2', '2', '3', '3']);

		// The key says who is who, consistently with the rows.
		const key = await keyOf(r.key);
		const bySpeaker = new Map(rows.map((row) => [row.Turn, row.Speaker]));
		speakers.forEach((s, i) => expect(bySpeaker.get(String(i + 1))).toBe(key.SPEAKER[s.name]));
		expect(Object.keys(key.CODER).sort()).toEqual([CODER_B, 'reviewer of pseud'].sort());
	});

	it('keeps the same pseudonyms in every export of a review, given once with one audit event', async () => {
		const r = await codedReview();
		const before = await keyOf(r.key);
		expect(before.SPEAKER).toEqual({});
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const first = await officer.get(r.csv);
		expect(await written()).toBe(1);
		const event = await server.db.auditEvent.findFirstOrThrow({
			where: { entityId: r.id, action: 'review_pseudonyms_assigned' }
		});
		expect(event.detail).toEqual({ SPEAKER: 3, ORGANISATION: 3, CODER: 2 });
		const again = await officer.get(r.csv);
		const byReviewer = await reviewerB.get(r.csv);
		expect(await written()).toBe(1);
		expect(again.text).toBe(first.text);
		expect(byReviewer.text).toBe(first.text);
		expect(await server.db.reviewPseudonym.count({ where: { meetingId: r.id } })).toBe(8);
	});

	it('gives the same people other pseudonyms in another review', async () => {
		const one = await codedReview();
		const two = await codedReview();
		expect((await officer.get(one.csv)).status).toBe(200);
		expect((await officer.get(two.csv)).status).toBe(200);
		const [a, b] = [await keyOf(one.key), await keyOf(two.key)];
		expect(Object.keys(b.SPEAKER).sort()).toEqual(Object.keys(a.SPEAKER).sort());
		expect(b.SPEAKER).not.toEqual(a.SPEAKER);
		expect(b.ORGANISATION).not.toEqual(a.ORGANISATION);
		expect(b.CODER).not.toEqual(a.CODER);
	});

	it('two first exports at once give each person one pseudonym', async () => {
		const r = await codedReview();
		const [x, y] = await Promise.all([officer.get(r.csv), reviewerA.get(r.csv)]);
		expect(x.status, x.text).toBe(200);
		expect(y.status, y.text).toBe(200);
		expect(y.text).toBe(x.text);
		expect(await server.db.reviewPseudonym.count({ where: { meetingId: r.id } })).toBe(8);
	});

	it('a reviewer’s export before publication is pseudonymised too', async () => {
		const r = await codedReview(false);
		const res = await reviewerB.get(r.csv);
		expect(res.status, res.text).toBe(200);
		const rows = rowsOf(res.text);
		expect(rows).toHaveLength(3);
		expect(new Set(rows.map((row) => row.Coder)).size).toBe(1);
		expect(res.text).not.toContain(CODER_B);
		for (const s of speakers) expect(res.text).not.toContain(s.name);
	});
});

describe('the key to the pseudonyms', () => {
	it('is read by officers only, on the API and on its page', async () => {
		const r = await codedReview();
		await officer.get(r.csv);
		for (const refused of [reviewerA, member, observer]) {
			const res = await refused.get(r.key);
			expect(res.status).toBe(403);
			expect(res.json.error.code).toBe('forbidden');
			expect((await refused.get(`/p/pseud/meetings/${r.id}/review/pseudonyms`)).status).toBe(403);
		}
		const res = await admin.get(r.key);
		expect(res.status).toBe(200);
		expect(res.json.assigned).toBe(true);
		expect(res.json.entries).toHaveLength(8);
		const page = await officer.get(`/p/pseud/meetings/${r.id}/review/pseudonyms`);
		expect(page.status).toBe(200);
		for (const s of speakers) expect(page.text).toContain(s.name);
		expect(page.text).toMatch(/Speaker 0[1-3]/);
		expect(page.text).toContain('Coder B');
	});

	it('says when no export has been made yet', async () => {
		const r = await codedReview();
		const res = await officer.get(r.key);
		expect(res.json).toEqual({ meetingId: r.id, assigned: false, entries: [] });
		const page = await officer.get(`/p/pseud/meetings/${r.id}/review/pseudonyms`);
		expect(page.text).toContain('No pseudonyms yet');
	});

	it('is append-only in the database', async () => {
		const r = await codedReview();
		await officer.get(r.csv);
		const row = await server.db.reviewPseudonym.findFirstOrThrow({ where: { meetingId: r.id } });
		await expect(
			server.db.reviewPseudonym.update({ where: { id: row.id }, data: { label: 'Speaker 99' } })
		).rejects.toThrow();
		await expect(server.db.reviewPseudonym.delete({ where: { id: row.id } })).rejects.toThrow();
	});
});
