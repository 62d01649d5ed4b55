// The members' anonymous survey: each member present answers once; the answers cannot be tied to anyone
// through the API, the audit trail or the database's own storage; results only once three have answered.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { meetingIn } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import {
	freshDataDir,
	startServer,
	type TestServer,
	useDataDir,
	removeDataDir
} from '../support/server.ts';
import { SURVEY_OPEN_DAYS } from '../../src/lib/review/survey.ts';

type Person = Awaited<ReturnType<typeof makeMemberOf>>;
type Status = 'PRESENT' | 'SUBSTITUTE_FOR' | 'ABSENT' | 'APOLOGIES';

let server: TestServer;
let fx: Fixture;
let dataDir: string;
let surveyResults: typeof import('../../src/lib/server/review/index.ts').surveyResults;
let disconnect: () => Promise<void>;
const people = {} as Record<
	'nhs' | 'tsi' | 'community' | 'substitute' | 'absent' | 'apologies' | 'observer',
	Person
>;
const as = new Map<string, Client>();

beforeAll(async () => {
	dataDir = await freshDataDir();
	server = await startServer({ dataDir });
	fx = await makePartnership(server.db, 'survey');
	people.nhs = await makeMemberOf(server.db, fx, 'health');
	people.tsi = await makeMemberOf(server.db, fx, 'tsi');
	people.community = await makeMemberOf(server.db, fx, 'community');
	people.substitute = await makeMemberOf(server.db, fx, 'health');
	people.absent = await makeMemberOf(server.db, fx, 'council');
	people.apologies = await makeMemberOf(server.db, fx, 'council');
	people.observer = await makeMemberOf(server.db, fx, 'community', 'OBSERVER');
	for (const person of [...Object.values(people), ...Object.values(fx.members)])
		as.set(person.email, await signedIn(server.url, person.email));
	// The results are read in-process, as the review reads them, from the server's own database file.
	useDataDir(dataDir);
	process.env.LOG_LEVEL = 'silent';
	({ surveyResults } = await import('../../src/lib/server/review/index.ts'));
	({ disconnect } = await import('../../src/lib/server/platform/index.ts'));
});
afterAll(async () => {
	await disconnect?.();
	await server?.stop();
	await removeDataDir(dataDir);
});

const client = (person: { email: string }) => as.get(person.email)!;
const chair = () => fx.members.MEMBER;

/**
 * A board meeting at `status` with the chair, NHS, TSI and community members present, a substitute
 * standing in, one member absent, one sending apologies, and the observer and the officer in the room.
 */
