// A published review is frozen: no codes or notes, by API or form, unless an officer reopens it with a
// reason; the reopening and the republication are recorded, shown on the review and its report, and
// told to everyone who had read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { meetingIn } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { makeItem } from '../support/record.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let reviewer: Client;
let officer: Client;
let admin: Client;
let member: Client;
let observer: Client;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'frozen');
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	admin = await signedIn(server.url, fx.members.ADMIN.email);
	member = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
});
afterAll(() => server?.stop());

let day = 0;

/** A closed meeting with one spoken turn, coded once by the reviewer, and its review published. */
async function publishedReview() {
	const meeting = await meetingIn(
		server.db,
		fx,
		'CLOSED',
		`2026-08-${String(++day).padStart(2, '0')}`
	);
	const item = await makeItem(server.db, meeting.id, 'Winter pressures');
	const turn = await server.db.contribution.create({
		data: {
			meetingId: meeting.id,
			agendaItemId: item.id,
			membershipId: fx.members.MEMBER.membershipId,
			type: 'CONTRIBUTION',
			summary: 'Asked for the delayed discharge figures by locality.',
			requestedById: fx.members.SECRETARIAT.userId,
			startedAt: new Date('2026-06-04T09:40:00Z'),
			endedAt: new Date('2026-06-04T09:41:00Z')
		}
	});
	const coded = await reviewer.post(`/api/v1/contributions/${turn.id}/codes`, {
		codes: [{ category: 'justification', value: 1, note: 'Gave one reason' }]
	});
	expect(coded.status, coded.text).toBe(201);
	// Coded by one reviewer only: publishing needs a deliberate yes, and without it nothing changes.
	const path = `/api/v1/meetings/${meeting.id}/review/publication`;
	const refused = await reviewer.post(path);
	expect(refused.status).toBe(400);
	expect(refused.json.error.fields.publishUncoded).toBe(
		'1 of 1 contribution is not coded by two reviewers, so agreement on them cannot be computed yet. ' +
			'Code them first, or confirm that the review is published as it is.'
	);
	expect(await server.db.reviewPublication.count({ where: { meetingId: meeting.id } })).toBe(0);
	const published = await reviewer.post(path, { publishUncoded: true });
	expect(published.status, published.text).toBe(201);
	const api = `/api/v1/meetings/${meeting.id}`;
	return {
		meeting,
		turn,
		code: (client: Client, value = 2) =>
			client.post(`/api/v1/contributions/${turn.id}/codes`, {
				codes: [{ category: 'justification', value, note: `Level ${value}` }]
			}),
		note: (client: Client, text = 'A later thought.') =>
			client.post(`${api}/review/notes`, { text }),
		reopen: (client: Client, reason?: string) =>
			client.post(`${api}/review/reopening`, reason === undefined ? {} : { reason }),
		republish: (client: Client) =>
			client.post(`${api}/review/publication`, { publishUncoded: true }),
		review: `${api}/review`,
		page: `/p/frozen/meetings/${meeting.id}/review`
	};
}

function postForm(client: Client, path: string, fields: Record<string, string | string[]>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields))
		for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
	return client.request('POST', path, form, { origin: server.url, accept: 'text/html' });
}

const codeCount = (contributionId: string) => server.db.code.count({ where: { contributionId } });

