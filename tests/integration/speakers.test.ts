// The speaker queue: asking to speak, the chair calling speakers, timed turns, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeItem, makeSeated, setStatus } from '../support/floor.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let chair: Client;
let officer: Client;
type Person = Awaited<ReturnType<typeof makeSeated>> & { client: Client };
let health: Person;
let tsi: Person;
let community: Person;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	const seated = async (organisation: 'health' | 'tsi' | 'community') => {
		const made = await makeSeated(server.db, fx, organisation);
		return { ...made, client: await signedIn(server.url, made.email) };
	};
	health = await seated('health');
	tsi = await seated('tsi');
	community = await seated('community');
});
afterAll(() => server?.stop());

const queueOf = (id: string) => `/api/v1/meetings/${id}/contributions`;
const turn = (id: string, what: 'start' | 'stop' | 'cancel') =>
	`/api/v1/contributions/${id}/${what}`;

/** A meeting in progress on its first item, with the chair, health and third sector members present. */
async function runningMeeting() {
	const meeting = await makeMeeting(server.db, fx, { status: 'AGENDA_ISSUED' });
	const first = await makeItem(server.db, meeting.id, 1, { title: 'Child poverty action plan' });
	const second = await makeItem(server.db, meeting.id, 2);
	for (const membershipId of [
		fx.members.MEMBER.membershipId,
		health.membershipId,
		tsi.membershipId
	]) {
		await officer.post(`/api/v1/meetings/${meeting.id}/attendance`, {
			membershipId,
			status: 'PRESENT'
		});
	}
	const started = await officer.post(`/api/v1/meetings/${meeting.id}/start`);
	expect(started.status, started.text).toBe(200);
	return { meeting, first, second };
}

