import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, makeLiveMeeting, markPresent, storeWording } from '../support/record.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let officer: Client;
let chair: Client;
let reviewer: Client;
let nhsClient: Client;
let tsiClient: Client;
let nhs: Awaited<ReturnType<typeof makeMemberOf>>;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'act');
	nhs = await makeMemberOf(server.db, fx, 'health');
	const tsi = await makeMemberOf(server.db, fx, 'tsi');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
	nhsClient = await signedIn(server.url, nhs.email);
	tsiClient = await signedIn(server.url, tsi.email);
});
afterAll(() => server?.stop());

/** A decision recorded at a board meeting on `startsAt`. */
async function decided(startsAt = new Date('2026-06-04T09:30:00Z'), bodyId = fx.bodies.board.id) {
	const meeting = await makeLiveMeeting(server.db, fx, { startsAt, bodyId });
	const item = await makeItem(server.db, meeting.id, 'Rural transport');
	await markPresent(
		server.db,
		meeting.id,
		[fx.members.MEMBER.membershipId],
		fx.members.SECRETARIAT.userId
	);
	await storeWording(server.db, meeting.id, { [item.id]: 'Fund the pilot.' });
	const res = await officer.post(`/api/v1/meetings/${meeting.id}/decisions`, {
		agendaItemId: item.id,
		outcome: 'AGREED',
		method: 'CONSENSUS',
		proceedWithoutQuorum: true
	});
	expect(res.status, res.text).toBe(201);
	return { meeting, decisionId: res.json.id as string };
}

const action = (extra: Record<string, unknown> = {}) => ({
	text: 'Report back on uptake',
	ownerOrganisationId: fx.organisations.health.id,
	ownerMembershipId: nhs.membershipId,
	dueOn: '2026-09-01',
	...extra
});

describe('actions', () => {
	it('are added to a decision by the chair or officers, owned by an organisation and a person of it', async () => {
		const { meeting, decisionId } = await decided();
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await chair.post(`/api/v1/decisions/${decisionId}/actions`, action());
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			decisionId,
			meetingId: meeting.id,
			itemTitle: 'Rural transport',
			ownerOrganisationName: 'Health board (act)',
			ownerMembershipId: nhs.membershipId,
			dueOn: '2026-09-01',
			status: 'OPEN',
			createdById: fx.members.MEMBER.userId
		});
		expect(await written()).toBe(1);
		const detail = await reviewer.get(`/api/v1/decisions/${decisionId}`);
		expect(detail.json.actions.map((a: any) => a.id)).toEqual([res.json.id]);
	});

	it.each([
		[
			'an owner from another organisation',
			() => ({ ownerOrganisationId: fx.organisations.council.id }),
			'ownerMembershipId'
		],
		['a due date that is not a date', () => ({ dueOn: 'next week' }), 'dueOn'],
		['no text', () => ({ text: '' }), 'text']
	])('refuses %s with 400 and writes nothing', async (_, change, field) => {
		const { decisionId } = await decided();
		const written = await auditCounter(server.db);
		const res = await officer.post(`/api/v1/decisions/${decisionId}/actions`, action(change()));
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields)).toContain(field);
		expect(await server.db.action.count({ where: { decisionId } })).toBe(0);
		expect(await written()).toBe(0);
	});

	it('are moved on by the owning organisation’s members, audited with before and after; others are refused', async () => {
		const { decisionId } = await decided();
		const id = (await officer.post(`/api/v1/decisions/${decisionId}/actions`, action())).json.id;
		expect((await nhsClient.post(`/api/v1/decisions/${decisionId}/actions`, action())).status).toBe(
			403
		);
		expect((await tsiClient.patch(`/api/v1/actions/${id}`, { status: 'DONE' })).status).toBe(403);
		expect((await reviewer.patch(`/api/v1/actions/${id}`, { status: 'DONE' })).status).toBe(403);
		const res = await nhsClient.patch(`/api/v1/actions/${id}`, { status: 'IN_PROGRESS' });
		expect(res.status, res.text).toBe(200);
		expect(res.json.status).toBe('IN_PROGRESS');
		const event = await server.db.auditEvent.findFirstOrThrow({
			where: { entity: 'Action', entityId: id, action: 'updated' }
		});
		expect(event.detail).toEqual({
			before: { status: 'OPEN' },
			after: { status: 'IN_PROGRESS' }
		});
		expect(event.actorUserId).toBe(nhs.userId);
		expect((await chair.patch(`/api/v1/actions/${id}`, { status: 'FINISHED' })).status).toBe(400);
	});
});

