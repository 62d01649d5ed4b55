// The annual outcome report for a reporting year (1 April to 31 March), and whether partners kept the
// commitments they gave: indicators read as the year ended (later readings left out, corrections made since
// applied), the actions that served an outcome with their decisions, answers published to forums, each
// partner's commitments in the year by whether they were kept, and its statement for the year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { makeIndicator } from '../support/outcomes.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, makeLiveMeeting } from '../support/record.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { dayInUk, reportingYearOf } from '../../src/lib/dates.ts';

let server: TestServer;
let fx: Fixture;
let officer: Client;
let observer: Client;
let outsider: Client;
let decisionId: string;
let outcomeId: string;
let indicatorId: string;

const THIS_YEAR = reportingYearOf(dayInUk(new Date()));

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'annual');
	const other = await makePartnership(server.db, 'annual-other');
	const db = server.db;
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
	// The council's member may commit it; the health board's may not.
	const nhs = await makeMemberOf(db, fx, 'health');

	// A board meeting in June 2025: two commitments, one action for the council, done.
	const meeting = await makeLiveMeeting(db, fx, { startsAt: new Date('2025-06-04T09:30:00Z') });
	const item = await makeItem(db, meeting.id, 'Warm homes programme');
	// Arranged as recorded that day (the record's clock is today's when it goes through the API).
	const decidedAt = new Date('2025-06-04T11:00:00Z');
	const decision = await db.decision.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId: meeting.id,
			agendaItemId: item.id,
			createdAt: decidedAt
		}
	});
	decisionId = decision.id;
	await db.decisionVersion.create({
		data: {
			decisionId,
			version: 1,
			wording: 'Fund the warm homes programme.',
			outcome: 'AGREED',
			method: 'CONSENSUS',
			quorate: true,
			hash: 'arranged',
			recordedById: fx.members.SECRETARIAT.userId,
			recordedAt: decidedAt,
			commitments: {
				create: [
					{
						organisationId: fx.organisations.council.id,
						membershipId: fx.members.MEMBER.membershipId,
						text: 'Insulate 200 homes',
						withAuthority: true
					},
					{
						organisationId: fx.organisations.health.id,
						membershipId: nhs.membershipId,
						text: 'Refer patients in cold homes',
						withAuthority: false
					}
				]
			}
		}
	});
	const action = await db.action.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId: meeting.id,
			decisionId,
			text: 'Insulate the first 200 homes',
			ownerOrganisationId: fx.organisations.council.id,
			dueOn: new Date('2026-03-01T00:00:00Z'),
			status: 'DONE',
			createdById: fx.members.SECRETARIAT.userId,
			createdAt: new Date('2025-06-04T11:00:00Z')
		}
	});

	// The outcome it serves, with an indicator read in September and March, and again after the year.
	const indicator = await makeIndicator(db, fx);
	indicatorId = indicator.id;
	outcomeId = indicator.outcomeId;
	await db.actionOutcome.create({ data: { actionId: action.id, outcomeId } });
	const read = (on: string, value: number, correctsId?: string) =>
		db.indicatorReading.create({
			data: {
				indicatorId,
				value,
				on: new Date(on),
				source: 'Survey',
				note: '',
				recordedById: fx.members.ADMIN.userId,
				...(correctsId ? { correctsId } : {})
			}
		});
	await read('2025-09-30', 12);
	const march = await read('2026-03-31', 19);
	await read('2026-03-31', 13, march.id); // put right after the year ended: the report uses it
	await read('2026-06-30', 15);

	// A forum's priority, decided in July and answered in October.
	const priority = await db.priority.create({
		data: {
			partnershipId: fx.partnership.id,
			raisedByBodyId: fx.bodies.forum.id,
			currentBodyId: fx.bodies.board.id,
			title: 'Cold homes in the old town',
			said: 'People are choosing between heating and eating.',
			engagementMethod: 'PUBLIC_MEETING',
			status: 'FEEDBACK_PUBLISHED',
			lastEventAt: new Date('2025-10-01T10:00:00Z'),
			createdById: fx.members.MEMBER.userId,
			createdAt: new Date('2025-05-01T10:00:00Z')
		}
	});
	await db.priorityEvent.create({
		data: {
			priorityId: priority.id,
			type: 'DECIDED',
			decisionId,
			recordedById: fx.members.SECRETARIAT.userId,
			at: new Date('2025-07-01T10:00:00Z')
		}
	});
	await db.feedback.create({
		data: {
			priorityId: priority.id,
			decisionId,
			weAsked: 'What should the board do about cold homes?',
			youSaid: 'Help people heat their homes.',
			weDid: 'The board funded insulation for 200 homes.',
			status: 'PUBLISHED',
			publishedAt: new Date('2025-10-01T10:00:00Z'),
			verdict: 'ACCEPTED',
			createdAt: new Date('2025-09-01T10:00:00Z'),
			updatedAt: new Date('2025-10-01T10:00:00Z')
		}
	});

	// The council's statement for 2025/26, in two versions; none from the health board.
	for (const [version, text] of [
		[1, 'Draft.'],
		[2, 'The council plan takes the LOIP’s outcomes as its own.']
	] as const)
		await db.partnerStatement.create({
			data: {
				partnershipId: fx.partnership.id,
				organisationId: fx.organisations.council.id,
				year: 2025,
				version,
				text,
				writtenById: fx.members.MEMBER.userId,
				writtenAt: new Date()
			}
		});
});
afterAll(() => server?.stop());