describe('the speaker queue', () => {
	it('keeps the order people asked in; calling the next ends the turn in progress; turns are timed', async () => {
		const { meeting, first } = await runningMeeting();
		const a = await health.client.post(queueOf(meeting.id), { type: 'QUESTION' });
		expect(a.status, a.text).toBe(201);
		expect(a.json).toMatchObject({
			agendaItemId: first.id,
			agendaItemTitle: 'Child poverty action plan',
			membershipId: health.membershipId,
			organisationName: fx.organisations.health.name,
			sector: 'HEALTH',
			type: 'QUESTION',
			requestedById: health.userId,
			startedAt: null,
			seconds: null
		});
		const b = await tsi.client.post(queueOf(meeting.id), {});
		expect(b.json.type).toBe('CONTRIBUTION');
		const c = await chair.post(queueOf(meeting.id), { type: 'PROPOSAL' });

		let speakers = (await officer.get(queueOf(meeting.id))).json;
		expect(speakers.queue.map((t: { id: string }) => t.id)).toEqual([
			a.json.id,
			b.json.id,
			c.json.id
		]);
		expect(speakers.speaking).toBeNull();

		const called = await chair.post(turn(a.json.id, 'start'));
		expect(called.status, called.text).toBe(200);
		expect(called.json.startedAt).toEqual(expect.any(String));
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const next = await chair.post(turn(b.json.id, 'start'), { type: 'CHALLENGE' });
		expect(next.json.type).toBe('CHALLENGE');

		speakers = (await health.client.get(queueOf(meeting.id))).json;
		expect(speakers.speaking).toMatchObject({ id: b.json.id });
		expect(speakers.queue.map((t: { id: string }) => t.id)).toEqual([c.json.id]);
		expect(speakers.turns).toHaveLength(1);
		expect(speakers.turns[0]).toMatchObject({ id: a.json.id, endedAt: next.json.startedAt });
		expect(speakers.turns[0].seconds).toBeGreaterThanOrEqual(1);

		const stopped = await officer.post(turn(b.json.id, 'stop'), {
			summary: 'Asked whether the plan reaches rural families'
		});
		expect(stopped.status, stopped.text).toBe(200);
		speakers = (await health.client.get(queueOf(meeting.id))).json;
		expect(speakers.speaking).toBeNull();
		expect(speakers.turns.map((t: { id: string }) => t.id)).toEqual([a.json.id, b.json.id]);
		expect(speakers.turns[1].summary).toBe('Asked whether the plan reaches rural families');
	});

	it('recorded by the officer, speaking: the member; a member naming someone else → 403', async () => {
		const { meeting } = await runningMeeting();
		const added = await officer.post(queueOf(meeting.id), { membershipId: tsi.membershipId });
		expect(added.status, added.text).toBe(201);
		expect(added.json).toMatchObject({
			membershipId: tsi.membershipId,
			requestedById: fx.members.SECRETARIAT.userId
		});
		const byChair = await chair.post(queueOf(meeting.id), { membershipId: health.membershipId });
		expect(byChair.status).toBe(201);
		const written = await auditCounter(server.db);
		const named = await health.client.post(queueOf(meeting.id), {
			membershipId: fx.members.MEMBER.membershipId
		});
		expect(named.status).toBe(403);
		expect(await written()).toBe(0);
	});

	it('only someone recorded as present can be queued: 400 membershipId', async () => {
		const { meeting } = await runningMeeting();
		const written = await auditCounter(server.db);
		const own = await community.client.post(queueOf(meeting.id), {});
		expect(own.status).toBe(400);
		expect(own.json.error.fields.membershipId).toMatch(/is not recorded as present$/);
		const added = await officer.post(queueOf(meeting.id), { membershipId: community.membershipId });
		expect(added.json.error.fields.membershipId).toMatch(/is not recorded as present/);
		expect(await written()).toBe(0);
	});

	it('a member who withdrew from an item under a declaration cannot be queued for it', async () => {
		const { meeting, first, second } = await runningMeeting();
		await health.client.post(`/api/v1/meetings/${meeting.id}/declarations`, {
			agendaItemId: first.id,
			nature: 'Spouse employed by the provider',
			action: 'WITHDREW'
		});
		const written = await auditCounter(server.db);
		const refused = await officer.post(queueOf(meeting.id), {
			membershipId: health.membershipId,
			agendaItemId: first.id
		});
		expect(refused.status).toBe(400);
		expect(refused.json.error.fields.membershipId).toMatch(/withdrew from this item/);
		expect(await written()).toBe(0);
		const otherItem = await health.client.post(queueOf(meeting.id), { agendaItemId: second.id });
		expect(otherItem.status).toBe(201);
	});

	it('one waiting request per person per item (409); cancelled, they may ask again', async () => {
		const { meeting } = await runningMeeting();
		const first = await tsi.client.post(queueOf(meeting.id), {});
		const twice = await tsi.client.post(queueOf(meeting.id), {});
		expect(twice.status).toBe(409);
		const cancelled = await tsi.client.post(turn(first.json.id, 'cancel'));
		expect(cancelled.status, cancelled.text).toBe(200);
		expect(cancelled.json.cancelledAt).toEqual(expect.any(String));
		expect((await tsi.client.post(queueOf(meeting.id), {})).status).toBe(201);
		const speakers = (await officer.get(queueOf(meeting.id))).json;
		expect(speakers.queue).toHaveLength(1);
	});

	it('an unknown item, or another meeting’s, is refused: 400 agendaItemId, nothing written', async () => {
		const { meeting } = await runningMeeting();
		const elsewhere = await runningMeeting();
		const written = await auditCounter(server.db);
		for (const agendaItemId of [elsewhere.first.id, 'b'.repeat(24)]) {
			const res = await health.client.post(queueOf(meeting.id), { agendaItemId });
			expect(res.status).toBe(400);
			expect(res.json.error.fields.agendaItemId).toBe('Choose an item on this meeting’s agenda');
		}
		expect(await written()).toBe(0);
		expect(await server.db.contribution.count({ where: { meetingId: meeting.id } })).toBe(0);
	});

	it('only while the meeting is in progress: 409', async () => {
		const meeting = await makeMeeting(server.db, fx, { status: 'AGENDA_ISSUED' });
		const item = await makeItem(server.db, meeting.id, 1);
		const res = await officer.post(queueOf(meeting.id), {
			membershipId: health.membershipId,
			agendaItemId: item.id
		});
		expect(res.status).toBe(409);
		expect(res.json.error.message).toMatch(/in progress.*has not started yet/);
		const running = await runningMeeting();
		const waiting = await health.client.post(queueOf(running.meeting.id), {});
		await setStatus(server.db, running.meeting.id, 'CLOSED');
		expect((await chair.post(turn(waiting.json.id, 'start'))).status).toBe(409);
	});

	it('who may call, end and cancel', async () => {
		const { meeting } = await runningMeeting();
		const mine = await health.client.post(queueOf(meeting.id), {});
		const theirs = await tsi.client.post(queueOf(meeting.id), {});
		const written = await auditCounter(server.db);
		expect((await health.client.post(turn(mine.json.id, 'start'))).status).toBe(403);
		expect((await health.client.post(turn(theirs.json.id, 'cancel'))).status).toBe(403);
		expect(await written()).toBe(0);

		expect((await chair.post(turn(mine.json.id, 'start'))).status).toBe(200);
		expect((await chair.post(turn(mine.json.id, 'start'))).status).toBe(409);
		expect((await health.client.post(turn(mine.json.id, 'cancel'))).status).toBe(409);
		expect((await tsi.client.post(turn(mine.json.id, 'stop'))).status).toBe(403);
		const ended = await health.client.post(turn(mine.json.id, 'stop'));
		expect(ended.status, ended.text).toBe(200);
		expect((await health.client.post(turn(mine.json.id, 'stop'))).status).toBe(409);
		expect((await officer.post(turn(theirs.json.id, 'cancel'))).status).toBe(200);
	});
});
