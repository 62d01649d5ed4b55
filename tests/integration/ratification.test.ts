// Ratifications: a decision whose commitment was given without delegated authority is subject to that
// partner's ratification; recording it is a note beside the decision that leaves its hashed versions as they
// were, and the body's next meeting lists it among matters arising until it is recorded.
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
let nhsClient: Client;
let tsiClient: Client;
let decisionId: string;
let nextMeetingId: string;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'rat');
	const nhs = await makeMemberOf(server.db, fx, 'health');
	const tsi = await makeMemberOf(server.db, fx, 'tsi');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	nhsClient = await signedIn(server.url, nhs.email);
	tsiClient = await signedIn(server.url, tsi.email);
	const meeting = await makeLiveMeeting(server.db, fx, {
		startsAt: new Date('2026-06-04T09:30:00Z')
	});
	const item = await makeItem(server.db, meeting.id, 'Discharge to assess');
	await markPresent(
		server.db,
		meeting.id,
		[fx.members.MEMBER.membershipId, nhs.membershipId],
		fx.members.SECRETARIAT.userId
	);
	await storeWording(server.db, meeting.id, { [item.id]: 'Fund the pilot.' });
	// The health board's member has no delegated authority: the commitment needs its board's ratification.
	const decided = await officer.post(`/api/v1/meetings/${meeting.id}/decisions`, {
		agendaItemId: item.id,
		outcome: 'AGREED',
		method: 'CONSENSUS',
		proceedWithoutQuorum: true,
		commitments: [
			{
				organisationId: fx.organisations.health.id,
				membershipId: nhs.membershipId,
				text: 'Two community nurses for the pilot'
			}
		]
	});
	expect(decided.status, decided.text).toBe(201);
	decisionId = decided.json.id;
	nextMeetingId = (
		await makeLiveMeeting(server.db, fx, {
			startsAt: new Date('2026-08-06T09:30:00Z'),
			status: 'AGENDA_ISSUED'
		})
	).id;
});
afterAll(() => server?.stop());

const ratify = (body: Record<string, unknown>, who: Client = nhsClient) =>
	who.post(`/api/v1/decisions/${decisionId}/ratifications`, {
		organisationId: fx.organisations.health.id,
		ratifiedOn: '2026-07-15',
		ratifiedBy: 'Health board',
		reference: 'HB/26/031',
		...body
	});
const rows = () => server.db.ratification.count();

describe('a ratification', () => {
	it('is owed by the partner that committed without delegated authority, and listed at the next meeting', async () => {
		const decision = (await officer.get(`/api/v1/decisions/${decisionId}`)).json;
		expect(decision.ratifications).toEqual([
			{
				owedBy: 'PARTNER',
				organisationId: fx.organisations.health.id,
				bodyId: null,
				name: 'Health board (rat)',
				ratified: null
			}
		]);
		const page = await officer.get(`/p/rat/meetings/${nextMeetingId}`);
		expect(page.text).toContain('Ratifications still owed');
	});

	it('is not recorded by another partner, for a partner not owing one, in the future, or without who', async () => {
		const before = await rows();
		expect((await ratify({}, tsiClient)).status).toBe(403);
		const notOwed = await ratify({ organisationId: fx.organisations.council.id }, officer);
		expect(notOwed.json.error.fields).toEqual({
			organisationId: 'This decision is not subject to ratification by that partner'
		});
		expect(Object.keys((await ratify({ ratifiedOn: '2099-01-01' })).json.error.fields)).toEqual([
			'ratifiedOn'
		]);
		expect(Object.keys((await ratify({ ratifiedBy: '' })).json.error.fields)).toEqual([
			'ratifiedBy'
		]);
		expect(await rows()).toBe(before);
	});

	it('recorded by the partner, leaves the decision’s versions and fingerprints as they were; once only', async () => {
		const before = (await officer.get(`/api/v1/decisions/${decisionId}`)).json;
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await ratify({});
		expect(res.status, res.text).toBe(201);
		expect(res.json[0].ratified).toMatchObject({
			on: '2026-07-15',
			by: 'Health board',
			reference: 'HB/26/031'
		});
		expect(await written()).toBe(1);
		const after = (await officer.get(`/api/v1/decisions/${decisionId}`)).json;
		expect(after.verified).toBe(true);
		expect(after.versions.map((v: { hash: string }) => v.hash)).toEqual(
			before.versions.map((v: { hash: string }) => v.hash)
		);
		expect(after.ratifications[0].ratified.by).toBe('Health board');

		expect((await ratify({})).json.error.fields.organisationId).toContain('already recorded');
		const page = await officer.get(`/p/rat/meetings/${nextMeetingId}`);
		expect(page.text).not.toContain('Ratifications still owed');
		await expect(server.db.ratification.deleteMany({})).rejects.toThrow(/append-only/);
	});
});