describe('a published review is frozen', () => {
	it('refuses codes and notes (409 review_published, saying an officer must reopen it) and writes nothing', async () => {
		const r = await publishedReview();
		const before = (await member.get(r.review)).json;
		const written = await auditCounter(server.db);

		const code = await r.code(reviewer);
		expect(code.status).toBe(409);
		expect(code.json.error.code).toBe('review_published');
		expect(code.json.error.message).toMatch(/officer .* must reopen it/);
		for (const client of [reviewer, officer]) {
			const note = await r.note(client);
			expect(note.status).toBe(409);
			expect(note.json.error.code).toBe('review_published');
		}
		expect(await written()).toBe(0);
		expect(await codeCount(r.turn.id)).toBe(1);
		expect(await server.db.reviewNote.count({ where: { meetingId: r.meeting.id } })).toBe(0);
		const after = (await member.get(r.review)).json;
		expect(after.dqi).toEqual(before.dqi);
		expect(after.agreement).toEqual(before.agreement);
		expect(after.notes).toEqual([]);
	});

	it('the coding screen shows it frozen, without the code or note forms, and refuses a posted form', async () => {
		const r = await publishedReview();
		const coding = `${r.page}/coding`;
		const page = await reviewer.get(coding);
		expect(page.status, page.text).toBe(200);
		expect(page.text).toContain('This review is published, so its codes and notes are frozen.');
		expect(page.text).toContain('An officer (admin or secretariat) must reopen it');
		expect(page.text).not.toContain('name="contributionId"');
		expect(page.text).not.toContain('Add the note');
		const byOfficer = await officer.get(coding);
		expect(byOfficer.text).toContain(`href="${r.page}#reopen"`);

		const refused = await postForm(reviewer, `${coding}?/code`, {
			contributionId: r.turn.id,
			justification: '3',
			'justification-note': 'Posted anyway'
		});
		expect(refused.status).toBe(409);
		expect(refused.text).toContain('must reopen it before anything is added');
		const note = await postForm(reviewer, `${r.page}?/note`, { text: 'Posted anyway' });
		expect(note.status).toBe(409);
		expect(await codeCount(r.turn.id)).toBe(1);
	});
});

