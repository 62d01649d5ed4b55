import { randomBytes } from 'node:crypto';
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
let other: Fixture;
let reviewerA: Client;
let reviewerB: Client;
let officer: Client;
let member: Client;
let observer: Client;
let outsider: Client;
let secondReviewer: { membershipId: string };

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'codes');
	other = await makePartnership(server.db, 'elsewhere');
	const user = await makeUser(server.db, 'second-reviewer@codes.test', 'Second reviewer');
	const membership = await server.db.membership.create({
		data: {
			userId: user.id,
			partnershipId: fx.partnership.id,
			organisationId: fx.organisations.tsi.id,
			role: 'REVIEWER'
		}
	});
	secondReviewer = { membershipId: membership.id };
	reviewerA = await signedIn(server.url, fx.members.REVIEWER.email);
	reviewerB = await signedIn(server.url, 'second-reviewer@codes.test');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	member = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.REVIEWER.email);
});
afterAll(() => server?.stop());

let day = 0;

/** A meeting at `status` with one item and two turns spoken by the chair, and one that never started. */
async function arranged(status: 'CLOSED' | 'MINUTES_APPROVED' | 'IN_PROGRESS' = 'CLOSED') {
	const meeting = await meetingIn(
		server.db,
		fx,
		status,
		`2026-07-${String(++day).padStart(2, '0')}`
	);
	const item = await makeItem(server.db, meeting.id, 'Winter pressures');
	const turn = (startedAt: Date | null) =>
		server.db.contribution.create({
			data: {
				meetingId: meeting.id,
				agendaItemId: item.id,
				membershipId: fx.members.MEMBER.membershipId,
				type: 'CONTRIBUTION',
				summary: 'Asked for the delayed discharge figures by locality.',
				requestedById: fx.members.SECRETARIAT.userId,
				startedAt,
				endedAt: startedAt ? new Date(startedAt.getTime() + 60_000) : null
			}
		});
	const first = await turn(new Date('2026-06-04T09:40:00Z'));
	const second = await turn(new Date('2026-06-04T09:45:00Z'));
	const waiting = await turn(null);
	return {
		meeting,
		first,
		second,
		waiting,
		codes: `/api/v1/meetings/${meeting.id}/codes`,
		csv: `/api/v1/meetings/${meeting.id}/codes.csv`,
		code: (id: string) => `/api/v1/contributions/${id}/codes`
	};
}

const justified = {
	quote: '“We cannot plan beds without the locality figures.”',
	codes: [
		{ category: 'justification', value: 2 },
		{ category: 'storytelling', notApplicable: true },
		{ category: 'interactivity', value: 0, note: 'Did not refer to anyone' }
	]
};

const codeCount = (contributionId: string) => server.db.code.count({ where: { contributionId } });