const report = (who: Client, query = '?year=2025') =>
	who.get(`/api/v1/partnerships/annual/annual-report${query}`);

describe('the annual outcome report', () => {
	it('reads the year’s indicators as the year ended, with corrections made since', async () => {
		const res = await report(observer);
		expect(res.status, res.text).toBe(200);
		expect(res.json).toMatchObject({
			year: 2025,
			label: '2025/26',
			from: '2025-04-01',
			to: '2026-03-31',
			inProgress: false,
			readOn: '2026-03-31'
		});
		const outcome = res.json.outcomes.find((o: { id: string }) => o.id === outcomeId);
		const indicator = outcome.indicators[0];
		const inForce = indicator.readings.filter((r: { corrected: boolean }) => !r.corrected);
		expect(inForce.map((r: { on: string; value: number }) => [r.on, r.value])).toEqual([
			['2025-09-30', 12],
			['2026-03-31', 13]
		]);
		expect(indicator.latest).toMatchObject({ on: '2026-03-31', value: 13 });
	});

	it('lists the actions that served each outcome, with the decisions they came from', async () => {
		const outcome = (await report(observer)).json.outcomes.find(
			(o: { id: string }) => o.id === outcomeId
		);
		expect(outcome.actions).toEqual([
			expect.objectContaining({
				text: 'Insulate the first 200 homes',
				status: 'DONE',
				decision: expect.objectContaining({
					id: decisionId,
					itemTitle: 'Warm homes programme',
					on: '2025-06-04'
				})
			})
		]);
	});

	it('counts what forums raised and had decided, with the answers published to them', async () => {
		expect((await report(observer)).json.priorities).toEqual({
			raised: 1,
			decided: 1,
			responses: [
				expect.objectContaining({
					title: 'Cold homes in the old town',
					forum: 'annual forum',
					weDid: 'The board funded insulation for 200 homes.',
					publishedOn: '2025-10-01',
					verdict: 'ACCEPTED'
				})
			]
		});
	});

	it('sets the partners side by side: commitments by whether kept, and each statement', async () => {
		const partners = (await report(observer)).json.partners;
		const council = partners.find((p: { id: string }) => p.id === fx.organisations.council.id);
		const health = partners.find((p: { id: string }) => p.id === fx.organisations.health.id);
		expect(council.commitments).toMatchObject({ KEPT: 1, AWAITING_RATIFICATION: 0 });
		expect(health.commitments).toMatchObject({ KEPT: 0, AWAITING_RATIFICATION: 1 });
		expect(council.statement).toMatchObject({
			version: 2,
			text: 'The council plan takes the LOIP’s outcomes as its own.'
		});
		expect(health.statement).toBeNull();
	});

	it('defaults to the last year that has ended; the year under way runs to today', async () => {
		const fallback = await report(observer, '');
		expect(fallback.json.year).toBe(THIS_YEAR - 1);
		expect(fallback.json.years).toContain(2025);
		const current = await report(observer, `?year=${THIS_YEAR}`);
		expect(current.json).toMatchObject({ year: THIS_YEAR, inProgress: true });
		expect(current.json.readOn).toBe(dayInUk(new Date()));
		// The year before this one holds nothing of this partnership's commitments.
		const none = (await report(observer, '?year=2024')).json.partners;
		expect(none.every((p: { commitments: Record<string, number> }) => !p.commitments.KEPT)).toBe(
			true
		);
	});

	it('refuses a year that has not begun or is not a year, and other partnerships', async () => {
		const future = await report(observer, `?year=${THIS_YEAR + 1}`);
		expect(future.status).toBe(400);
		expect(future.json.error.fields.year).toMatch(/has not begun/);
		expect((await report(observer, '?year=last')).status).toBe(400);
		expect((await report(outsider)).status).toBe(404);
	});
});

describe('whether a partner kept its commitments', () => {
	const commitments = async (organisationId: string) =>
		(await observer.get(`/api/v1/partnerships/annual/organisations/${organisationId}/account`)).json
			.commitments as { decisionId: string; kept: { state: string; reason: string } }[];

	it('is read from the actions the decision gave it and its ratification', async () => {
		expect((await commitments(fx.organisations.council.id))[0].kept).toEqual({
			state: 'KEPT',
			reason: 'Every action it was given at the decision is done (1).'
		});
		expect((await commitments(fx.organisations.health.id))[0].kept.state).toBe(
			'AWAITING_RATIFICATION'
		);
		const ratified = await officer.post(`/api/v1/decisions/${decisionId}/ratifications`, {
			organisationId: fx.organisations.health.id,
			ratifiedOn: '2025-08-20',
			ratifiedBy: 'Health board',
			reference: 'HB/25/040',
			confirm: true
		});
		expect(ratified.status, ratified.text).toBe(201);
		// Ratified, and the decision gave the health board no action: kept by its own governance.
		expect((await commitments(fx.organisations.health.id))[0].kept.state).toBe('KEPT');
	});

	it('is not kept when its action was dropped', async () => {
		await server.db.action.updateMany({
			where: { decisionId, ownerOrganisationId: fx.organisations.council.id },
			data: { status: 'DROPPED' }
		});
		expect((await commitments(fx.organisations.council.id))[0].kept.state).toBe('NOT_KEPT');
		await server.db.action.updateMany({
			where: { decisionId, ownerOrganisationId: fx.organisations.council.id },
			data: { status: 'DONE' }
		});
	});
});