async function meeting(
	status: 'IN_PROGRESS' | 'CLOSED' | 'MINUTES_APPROVED' = 'CLOSED',
	day?: string,
	body: 'board' | 'theme' | 'forum' = 'board'
) {
	const row = await meetingIn(server.db, fx, status, day);
	if (body !== 'board')
		await server.db.meeting.update({
			where: { id: row.id },
			data: { bodyId: fx.bodies[body].id }
		});
	// Closed an hour ago, so its survey is open (it stays open SURVEY_OPEN_DAYS after closing).
	if (status !== 'IN_PROGRESS')
		await server.db.meeting.update({
			where: { id: row.id },
			data: { closedAt: new Date(Date.now() - HOUR) }
		});
	const attend = (membershipId: string, s: Status) =>
		server.db.attendance.create({
			data: {
				meetingId: row.id,
				membershipId,
				status: s,
				substituteForId: s === 'SUBSTITUTE_FOR' ? people.nhs.membershipId : null,
				recordedById: fx.members.SECRETARIAT.userId
			}
		});
	await attend(chair().membershipId, 'PRESENT');
	await attend(people.nhs.membershipId, 'PRESENT');
	await attend(people.tsi.membershipId, 'PRESENT');
	await attend(people.community.membershipId, 'PRESENT');
	await attend(people.substitute.membershipId, 'SUBSTITUTE_FOR');
	await attend(people.absent.membershipId, 'ABSENT');
	await attend(people.apologies.membershipId, 'APOLOGIES');
	await attend(people.observer.membershipId, 'PRESENT');
	await attend(fx.members.SECRETARIAT.membershipId, 'PRESENT');
	return { id: row.id, path: `/api/v1/meetings/${row.id}/survey` };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Moves the meeting's closing back so that its survey has closed (or, with `approved`, its minutes). */
async function closeSurvey(meetingId: string, how: 'days passed' | 'minutes approved') {
	if (how === 'days passed')
		await server.db.meeting.update({
			where: { id: meetingId },
			data: { closedAt: new Date(Date.now() - (SURVEY_OPEN_DAYS + 1) * DAY) }
		});
	else
		await server.db.minutesVersion.create({
			data: {
				meetingId,
				version: 1,
				text: 'Minutes',
				hash: 'h'.repeat(64),
				approvedById: fx.members.SECRETARIAT.userId,
				approvedAt: new Date(Date.now() - 60_000)
			}
		});
}

async function counts(meetingId: string) {
	return {
		receipts: await server.db.surveyReceipt.count({ where: { meetingId } }),
		responses: await server.db.surveyResponse.count({ where: { meetingId } }),
		audit: await server.db.auditEvent.count()
	};
}

const answers = {
	scrutiny: 4,
	disagreementUnusual: 2,
	equalOpportunity: null,
	thirdSectorEqual: 5,
	forumsFeedIn: 3
};

describe('answering the survey', () => {
	it('a member present answers once: a receipt without answers, a response without a member', async () => {
		const m = await meeting();
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const before = await client(people.nhs).get(m.path);
		expect(before.status, before.text).toBe(200);
		expect(before.json).toMatchObject({
			meeting: { id: m.id },
			state: 'open',
			eligible: 5,
			responses: 0,
			minimum: 3
		});
		expect(before.json.statements.map((s: { key: string }) => s.key)).toEqual([
			'scrutiny',
			'disagreementUnusual',
			'equalOpportunity',
			'thirdSectorEqual',
			'forumsFeedIn'
		]);
		expect(before.json.levels).toHaveLength(5);

		const res = await client(people.nhs).post(m.path, {
			answers,
			comment: '  Papers came late.  '
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toEqual({ received: true });

		expect(await server.db.surveyReceipt.findMany({ where: { meetingId: m.id } })).toEqual([
			expect.objectContaining({ meetingId: m.id, membershipId: people.nhs.membershipId })
		]);
		const [response] = await server.db.surveyResponse.findMany({ where: { meetingId: m.id } });
		expect(response).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			meetingId: m.id,
			...answers,
			comment: 'Papers came late.'
		});
		expect(await written()).toBe(1);

		const after = await client(people.nhs).get(m.path);
		expect(after.json).toMatchObject({ state: 'answered', responses: 1 });
		expect(after.text).not.toContain(response.id);
		expect(after.text).not.toContain('Papers came late');
	});

	it('a substitute standing in answers too', async () => {
		const m = await meeting();
		const res = await client(people.substitute).post(m.path, { comment: 'Glad to be asked.' });
		expect(res.status, res.text).toBe(201);
	});

	for (const how of ['days passed', 'minutes approved'] as const)
		it(`closes when ${how === 'days passed' ? `${SURVEY_OPEN_DAYS} days have passed` : 'the minutes are approved'}: 409, nothing written`, async () => {
			const m = await meeting(how === 'minutes approved' ? 'MINUTES_APPROVED' : 'CLOSED');
			await closeSurvey(m.id, how);
			const before = await counts(m.id);
			expect((await client(people.nhs).get(m.path)).json.state).toBe('closed');
			const res = await client(people.nhs).post(m.path, { answers });
			expect(res.status, res.text).toBe(409);
			expect(res.json.error.message).toMatch(/survey closed on \d{4}-\d{2}-\d{2}/);
			expect(await counts(m.id)).toEqual(before);
		});

	it('a second answer is refused (409) and writes nothing', async () => {
		const m = await meeting();
		expect((await client(people.tsi).post(m.path, { answers: { scrutiny: 2 } })).status).toBe(201);
		const before = await counts(m.id);
		const again = await client(people.tsi).post(m.path, { answers: { scrutiny: 5 } });
		expect(again.status, again.text).toBe(409);
		expect(again.json.error.code).toBe('conflict');
		expect(await counts(m.id)).toEqual(before);
		const rows = await server.db.surveyResponse.findMany({ where: { meetingId: m.id } });
		expect(rows.map((r) => r.scrutiny)).toEqual([2]);
	});

	it('two answers sent at once: only one gets through', async () => {
		const m = await meeting();
		const sent = await Promise.all(
			[1, 2, 3].map((n) => client(people.community).post(m.path, { answers: { scrutiny: n } }))
		);
		expect(sent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
		expect(await counts(m.id)).toMatchObject({ receipts: 1, responses: 1 });
	});

	it.each([
		['absent', () => people.absent],
		['sent apologies', () => people.apologies],
		['a reviewer (not recorded)', () => fx.members.REVIEWER],
		['an observer in the room', () => people.observer],
		['the officer keeping the record', () => fx.members.SECRETARIAT]
	])('someone who was not there as a member (%s) is refused (403)', async (_, who) => {
		const m = await meeting();
		const before = await counts(m.id);
		const survey = await client(who()).get(m.path);
		expect(survey.status).toBe(200);
		expect(survey.json.state).toBe('not-eligible');
		const res = await client(who()).post(m.path, { answers: { scrutiny: 3 } });
		expect(res.status, res.text).toBe(403);
		expect(res.json.error.code).toBe('forbidden');
		expect(await counts(m.id)).toEqual(before);
	});

	it('before the meeting closes the survey is not open (409)', async () => {
		const m = await meeting('IN_PROGRESS');
		expect((await client(people.nhs).get(m.path)).status).toBe(409);
		const before = await counts(m.id);
		const res = await client(people.nhs).post(m.path, { answers: { scrutiny: 3 } });
		expect(res.status, res.text).toBe(409);
		expect(await counts(m.id)).toEqual(before);
	});

	it('another partnership’s meeting does not exist (404)', async () => {
		const other = await makePartnership(server.db, 'survey-other');
		const row = await meetingIn(server.db, other, 'CLOSED');
		const res = await client(people.nhs).post(`/api/v1/meetings/${row.id}/survey`, {
			answers: { scrutiny: 3 }
		});
		expect(res.status).toBe(404);
	});

	it.each([
		[{}, 'answers', 'Answer at least one statement, or write a comment'],
		[{ answers: {}, comment: '   ' }, 'answers', 'Answer at least one statement'],
		[{ answers: { scrutiny: 6 } }, 'answers.scrutiny', 'Choose a number from 1 to 5'],
		[{ answers: { forumsFeedIn: 0 } }, 'answers.forumsFeedIn', 'Choose a number from 1 to 5'],
		[{ answers: { equalOpportunity: 2.5 } }, 'answers.equalOpportunity', 'Choose a number'],
		[{ answers: { scrutiny: 'agree' } }, 'answers.scrutiny', 'Choose a number'],
		[{ answers: 'all fives' }, 'answers', 'Send the answers as an object'],
		[{ answers: { scrutiny: 3 }, comment: 'x'.repeat(2001) }, 'comment', '2000 characters']
	])('%j is refused (400) with a message on %s, and writes nothing', async (body, field, text) => {
		const m = await meeting();
		const before = await counts(m.id);
		const res = await client(people.nhs).post(m.path, body);
		expect(res.status, res.text).toBe(400);
		expect(res.json.error.fields[field]).toContain(text);
		expect(await counts(m.id)).toEqual(before);
		// The refusal used up nothing: the member can still answer.
		expect((await client(people.nhs).get(m.path)).json.state).toBe('open');
	});
});

describe('the results', () => {
	it('are hidden below three responses, then shown with distributions, means and sorted comments', async () => {
		const m = await meeting();
		expect(await surveyResults(m.id)).toEqual({
			eligible: 5,
			responses: 0,
			closesAt: expect.any(String),
			open: true,
			shown: false,
			minimum: 3,
			statements: [],
			comments: []
		});
		await client(people.nhs).post(m.path, {
			answers: { scrutiny: 4, disagreementUnusual: 2 },
			comment: 'Zeal helps.'
		});
		await client(people.tsi).post(m.path, { answers: { scrutiny: 2, forumsFeedIn: 1 } });
		const two = await surveyResults(m.id);
		expect(two).toMatchObject({ responses: 2, shown: false, statements: [], comments: [] });

		await client(chair()).post(m.path, {
			answers: { scrutiny: 4, disagreementUnusual: 5, forumsFeedIn: 1 },
			comment: 'Agendas are too full.'
		});
		// Three have answered, but the survey is open: results would change as more answer.
		expect(await surveyResults(m.id)).toMatchObject({
			responses: 3,
			open: true,
			shown: false,
			statements: [],
			comments: []
		});
		await closeSurvey(m.id, 'days passed');
		const three = await surveyResults(m.id);
		expect(three).toMatchObject({
			eligible: 5,
			responses: 3,
			open: false,
			shown: true,
			minimum: 3
		});
		const by = Object.fromEntries(three.statements.map((s) => [s.key, s]));
		expect(by.scrutiny).toMatchObject({ distribution: [0, 1, 0, 2, 0], answered: 3 });
		expect(by.scrutiny.mean).toBeCloseTo(10 / 3);
		expect(by.disagreementUnusual).toMatchObject({
			distribution: [0, 1, 0, 0, 1],
			answered: 2,
			mean: 3.5
		});
		expect(by.equalOpportunity).toMatchObject({
			distribution: [0, 0, 0, 0, 0],
			answered: 0,
			mean: null
		});
		expect(by.forumsFeedIn).toMatchObject({ distribution: [2, 0, 0, 0, 0], mean: 1 });
		// In order of their text, not of arrival (the first to answer wrote "Zeal helps.").
		expect(three.comments).toEqual(['Agendas are too full.', 'Zeal helps.']);
	});
});

describe('the statements are worded for the body that met', () => {
	const KEYS = [
		'scrutiny',
		'disagreementUnusual',
		'equalOpportunity',
		'thirdSectorEqual',
		'forumsFeedIn'
	];
	it.each([
		[
			'board',
			'The board properly scrutinises policies and decisions.',
			'Priorities from local forums feed clearly into the work of the board.'
		],
		[
			'theme',
			'The theme group properly scrutinises policies and decisions.',
			'Priorities from local forums feed clearly into the work of the theme group.'
		],
		[
			'forum',
			'The forum properly scrutinises policies and decisions.',
			'The forum’s priorities feed clearly into the partnership’s work.'
		]
	] as const)(
		'a %s meeting asks about that body, under the same keys',
		async (body, scrutiny, feed) => {
			const m = await meeting('CLOSED', undefined, body);
			const res = await client(people.nhs).get(m.path);
			expect(res.status, res.text).toBe(200);
			const statements: { key: string; text: string }[] = res.json.statements;
			expect(statements.map((s) => s.key)).toEqual(KEYS);
			const text = Object.fromEntries(statements.map((s) => [s.key, s.text]));
			expect(text.scrutiny).toBe(scrutiny);
			expect(text.forumsFeedIn).toBe(feed);
			if (body !== 'board') expect(statements.map((s) => s.text).join(' ')).not.toMatch(/board/i);
			expect(res.json.meeting.bodyKind).toBe(fx.bodies[body].kind);
		}
	);

	it('the forum’s results use the forum’s words and count the answers under the same keys', async () => {
		const m = await meeting('CLOSED', undefined, 'forum');
		for (const person of [people.nhs, people.tsi, chair()])
			expect((await client(person).post(m.path, { answers: { scrutiny: 4 } })).status).toBe(201);
		await closeSurvey(m.id, 'days passed');
		const results = await surveyResults(m.id);
		expect(results.statements.map((s) => s.key)).toEqual(KEYS);
		expect(results.statements[0]).toMatchObject({
			key: 'scrutiny',
			text: 'The forum properly scrutinises policies and decisions.',
			answered: 3,
			mean: 4
		});
		expect(results.statements.find((s) => s.key === 'disagreementUnusual')!.text).toBe(
			'Disagreement between members is unusual at the forum.'
		);
	});
});

describe('anonymity', () => {
	it('no API answer gives a response id, and the audit trail names who answered but not what', async () => {
		const m = await meeting();
		const answerers = [people.nhs, people.tsi, people.community, chair()];
		for (const [i, person] of answerers.entries())
			expect(
				(
					await client(person).post(m.path, {
						answers: { scrutiny: i + 1, thirdSectorEqual: 5 - i },
						comment: `Secret remark ${i}`
					})
				).status
			).toBe(201);
		const ids = (await server.db.surveyResponse.findMany({ where: { meetingId: m.id } })).map(
			(r) => r.id
		);
		expect(ids).toHaveLength(4);

		const readers = [...answerers, fx.members.SECRETARIAT, fx.members.ADMIN, fx.members.REVIEWER];
		const bodies: string[] = [];
		for (const person of readers) {
			for (const path of [
				m.path,
				`/api/v1/meetings/${m.id}/review`,
				`/api/v1/meetings/${m.id}`,
				`/api/v1/meetings/${m.id}/attendance`,
				'/api/v1/me/notifications'
			]) {
				const res = await client(person).get(path);
				bodies.push(res.text);
			}
		}
		for (const text of bodies) for (const id of ids) expect(text).not.toContain(id);
		for (const text of bodies) expect(text).not.toMatch(/Secret remark \d.*(membershipId|userId)/s);

		const events = await server.db.auditEvent.findMany({
			where: { action: 'survey_answered', entityId: m.id }
		});
		expect(events).toHaveLength(4);
		for (const event of events) {
			const detail = event.detail as Record<string, unknown>;
			expect(Object.keys(detail).sort()).toEqual(['meetingId', 'membershipId']);
			for (const id of ids) expect(JSON.stringify(event.detail) + event.entityId).not.toContain(id);
			expect(JSON.stringify(event.detail)).not.toMatch(
				/Secret|scrutiny|thirdSectorEqual|answers|comment/
			);
		}
	});

	it('the response table has no member or time column, and no transaction or position gives away who answered', async () => {
		const columnsOf = async (table: string) =>
			(
				await server.db.$queryRaw<{ name: string }[]>`
					SELECT column_name::text AS name FROM information_schema.columns WHERE table_name = ${table}`
			)
				.map((c) => c.name)
				.sort();
		expect(await columnsOf('SurveyResponse')).toEqual(
			[
				'id',
				'meetingId',
				'scrutiny',
				'disagreementUnusual',
				'equalOpportunity',
				'thirdSectorEqual',
				'forumsFeedIn',
				'comment'
			].sort()
		);
		expect(await columnsOf('SurveyReceipt')).toEqual(
			['createdAt', 'meetingId', 'membershipId'].sort()
		);
		// PostgreSQL marks each row with the transaction that wrote it (xmin). Each answer's receipt has its
		// own; the responses are re-written together by each new answer, so they all carry the latest one.
		const m = await meeting();
		for (const person of [people.nhs, people.tsi, people.community])
			expect((await client(person).post(m.path, { answers: { scrutiny: 2 } })).status).toBe(201);
		const writers = async (table: string) =>
			(
				await server.db.$queryRawUnsafe<{ n: bigint }[]>(
					`SELECT count(DISTINCT xmin::text) AS n FROM "${table}" WHERE "meetingId" = $1`,
					m.id
				)
			)[0].n;
		expect(await writers('SurveyReceipt')).toBe(3n);
		expect(await writers('SurveyResponse')).toBe(1n);
		expect(await counts(m.id)).toMatchObject({ receipts: 3, responses: 3 });
	});

	it('the database refuses to change or delete receipts and responses', async () => {
		const m = await meeting();
		await client(people.nhs).post(m.path, { answers: { scrutiny: 1 } });
		for (const sql of [
			`UPDATE "SurveyResponse" SET "scrutiny" = 5 WHERE "meetingId" = '${m.id}'`,
			`DELETE FROM "SurveyResponse" WHERE "meetingId" = '${m.id}'`,
			`UPDATE "SurveyReceipt" SET "membershipId" = 'someone' WHERE "meetingId" = '${m.id}'`,
			`DELETE FROM "SurveyReceipt" WHERE "meetingId" = '${m.id}'`
		])
			await expect(server.db.$executeRawUnsafe(sql), sql).rejects.toThrow(/append-only/);
		expect(await counts(m.id)).toMatchObject({ receipts: 1, responses: 1 });
		const [row] = await server.db.surveyResponse.findMany({ where: { meetingId: m.id } });
		expect(row.scrutiny).toBe(1);
	});
});

describe('closing a meeting', () => {
	it('invites each member present to the survey, in-app, and nobody else', async () => {
		const row = await meeting('IN_PROGRESS', '2026-07-02');
		const unread = async (person: { userId: string }) =>
			server.db.notification.findMany({
				where: { userId: person.userId, link: { endsWith: `/meetings/${row.id}/survey` } }
			});
		const res = await client(chair()).post(`/api/v1/meetings/${row.id}/close`, {});
		expect(res.status, res.text).toBe(200);
		for (const person of [chair(), people.nhs, people.tsi, people.community, people.substitute]) {
			const [invitation, ...more] = await unread(person);
			expect(more).toEqual([]);
			expect(invitation).toMatchObject({
				partnershipId: fx.partnership.id,
				link: `/p/survey/meetings/${row.id}/survey`,
				readAt: null
			});
			expect(invitation.message).toContain('anonymous survey');
		}
		for (const person of [
			people.absent,
			people.apologies,
			people.observer,
			fx.members.SECRETARIAT,
			fx.members.REVIEWER
		])
			expect(await unread(person)).toEqual([]);
		const listed = await client(people.tsi).get('/api/v1/me/notifications');
		expect(listed.json[0]).toMatchObject({ link: `/p/survey/meetings/${row.id}/survey` });
		const closed = await server.db.auditEvent.findFirstOrThrow({
			where: { action: 'closed', entityId: row.id }
		});
		expect(closed.detail).toMatchObject({ surveyInvitations: 5 });
	});
});