describe('coding a contribution', () => {
	it('answers 201 with the coder’s current codes, one audit event for the command', async () => {
		const { first, code } = await arranged();
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await reviewerA.post(code(first.id), justified);
		expect(res.status, res.text).toBe(201);
		expect(res.json).toHaveLength(3);
		const byCategory = Object.fromEntries(res.json.map((c: any) => [c.category, c]));
		expect(byCategory.justification).toMatchObject({
			contributionId: first.id,
			coder: { membershipId: fx.members.REVIEWER.membershipId, name: 'reviewer of codes' },
			value: 2,
			notApplicable: false,
			note: justified.quote
		});
		expect(byCategory.interactivity).toMatchObject({ value: 0, note: 'Did not refer to anyone' });
		expect(await written()).toBe(1);
		expect(await codeCount(first.id)).toBe(3);
	});

	it('keeps not applicable apart from the lowest level', async () => {
		const { first, code } = await arranged();
		const res = await reviewerA.post(code(first.id), justified);
		const byCategory = Object.fromEntries(res.json.map((c: any) => [c.category, c]));
		expect(byCategory.storytelling).toMatchObject({ value: null, notApplicable: true });
		expect(byCategory.interactivity).toMatchObject({ value: 0, notApplicable: false });
		const rows = await server.db.code.findMany({ where: { contributionId: first.id } });
		expect(rows.find((r) => r.category === 'storytelling')).toMatchObject({
			value: null,
			notApplicable: true
		});
		expect(rows.find((r) => r.category === 'interactivity')).toMatchObject({
			value: 0,
			notApplicable: false
		});
	});

	it('recoding appends: the old row stays, the latest is current, unchanged codes are not written again', async () => {
		const { first, code, codes } = await arranged();
		await reviewerA.post(code(first.id), justified);
		const res = await reviewerA.post(code(first.id), {
			...justified,
			codes: [{ category: 'justification', value: 3 }, ...justified.codes.slice(1)]
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json.find((c: any) => c.category === 'justification').value).toBe(3);
		const rows = await server.db.code.findMany({
			where: { contributionId: first.id, category: 'justification' },
			orderBy: { createdAt: 'asc' }
		});
		expect(rows.map((r) => r.value)).toEqual([2, 3]);
		expect(await codeCount(first.id)).toBe(4);
		const listed = await reviewerA.get(codes);
		expect(listed.json.codes.filter((c: any) => c.category === 'justification')).toEqual([
			expect.objectContaining({ value: 3 })
		]);
		const written = await auditCounter(server.db);
		const again = await reviewerA.post(code(first.id), {
			...justified,
			codes: [{ category: 'justification', value: 3 }]
		});
		expect(again.status).toBe(201);
		expect(await codeCount(first.id)).toBe(4);
		expect(await written()).toBe(0);
	});

	it.each([
		[
			'a level outside the scale',
			{ category: 'storytelling', value: 2, note: 'x' },
			'codes.0.value'
		],
		[
			'both a level and not applicable',
			{ category: 'participation', value: 1, notApplicable: true, note: 'x' },
			'codes.0.value'
		],
		[
			'neither a level nor not applicable',
			{ category: 'participation', note: 'x' },
			'codes.0.value'
		],
		['a level backed by nothing', { category: 'justification', value: 1 }, 'codes.0.note'],
		['an unknown category', { category: 'eloquence', value: 1, note: 'x' }, 'codes.0.category'],
		[
			'a level that is not a whole number',
			{ category: 'justification', value: 1.5, note: 'x' },
			'codes.0.value'
		]
	])('refuses %s with a field error, writing nothing', async (_, bad, field) => {
		const { first, code } = await arranged();
		const written = await auditCounter(server.db);
		const res = await reviewerA.post(code(first.id), {
			codes: [bad, { category: 'interactivity', value: 3, note: 'Built on the chair’s point' }]
		});
		expect(res.status, res.text).toBe(400);
		expect(res.json.error.fields).toHaveProperty([field]);
		expect(await codeCount(first.id)).toBe(0);
		expect(await written()).toBe(0);
	});

	it('refuses an empty command and a category coded twice', async () => {
		const { first, code } = await arranged();
		const empty = await reviewerA.post(code(first.id), { codes: [] });
		expect(empty.status).toBe(400);
		expect(empty.json.error.fields.codes).toBe('Code at least one category');
		const twice = await reviewerA.post(code(first.id), {
			quote: 'q',
			codes: [
				{ category: 'justification', value: 1 },
				{ category: 'justification', value: 2 }
			]
		});
		expect(twice.status).toBe(400);
		expect(twice.json.error.fields['codes.1.category']).toMatch(/coded twice/);
		expect(await codeCount(first.id)).toBe(0);
	});

	it.each([
		['an officer', () => officer],
		['a member', () => member],
		['an observer', () => observer]
	])('only reviewers code: %s gets 403', async (_, client) => {
		const { first, code } = await arranged();
		const written = await auditCounter(server.db);
		const res = await client().post(code(first.id), justified);
		expect(res.status).toBe(403);
		expect(await codeCount(first.id)).toBe(0);
		expect(await written()).toBe(0);
	});

	it('codes closed meetings only: 409 while in progress; a turn never taken is refused', async () => {
		const live = await arranged('IN_PROGRESS');
		const res = await reviewerA.post(live.code(live.first.id), justified);
		expect(res.status).toBe(409);
		const closed = await arranged('MINUTES_APPROVED');
		expect((await reviewerA.post(closed.code(closed.waiting.id), justified)).status).toBe(409);
		expect((await reviewerA.post(closed.code(closed.first.id), justified)).status).toBe(201);
	});

	it('another partnership’s contribution is not found', async () => {
		const { first, code } = await arranged();
		expect((await outsider.post(code(first.id), justified)).status).toBe(404);
		expect((await outsider.get(`/api/v1/meetings/${first.meetingId}/codes`)).status).toBe(404);
		expect(
			(await reviewerA.post(code('c' + randomBytes(12).toString('hex')), justified)).status
		).toBe(404);
		expect(await codeCount(first.id)).toBe(0);
	});
});

describe('codes stay private to their coder until the review is published', () => {
	it('reviewer B sees neither A’s codes nor A’s notes before publication, and everyone’s after; members never', async () => {
		const { meeting, first, second, code, codes, csv } = await arranged();
		const secret = 'A’s private reading of the turn';
		expect(
			(await reviewerA.post(code(first.id), { quote: secret, codes: justified.codes })).status
		).toBe(201);
		await reviewerB.post(code(second.id), {
			codes: [{ category: 'participation', value: 1, note: 'B’s own note' }]
		});

		const b = await reviewerB.get(codes);
		expect(b.status).toBe(200);
		expect(b.json.scope).toBe('own');
		expect(b.json.codes.map((c: any) => c.coder.membershipId)).toEqual([
			secondReviewer.membershipId
		]);
		const bCsv = await reviewerB.get(csv);
		expect(bCsv.status).toBe(200);
		expect(bCsv.headers.get('content-type')).toMatch(/text\/csv/);
		expect(bCsv.text).toContain('B’s own note');
		expect(bCsv.text).not.toContain(secret);
		expect(bCsv.text).not.toContain('reviewer of codes');

		expect((await member.get(codes)).status).toBe(403);
		expect((await member.get(csv)).status).toBe(403);
		expect((await officer.get(codes)).status).toBe(403);

		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const published = await officer.post(`/api/v1/meetings/${meeting.id}/review/publication`, {
			publishUncoded: true
		});
		expect(published.status, published.text).toBe(201);
		expect(published.json).toMatchObject({
			meetingId: meeting.id,
			publishedBy: 'secretariat of codes'
		});
		expect(await written()).toBe(1);
		expect((await reviewerA.post(`/api/v1/meetings/${meeting.id}/review/publication`)).status).toBe(
			409
		);

		const after = await reviewerB.get(codes);
		expect(after.json.scope).toBe('all');
		expect(after.json.published).toBe(true);
		expect(new Set(after.json.codes.map((c: any) => c.coder.name))).toEqual(
			new Set(['reviewer of codes', 'Second reviewer'])
		);
		expect((await reviewerB.get(csv)).text).toContain(secret);
		expect((await reviewerB.get(csv)).text.split('\r\n')[0]).toContain('Turn');
		expect((await officer.get(codes)).json.codes).toHaveLength(4);
		expect((await officer.get(csv)).text).toContain(secret);
		// Issue 17: individual codes stay with the coding team and officers, published or not.
		for (const reader of [member, observer]) {
			const list = await reader.get(codes);
			expect(list.status).toBe(403);
			expect(list.json.error.message).toMatch(/kept to the coding team and the officers/);
			const file = await reader.get(csv);
			expect(file.status).toBe(403);
			expect(file.text).not.toContain(secret);
		}
	});
});

describe('notes on a review', () => {
	it('reviewers and officers add them; members may not; blank notes are refused', async () => {
		const { meeting } = await arranged();
		const path = `/api/v1/meetings/${meeting.id}/review/notes`;
		const res = await reviewerA.post(path, { text: 'Two coders disagree on justification.' });
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			author: 'reviewer of codes',
			text: 'Two coders disagree on justification.'
		});
		expect((await officer.post(path, { text: 'Noted.' })).status).toBe(201);
		const written = await auditCounter(server.db);
		expect((await member.post(path, { text: 'Me too' })).status).toBe(403);
		const blank = await reviewerA.post(path, { text: '  ' });
		expect(blank.status).toBe(400);
		expect(blank.json.error.fields.text).toBe('Enter the note');
		expect(await written()).toBe(0);
		expect(await server.db.reviewNote.count({ where: { meetingId: meeting.id } })).toBe(2);
	});
});