describe('matters arising and the actions list', () => {
	it('open actions of the body’s earlier meetings come back at its next meeting', async () => {
		const earlier = await decided(new Date('2027-01-10T10:00:00Z'), fx.bodies.theme.id);
		const open = (
			await officer.post(
				`/api/v1/decisions/${earlier.decisionId}/actions`,
				action({ text: 'Open one' })
			)
		).json;
		const done = (
			await officer.post(
				`/api/v1/decisions/${earlier.decisionId}/actions`,
				action({ text: 'Done one' })
			)
		).json;
		await officer.patch(`/api/v1/actions/${done.id}`, { status: 'DONE' });
		const next = await decided(new Date('2027-03-10T10:00:00Z'), fx.bodies.theme.id);
		const later = (
			await officer.post(
				`/api/v1/decisions/${next.decisionId}/actions`,
				action({ text: 'Later one' })
			)
		).json;
		const arising = await reviewer.get(`/api/v1/meetings/${next.meeting.id}/matters-arising`);
		expect(arising.status).toBe(200);
		expect(arising.json.map((a: any) => a.id)).toEqual([open.id]);
		const before = await reviewer.get(`/api/v1/meetings/${earlier.meeting.id}/matters-arising`);
		expect(before.json).toEqual([]);
		const list = await reviewer.get(
			`/api/v1/partnerships/act/actions?bodyId=${fx.bodies.theme.id}&status=OPEN`
		);
		expect(list.status).toBe(200);
		expect(list.json.map((a: any) => a.id).sort()).toEqual([open.id, later.id].sort());
		expect((await reviewer.get('/api/v1/partnerships/act/actions?status=LATE')).status).toBe(400);
	});
});

describe('progress on an action', () => {
	let actionId: string;
	let meetingStartsAt: Date;
	beforeAll(async () => {
		meetingStartsAt = new Date('2026-05-07T09:30:00Z');
		const { decisionId } = await decided(meetingStartsAt);
		actionId = (await chair.post(`/api/v1/decisions/${decisionId}/actions`, action())).json.id;
	});
	const report = (body: Record<string, unknown>, who: Client = nhsClient) =>
		who.post(`/api/v1/actions/${actionId}/updates`, body);
	const updates = () => server.db.actionUpdate.count({ where: { actionId } });

	it('the owning organisation reports it, with what is in the way and a new status, audited once', async () => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await report({
			on: '2026-06-01',
			note: 'Two of three venues booked.',
			percent: '40',
			milestone: 'Venues found',
			blockers: 'No transport for the rural venue yet.',
			status: 'IN_PROGRESS'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			status: 'IN_PROGRESS',
			blocked: true,
			lastUpdate: {
				on: '2026-06-01',
				note: 'Two of three venues booked.',
				percent: 40,
				milestone: 'Venues found',
				blockers: 'No transport for the rural venue yet.'
			}
		});
		expect(res.json.updates[0]).toMatchObject({ statusBefore: 'OPEN', statusAfter: 'IN_PROGRESS' });
		expect(await written()).toBe(1);
	});

	it('is not for another organisation or a reviewer, and bad input changes nothing', async () => {
		const before = await updates();
		expect((await report({ on: '2026-06-02', note: 'Mine' }, tsiClient)).status).toBe(403);
		expect((await report({ on: '2026-06-02', note: 'Mine' }, reviewer)).status).toBe(403);
		const bad = await report({ on: '2099-01-01', note: '', percent: 120, status: 'FINISHED' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.error.fields).sort()).toEqual(['note', 'percent', 'status']);
		const future = await report({ on: '2099-01-01', note: 'Soon' });
		expect(Object.keys(future.json.error.fields)).toEqual(['on']);
		expect(await updates()).toBe(before);
	});

	it('keeps every change of status in its history, and no report can be changed', async () => {
		expect((await chair.patch(`/api/v1/actions/${actionId}`, { status: 'OPEN' })).status).toBe(200);
		const history = (await officer.get(`/api/v1/actions/${actionId}`)).json.updates;
		expect(
			history.map((u: { statusBefore: string; statusAfter: string }) => [
				u.statusBefore,
				u.statusAfter
			])
		).toEqual([
			['IN_PROGRESS', 'OPEN'],
			['OPEN', 'IN_PROGRESS']
		]);
		await expect(server.db.actionUpdate.updateMany({ data: { note: 'x' } })).rejects.toThrow(
			/append-only/
		);
	});

	it('a blocked action comes up at the body’s next meeting with its last update', async () => {
		const next = await makeLiveMeeting(server.db, fx, {
			startsAt: new Date(meetingStartsAt.getTime() + 60 * 86_400_000)
		});
		const arising = (await officer.get(`/api/v1/meetings/${next.id}/matters-arising`)).json;
		expect(arising.find((a: { id: string }) => a.id === actionId)).toMatchObject({
			blocked: true,
			lastUpdate: { note: 'Two of three venues booked.' }
		});
	});
});