describe('an officer reopens it, and republishing freezes it again', () => {
	it('only admins and the secretariat reopen, with a reason, a published review that is frozen', async () => {
		const r = await publishedReview();
		const written = await auditCounter(server.db);
		const byReviewer = await r.reopen(reviewer, 'A reviewer would like to');
		expect(byReviewer.status).toBe(403);
		expect((await r.reopen(member, 'A member would like to')).status).toBe(403);
		const blank = await r.reopen(officer, '   ');
		expect(blank.status).toBe(400);
		expect(blank.json.error.fields.reason).toBe('Enter why the review is reopened');
		expect(await written()).toBe(0);

		const draft = await meetingIn(server.db, fx, 'CLOSED', '2026-09-30');
		const unpublished = await officer.post(`/api/v1/meetings/${draft.id}/review/reopening`, {
			reason: 'Nothing to reopen'
		});
		expect(unpublished.status).toBe(409);

		const reopened = await r.reopen(
			admin,
			'The codes on item 1 were entered against the wrong turn.'
		);
		expect(reopened.status, reopened.text).toBe(201);
		expect(reopened.json).toMatchObject({
			meetingId: r.meeting.id,
			reopened: true,
			history: [
				{ step: 'PUBLISHED', by: 'reviewer of frozen', reason: '' },
				{
					step: 'REOPENED',
					by: 'admin of frozen',
					reason: 'The codes on item 1 were entered against the wrong turn.'
				}
			]
		});
		expect(await written()).toBe(1);
		const twice = await r.reopen(officer, 'Again');
		expect(twice.status).toBe(409);
		expect(twice.json.error.code).toBe('review_reopened');
	});

	it('reopened, it takes codes and notes; its readers are told of the reopening and the republication; then it is frozen again', async () => {
		const r = await publishedReview();
		// Readers: the member through the API, the observer through the report, the reviewer on the page.
		expect((await member.get(r.review)).status).toBe(200);
		expect((await member.get(r.review)).status).toBe(200);
		expect((await observer.get(`${r.page}/report`)).status).toBe(200);
		expect((await reviewer.get(r.page)).status).toBe(200);
		const readers = [fx.members.MEMBER, fx.members.OBSERVER, fx.members.REVIEWER];
		const toldOf = (userId: string) =>
			server.db.notification.findMany({
				where: { userId, link: `/p/frozen/meetings/${r.meeting.id}/review` },
				orderBy: { createdAt: 'asc' }
			});

		const reason = 'A coder’s codes were entered against the wrong turns.';
		expect((await r.reopen(officer, reason)).status).toBe(201);
		for (const reader of readers) {
			const told = await toldOf(reader.userId);
			expect(told).toHaveLength(1);
			expect(told[0].message).toContain('has been reopened');
			expect(told[0].message).toContain(reason);
		}
		// The officer reopened it and had not read it: nobody else is told.
		expect(await toldOf(fx.members.SECRETARIAT.userId)).toHaveLength(0);
		expect(await toldOf(fx.members.ADMIN.userId)).toHaveLength(0);

		const view = (await member.get(r.review)).json;
		expect(view.reopened).toBe(true);
		expect(view.history.map((s: { step: string }) => s.step)).toEqual(['PUBLISHED', 'REOPENED']);
		const page = await member.get(r.page);
		expect(page.text).toContain('Reopened:');
		expect(page.text).toContain(reason);

		expect((await r.code(reviewer, 3)).status).toBe(201);
		expect((await r.note(reviewer, 'Recoded item 1.')).status).toBe(201);
		expect(await codeCount(r.turn.id)).toBe(2);

		const republished = await r.republish(reviewer);
		expect(republished.status, republished.text).toBe(201);
		expect(republished.json.reopened).toBe(false);
		expect(republished.json.history.map((s: { step: string }) => s.step)).toEqual([
			'PUBLISHED',
			'REOPENED',
			'REPUBLISHED'
		]);
		expect((await toldOf(fx.members.MEMBER.userId)).map((n) => n.message)).toEqual([
			expect.stringContaining('has been reopened'),
			expect.stringContaining('has been republished')
		]);
		// The reviewer republished it: not told of their own step.
		expect(await toldOf(fx.members.REVIEWER.userId)).toHaveLength(1);
		expect((await r.republish(officer)).status).toBe(409);

		const frozen = await r.code(reviewer, 0);
		expect(frozen.status).toBe(409);
		expect(frozen.json.error.code).toBe('review_published');
		expect((await r.note(reviewer)).status).toBe(409);

		const report = await member.get(`${r.page}/report`);
		expect(report.status).toBe(200);
		expect(report.text).toContain('Reopened on');
		expect(report.text).toContain('Republished on');
		expect(report.text).toContain(reason);
		const final = (await member.get(r.review)).json;
		expect(final.notes.map((n: { text: string }) => n.text)).toEqual(['Recoded item 1.']);
	});

	it('the review page asks the officer to confirm, and says what will happen', async () => {
		const r = await publishedReview();
		const page = await officer.get(r.page);
		expect(page.text).toContain('Reopen the review');
		expect(page.text).toContain('Everyone who has read the review is told');
		expect((await member.get(r.page)).text).not.toContain('Reopen the review');

		const unconfirmed = await postForm(officer, `${r.page}?/reopen`, {
			reason: 'Wrong turns',
			confirm: 'false'
		});
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.text).toContain('Tick the box to confirm that the review is to be reopened');
		expect(unconfirmed.text).toContain('Wrong turns</textarea');
		expect(await server.db.reviewReopening.count({ where: { meetingId: r.meeting.id } })).toBe(0);

		const done = await postForm(officer, `${r.page}?/reopen`, {
			reason: 'Wrong turns',
			confirm: ['false', 'true']
		});
		expect(done.status, done.text).toBe(200);
		expect(done.text).toContain('The review has been reopened');
		const after = await officer.get(r.page);
		expect(after.text).toContain('Republish the review');
		expect(after.text).toContain('Wrong turns');
	});

	it('the database keeps reopenings append-only', async () => {
		const r = await publishedReview();
		expect((await r.reopen(officer, 'To be kept')).status).toBe(201);
		await expect(
			server.db.$executeRawUnsafe(
				`UPDATE "ReviewReopening" SET "reason" = 'x' WHERE "meetingId" = $1`,
				r.meeting.id
			)
		).rejects.toThrow(/append-only/);
		await expect(
			server.db.$executeRawUnsafe(
				`DELETE FROM "ReviewReopening" WHERE "meetingId" = $1`,
				r.meeting.id
			)
		).rejects.toThrow(/append-only/);
	});
});