describe('the database keeps codes append-only', () => {
	it('refuses to update or delete a code', async () => {
		const { first, code } = await arranged();
		await reviewerA.post(code(first.id), justified);
		await expect(
			server.db.$executeRawUnsafe(
				`UPDATE "Code" SET "value" = 3 WHERE "contributionId" = $1`,
				first.id
			)
		).rejects.toThrow(/append-only/);
		await expect(
			server.db.$executeRawUnsafe(`DELETE FROM "Code" WHERE "contributionId" = $1`, first.id)
		).rejects.toThrow(/append-only/);
		expect(await codeCount(first.id)).toBe(3);
	});
});

function postForm(client: Client, path: string, fields: Record<string, string>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	return client.request('POST', path, form, { origin: server.url, accept: 'text/html' });
}

describe('the coding page', () => {
	it('codes one contribution at a time through a plain form, keeping what was typed on error', async () => {
		const { meeting, first, second } = await arranged();
		const path = `/p/codes/meetings/${meeting.id}/review/coding`;
		const page = await reviewerA.get(path);
		expect(page.status, page.text).toBe(200);
		expect(page.text).toContain('Contribution 1 of 2');
		expect(page.text).toContain('0 of 2 coded by you');
		expect(page.text).toContain('Asked for the delayed discharge figures by locality.');

		const written = await auditCounter(server.db);
		const refused = await postForm(reviewerA, `${path}?/code`, {
			contributionId: first.id,
			next: second.id,
			justification: '2',
			'interactivity-note': 'Typed before choosing a level'
		});
		expect(refused.status).toBe(400);
		expect(refused.text).toContain(
			'Back the code for Level of justification with a note or the shared quote'
		);
		expect(refused.text).toContain('Choose a level of Interactivity or mark it not applicable');
		expect(refused.text).toContain('value="Typed before choosing a level"');
		expect(refused.text).toContain('href="#code-justification-note"');
		expect(await codeCount(first.id)).toBe(0);
		expect(await written()).toBe(0);

		const saved = await postForm(reviewerA, `${path}?/code`, {
			contributionId: first.id,
			next: second.id,
			quote: 'We cannot plan beds without the figures',
			justification: '2',
			storytelling: 'na',
			'interactivity-note': ''
		});
		expect(saved.status, saved.text).toBe(303);
		expect(saved.headers.get('location')).toBe(`${path}?c=${second.id}&saved=${first.id}`);
		const rows = await server.db.code.findMany({ where: { contributionId: first.id } });
		expect(rows.map((r) => [r.category, r.value, r.notApplicable, r.note]).sort()).toEqual([
			['justification', 2, false, 'We cannot plan beds without the figures'],
			['storytelling', null, true, 'We cannot plan beds without the figures']
		]);
		const again = await reviewerA.get(`${path}?c=${first.id}`);
		expect(again.text).toContain('1 of 2 coded by you');
		expect(again.text).toContain('We cannot plan beds without the figures</textarea');
	});

	it('shows agreement to reviewers and officers, not the other coder’s codes; members are refused', async () => {
		const { meeting, first, second, code } = await arranged();
		const path = `/p/codes/meetings/${meeting.id}/review/coding`;
		for (const [client, levels] of [
			[reviewerA, [1, 2]],
			[reviewerB, [1, 3]]
		] as const)
			for (const [turn, value] of [
				[first, levels[0]],
				[second, levels[1]]
			] as const)
				await client.post(code(turn.id), {
					codes: [
						{
							category: 'justification',
							value,
							note: `Note by ${client === reviewerA ? 'A' : 'B'}`
						}
					]
				});
		const b = await reviewerB.get(`${path}?c=${second.id}`);
		expect(b.text).toContain('Agreement between the 2 coders');
		expect(b.text).toContain('Disagreements to reconcile');
		expect(b.text).not.toContain('Note by A');
		const byOfficer = await officer.get(path);
		expect(byOfficer.status).toBe(200);
		expect(byOfficer.text).toContain('Agreement between the 2 coders');
		expect(byOfficer.text).not.toContain('name="contributionId"');
		expect(byOfficer.text).toContain('Publish the review');
		expect((await member.get(path)).status).toBe(403);
		expect((await outsider.get(path)).status).toBe(404);
	});
});