describe('resources committed to an action', () => {
	let actionId: string;
	beforeAll(async () => {
		const { decisionId } = await decided(new Date('2026-04-02T09:30:00Z'));
		actionId = (await chair.post(`/api/v1/decisions/${decisionId}/actions`, action())).json.id;
	});
	const commit = (body: Record<string, unknown>, who: Client = nhsClient) =>
		who.post(`/api/v1/actions/${actionId}/resources`, body);
	const count = () => server.db.actionResource.count({ where: { actionId } });

	it('a partner commits its own money and staff time; a later commitment replaces it in the totals', async () => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const first = await commit({
			organisationId: fx.organisations.health.id,
			money: '12000',
			staffDays: 20,
			note: 'Two nurses, one day a week'
		});
		expect(first.status, first.text).toBe(201);
		expect(first.json.resources).toEqual([
			expect.objectContaining({
				organisationName: 'Health board (act)',
				money: 12000,
				staffDays: 20
			})
		]);
		expect(await written()).toBe(1);
		const again = await commit({ organisationId: fx.organisations.health.id, money: 15000 });
		expect(again.json.resources).toEqual([
			expect.objectContaining({ money: 15000, staffDays: null })
		]);
		expect(again.json.earlierResources).toEqual([expect.objectContaining({ money: 12000 })]);
		// The officer records another partner's.
		const tsi = await commit({ organisationId: fx.organisations.tsi.id, staffDays: 5 }, officer);
		expect(tsi.json.resources.map((r: { organisationName: string }) => r.organisationName)).toEqual(
			['Health board (act)', 'Voluntary action (act)']
		);
	});

	it('not another partner’s, nor nothing at all; and a commitment cannot be changed', async () => {
		const before = await count();
		expect((await commit({ organisationId: fx.organisations.tsi.id, money: 1 })).status).toBe(403);
		const empty = await commit({ organisationId: fx.organisations.health.id, note: 'Later' });
		expect(empty.status).toBe(400);
		expect(Object.keys(empty.json.error.fields)).toEqual(['money']);
		const negative = await commit({ organisationId: fx.organisations.health.id, money: -5 });
		expect(Object.keys(negative.json.error.fields)).toEqual(['money']);
		expect(await count()).toBe(before);
		await expect(server.db.actionResource.deleteMany({})).rejects.toThrow(/append-only/);
	});
});
