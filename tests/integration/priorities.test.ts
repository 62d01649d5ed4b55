import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import {
	boardDecision,
	boardItem,
	priorityInput,
	seatedMember,
	step
} from '../support/priorities.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let officer: Client;
let boardChair: Client;
let themeChair: Client;
let forumMember: Client;
let observer: Client;
let outsider: Client;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'prio');
	other = await makePartnership(server.db, 'elsewhere');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	boardChair = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
	themeChair = await signedIn(
		server.url,
		(await seatedMember(server.db, fx, fx.bodies.theme.id, 'CHAIR')).email
	);
	forumMember = await signedIn(
		server.url,
		(await seatedMember(server.db, fx, fx.bodies.forum.id)).email
	);
});
afterAll(() => server?.stop());

async function raised(by: Client = forumMember, extra: Record<string, unknown> = {}) {
	const res = await by.post(
		`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
		priorityInput(extra)
	);
	expect(res.status, res.text).toBe(201);
	return res.json.id as string;
}

/** A priority moved along by the steps given, each expected to succeed. */
async function moved(...steps: [Client, Record<string, unknown>][]) {
	const id = await raised();
	for (const [client, body] of steps) {
		const res = await step(client, id, body);
		expect(res.status, `${body.type}: ${res.text}`).toBe(201);
	}
	return id;
}

const submitted = () => moved([forumMember, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id }]);
const atBoard = () =>
	moved(
		[forumMember, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id }],
		[themeChair, { type: 'PASSED_ON', toBodyId: fx.bodies.board.id }]
	);
const accepted = async () => {
	const id = await atBoard();
	expect(
		(
			await step(boardChair, id, {
				type: 'ACCEPTED',
				leadOrganisationId: fx.organisations.health.id,
				influenceDeclared: 'CONSULT',
				hearBackBy: '2199-01-01'
			})
		).status
	).toBe(201);
	return id;
};

const eventCount = (priorityId: string) => server.db.priorityEvent.count({ where: { priorityId } });

describe('raising a priority', () => {
	it('a forum member raises one with its engagement; RAISED is its first event', async () => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await forumMember.post(
			`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
			priorityInput()
		);
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			title: 'Safer walking routes to school',
			status: 'RAISED',
			raisedBy: { id: fx.bodies.forum.id, name: fx.bodies.forum.name },
			heldBy: { id: fx.bodies.forum.id },
			engagement: {
				method: 'SURVEY',
				from: '2026-02-01',
				to: '2026-02-28',
				participants: 212,
				standardsMet: ['INCLUSION', 'METHODS'],
				groupsNotReached: 'Young people'
			},
			next: ['SUBMITTED'],
			reportsTo: { id: fx.bodies.theme.id }
		});
		expect(res.json.events).toHaveLength(1);
		expect(res.json.events[0]).toMatchObject({ type: 'RAISED', label: 'Raised' });
		expect(res.json.events[0].recordedBy.name).toBeTruthy();
		expect(await written()).toBe(1);
	});

	it('tags it with the partnership’s plan outcomes, and refuses another partnership’s', async () => {
		const mine = await officer.post('/api/v1/partnerships/prio/outcomes', {
			kind: 'LOIP',
			code: 'LOIP-1',
			title: 'Children are safe'
		});
		expect(mine.status, mine.text).toBe(201);
		const theirs = await outsider.post('/api/v1/partnerships/elsewhere/outcomes', {
			kind: 'LOIP',
			code: 'X-1',
			title: 'Elsewhere'
		});
		const id = await raised(forumMember, { outcomeIds: [mine.json.id] });
		expect((await officer.get(`/api/v1/priorities/${id}`)).json.outcomes[0].code).toBe('LOIP-1');
		const res = await forumMember.post(
			`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
			priorityInput({ outcomeIds: [theirs.json.id] })
		);
		expect(res.status).toBe(400);
		expect(res.json.error.fields.outcomeIds).toBeTruthy();
	});

	it('refuses bad input with the field named', async () => {
		const res = await forumMember.post(
			`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
			priorityInput({
				title: '',
				engagement: {
					method: 'CARRIER_PIGEON',
					from: '2026-03-01',
					to: '2026-02-01',
					standardsMet: ['X']
				}
			})
		);
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields)).toEqual(
			expect.arrayContaining(['title', 'engagement.method'])
		);
	});

	it('an observer, or a member not seated on the forum, cannot raise one (403); another partnership 404', async () => {
		const at = `/api/v1/bodies/${fx.bodies.forum.id}/priorities`;
		expect((await observer.post(at, priorityInput())).status).toBe(403);
		expect((await boardChair.post(at, priorityInput())).status).toBe(403);
		expect((await outsider.post(at, priorityInput())).status).toBe(404);
		expect((await outsider.get(at)).status).toBe(404);
	});

	it('a body lists what it raised and what it holds', async () => {
		const id = await atBoard();
		const board = await boardChair.get(`/api/v1/bodies/${fx.bodies.board.id}/priorities`);
		expect(board.json.map((p: { id: string }) => p.id)).toContain(id);
		const forum = await observer.get(`/api/v1/bodies/${fx.bodies.forum.id}/priorities`);
		expect(forum.json.map((p: { id: string }) => p.id)).toContain(id);
		const theme = await observer.get(`/api/v1/bodies/${fx.bodies.theme.id}/priorities`);
		expect(theme.json.map((p: { id: string }) => p.id)).not.toContain(id);
	});
});

describe('from the forum through the theme group to the board and back', () => {
	it('follows every step, each an event with who, when and what', async () => {
		const id = await raised();
		const s1 = await step(forumMember, id, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id });
		expect(s1.status, s1.text).toBe(201);
		expect(s1.json).toMatchObject({ status: 'SUBMITTED', heldBy: { id: fx.bodies.theme.id } });

		const s2 = await step(themeChair, id, { type: 'PASSED_ON', toBodyId: fx.bodies.board.id });
		expect(s2.status, s2.text).toBe(201);
		expect(s2.json).toMatchObject({ status: 'SUBMITTED', heldBy: { id: fx.bodies.board.id } });

		const s3 = await step(boardChair, id, {
			type: 'ACCEPTED',
			leadOrganisationId: fx.organisations.health.id,
			influenceDeclared: 'INVOLVE',
			hearBackBy: '2199-01-01'
		});
		expect(s3.status, s3.text).toBe(201);
		expect(s3.json).toMatchObject({
			status: 'ACCEPTED',
			leadOrganisation: { id: fx.organisations.health.id },
			influence: {
				promised: 'INVOLVE',
				hearBackBy: '2199-01-01',
				achieved: null,
				overdue: false,
				words: 'Promised: Involve; not decided yet'
			}
		});
		expect(s3.json.events.at(-1)).toMatchObject({
			type: 'ACCEPTED',
			influenceDeclared: 'INVOLVE',
			hearBackBy: '2199-01-01'
		});

		const arranged = await boardItem(server.db, fx);
		const s4 = await step(boardChair, id, { type: 'SCHEDULED', agendaItemId: arranged.item.id });
		expect(s4.status, s4.text).toBe(201);
		expect(s4.json.status).toBe('SCHEDULED');

		const { decision, action } = await boardDecision(server.db, fx, arranged);
		const s5 = await step(officer, id, {
			type: 'DECIDED',
			decisionId: decision.id,
			influenceAchieved: 'CONSULT'
		});
		expect(s5.status, s5.text).toBe(201);
		expect(s5.json.status).toBe('DECIDED');
		// The decision records what the forum had; the promise stays the acceptance's.
		expect(s5.json.events.at(-1)).toMatchObject({
			type: 'DECIDED',
			influenceDeclared: null,
			influenceAchieved: 'CONSULT'
		});
		expect(s5.json.influence).toMatchObject({
			promised: 'INVOLVE',
			achieved: 'CONSULT',
			gap: 'LESS',
			overdue: false,
			words: 'Promised: Involve; achieved: Consult — less than promised'
		});
		expect(s5.json.feedback).toMatchObject({ status: 'DRAFT', decisionId: decision.id });

		const s6 = await step(officer, id, { type: 'ACTION', actionId: action.id });
		expect(s6.status, s6.text).toBe(201);
		expect(s6.json.status).toBe('DECIDED');

		const s7 = await step(officer, id, { type: 'FEEDBACK_PUBLISHED' });
		expect(s7.status, s7.text).toBe(201);
		expect(s7.json.status).toBe('FEEDBACK_PUBLISHED');
		expect(s7.json.feedback.status).toBe('PUBLISHED');

		const s8 = await step(officer, id, { type: 'CLOSED', reason: 'Patrol in place' });
		expect(s8.status, s8.text).toBe(201);
		expect(s8.json).toMatchObject({ status: 'CLOSED', next: [] });

		const events = s8.json.events;
		expect(events.map((e: { type: string }) => e.type)).toEqual([
			'RAISED',
			'SUBMITTED',
			'PASSED_ON',
			'ACCEPTED',
			'SCHEDULED',
			'DECIDED',
			'ACTION',
			'FEEDBACK_PUBLISHED',
			'CLOSED'
		]);
		expect(events[1]).toMatchObject({
			byBody: { name: fx.bodies.forum.name },
			toBody: { name: fx.bodies.theme.name }
		});
		expect(events[3].leadOrganisation.name).toBe(fx.organisations.health.name);
		expect(events[3]).toMatchObject({ influenceDeclared: 'INVOLVE', hearBackBy: '2199-01-01' });
		expect(events[4].agendaItem).toMatchObject({
			title: 'Walking routes to school',
			meetingId: arranged.meeting.id
		});
		expect(events[5]).toMatchObject({
			decision: {
				id: decision.id,
				itemTitle: 'Walking routes to school',
				wording: 'Fund a crossing patrol at Mill Road for two years.',
				outcome: 'AGREED'
			},
			influenceDeclared: null,
			influenceAchieved: 'CONSULT'
		});
		expect(events[6].action).toEqual({ id: action.id, text: 'Recruit the patrol' });
		expect(events[8].reason).toBe('Patrol in place');
		for (const e of events) expect(e.recordedBy.name).toBeTruthy();
	});

	it('a declined priority goes back to the forum with its reason, which can submit it again or close it', async () => {
		const id = await submitted();
		const res = await step(themeChair, id, {
			type: 'DECLINED',
			reason: 'Not ours: a council matter'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({ status: 'DECLINED', heldBy: { id: fx.bodies.forum.id } });
		expect(res.json.events.at(-1)).toMatchObject({
			reason: 'Not ours: a council matter',
			toBody: { id: fx.bodies.forum.id }
		});
		expect((await forumMember.get(`/api/v1/priorities/${id}`)).json.next).toEqual(['SUBMITTED']);
		const again = await step(forumMember, id, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id });
		expect(again.status, again.text).toBe(201);
		expect(
			(await step(themeChair, id, { type: 'DECLINED', reason: 'Still not ours' })).status
		).toBe(201);
		expect((await step(officer, id, { type: 'CLOSED' })).status).toBe(201);
	});

	it('may be decided straight from accepted, without an agenda item', async () => {
		const id = await accepted();
		const { decision } = await boardDecision(
			server.db,
			fx,
			await boardItem(server.db, fx, '2026-07-02')
		);
		const res = await step(officer, id, {
			type: 'DECIDED',
			decisionId: decision.id,
			influenceDeclared: 'CONSULT',
			influenceAchieved: 'CONSULT'
		});
		expect(res.status, res.text).toBe(201);
	});
});

describe('a step that does not follow', () => {
	const cases: [string, () => Promise<string>, Record<string, unknown>, string[]][] = [
		[
			'ACCEPTED from RAISED',
			() => raised(),
			{ type: 'ACCEPTED', leadOrganisationId: 'x' },
			['SUBMITTED']
		],
		[
			'SCHEDULED before ACCEPTED',
			submitted,
			{ type: 'SCHEDULED', agendaItemId: 'itemabc' },
			['ACCEPTED', 'DECLINED', 'PASSED_ON', 'PASSED_SIDEWAYS', 'REFERRED_DOWN']
		],
		[
			'CLOSED from SUBMITTED',
			submitted,
			{ type: 'CLOSED' },
			['ACCEPTED', 'DECLINED', 'PASSED_ON', 'PASSED_SIDEWAYS', 'REFERRED_DOWN']
		],
		['DECIDED from RAISED', () => raised(), { type: 'DECIDED' }, ['SUBMITTED']],
		[
			'FEEDBACK_PUBLISHED from ACCEPTED',
			accepted,
			{ type: 'FEEDBACK_PUBLISHED' },
			['PASSED_ON', 'PASSED_SIDEWAYS', 'REFERRED_DOWN', 'SCHEDULED', 'DECIDED']
		],
		[
			'SUBMITTED twice',
			submitted,
			{ type: 'SUBMITTED', toBodyId: 'x' },
			['ACCEPTED', 'DECLINED', 'PASSED_ON', 'PASSED_SIDEWAYS', 'REFERRED_DOWN']
		]
	];
	it.each(cases)(
		'%s answers 409 with the allowed steps, nothing written',
		async (_, arrange, body, allowed) => {
			const id = await arrange();
			const events = await eventCount(id);
			const written = await auditCounter(server.db);
			const res = await step(officer, id, body);
			expect(res.status, res.text).toBe(409);
			expect(res.json.error).toMatchObject({ code: 'conflict', allowed });
			for (const type of allowed) expect(res.json.error.message).toContain(type);
			expect(await written()).toBe(0);
			expect(await eventCount(id)).toBe(events);
		}
	);

	it('a closed priority allows nothing more', async () => {
		const id = await submitted();
		await step(themeChair, id, { type: 'DECLINED', reason: 'No' });
		await step(officer, id, { type: 'CLOSED' });
		const res = await step(officer, id, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id });
		expect(res.status).toBe(409);
		expect(res.json.error.allowed).toEqual([]);
	});
});

describe('bad input', () => {
	it('an unknown step type names the field', async () => {
		const res = await step(officer, await raised(), { type: 'TELEPORTED' });
		expect(res.status).toBe(400);
		expect(res.json.error.fields.type).toBeTruthy();
	});

	it('submitting to a body it does not report to, an unknown body or another partnership’s', async () => {
		const id = await raised();
		const written = await auditCounter(server.db);
		for (const toBodyId of [fx.bodies.board.id, other.bodies.theme.id, 'a'.repeat(24)]) {
			const res = await step(forumMember, id, { type: 'SUBMITTED', toBodyId });
			expect(res.status, toBodyId).toBe(400);
			expect(res.json.error.fields.toBodyId).toBeTruthy();
		}
		expect(await written()).toBe(0);
		expect(await eventCount(id)).toBe(1);
	});

	it('declining without a reason', async () => {
		const res = await step(themeChair, await submitted(), { type: 'DECLINED', reason: '  ' });
		expect(res.status).toBe(400);
		expect(res.json.error.fields.reason).toBeTruthy();
	});

	it('accepting with another partnership’s lead organisation', async () => {
		const res = await step(boardChair, await atBoard(), {
			type: 'ACCEPTED',
			leadOrganisationId: other.organisations.health.id,
			influenceDeclared: 'CONSULT',
			hearBackBy: '2199-01-01'
		});
		expect(res.status).toBe(400);
		expect(res.json.error.fields.leadOrganisationId).toBeTruthy();
	});

	it.each([
		['no promise or date', {}, ['influenceDeclared', 'hearBackBy']],
		[
			'an unknown level',
			{ influenceDeclared: 'OBEY', hearBackBy: '2199-01-01' },
			['influenceDeclared']
		],
		[
			'a date that is not one',
			{ influenceDeclared: 'CONSULT', hearBackBy: '31/12/2199' },
			['hearBackBy']
		],
		[
			'a day already past',
			{ influenceDeclared: 'CONSULT', hearBackBy: '2020-01-01' },
			['hearBackBy']
		]
	] as const)(
		'accepting with %s answers 400 naming the fields, nothing written',
		async (_, promise, fields) => {
			const id = await atBoard();
			const events = await eventCount(id);
			const written = await auditCounter(server.db);
			const res = await step(boardChair, id, {
				type: 'ACCEPTED',
				leadOrganisationId: fx.organisations.health.id,
				...promise
			});
			expect(res.status, res.text).toBe(400);
			expect(Object.keys(res.json.error.fields).sort()).toEqual([...fields].sort());
			for (const field of fields)
				expect(res.json.error.fields[field]).toMatch(/influence|day|date/i);
			expect(await written()).toBe(0);
			expect(await eventCount(id)).toBe(events);
			expect((await officer.get(`/api/v1/priorities/${id}`)).json.status).toBe('SUBMITTED');
		}
	);

	it('scheduling on an item of another body’s meeting', async () => {
		const id = await accepted();
		const meeting = await server.db.meeting.create({
			data: {
				partnershipId: fx.partnership.id,
				bodyId: fx.bodies.theme.id,
				title: 'Theme group',
				startsAt: new Date('2026-06-10T10:00:00Z'),
				createdById: fx.members.SECRETARIAT.userId
			}
		});
		const item = await server.db.agendaItem.create({
			data: {
				id: 'itemthemegroup0001',
				meetingId: meeting.id,
				order: 1,
				title: 'X',
				purpose: 'DECISION'
			}
		});
		const res = await step(boardChair, id, { type: 'SCHEDULED', agendaItemId: item.id });
		expect(res.status).toBe(400);
		expect(res.json.error.fields.agendaItemId).toBeTruthy();
	});

	it('a decision of another partnership, or without the influence levels', async () => {
		const id = await accepted();
		const theirs = await boardDecision(server.db, other, await boardItem(server.db, other));
		const res = await step(officer, id, {
			type: 'DECIDED',
			decisionId: theirs.decision.id,
			influenceDeclared: 'INFORM',
			influenceAchieved: 'INFORM'
		});
		expect(res.status).toBe(400);
		expect(res.json.error.fields.decisionId).toBeTruthy();
		const mine = await boardDecision(server.db, fx, await boardItem(server.db, fx, '2026-08-06'));
		const missing = await step(officer, id, { type: 'DECIDED', decisionId: mine.decision.id });
		expect(missing.status).toBe(400);
		expect(Object.keys(missing.json.error.fields)).toEqual(['influenceAchieved']);
		expect(await server.db.feedback.count({ where: { priorityId: id } })).toBe(0);
	});

	it('an action of a decision not linked to the priority', async () => {
		const id = await accepted();
		const linked = await boardDecision(server.db, fx, await boardItem(server.db, fx, '2026-09-03'));
		const unlinked = await boardDecision(
			server.db,
			fx,
			await boardItem(server.db, fx, '2026-09-10')
		);
		await step(officer, id, {
			type: 'DECIDED',
			decisionId: linked.decision.id,
			influenceDeclared: 'INFORM',
			influenceAchieved: 'INFORM'
		});
		const res = await step(officer, id, { type: 'ACTION', actionId: unlinked.action.id });
		expect(res.status).toBe(400);
		expect(res.json.error.fields.actionId).toBeTruthy();
	});
});

describe('who may take each step', () => {
	it('a forum member raises and submits, but cannot accept at the board (403), nothing written', async () => {
		const id = await atBoard();
		const written = await auditCounter(server.db);
		const res = await step(forumMember, id, {
			type: 'ACCEPTED',
			leadOrganisationId: fx.organisations.health.id,
			influenceDeclared: 'CONSULT',
			hearBackBy: '2199-01-01'
		});
		expect(res.status).toBe(403);
		expect(res.json.error.code).toBe('forbidden');
		expect(await written()).toBe(0);
		expect((await forumMember.get(`/api/v1/priorities/${id}`)).json.next).toEqual([]);
		// The board may also refer it down to the theme group that reports to it.
		expect((await boardChair.get(`/api/v1/priorities/${id}`)).json.next).toEqual([
			'ACCEPTED',
			'DECLINED',
			'REFERRED_DOWN'
		]);
	});

	it('the theme group’s chair cannot accept once it is at the board; an observer cannot submit', async () => {
		const id = await atBoard();
		expect(
			(
				await step(themeChair, id, {
					type: 'ACCEPTED',
					leadOrganisationId: fx.organisations.health.id,
					influenceDeclared: 'CONSULT',
					hearBackBy: '2199-01-01'
				})
			).status
		).toBe(403);
		expect(
			(await step(observer, await raised(), { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id }))
				.status
		).toBe(403);
	});

	it('only officers link decisions: the board’s chair is refused', async () => {
		const id = await accepted();
		const { decision } = await boardDecision(
			server.db,
			fx,
			await boardItem(server.db, fx, '2026-10-01')
		);
		const res = await step(boardChair, id, {
			type: 'DECIDED',
			decisionId: decision.id,
			influenceDeclared: 'INFORM',
			influenceAchieved: 'INFORM'
		});
		expect(res.status).toBe(403);
	});

	it('another partnership sees no such priority', async () => {
		const id = await raised();
		expect((await outsider.get(`/api/v1/priorities/${id}`)).status).toBe(404);
		expect(
			(await step(outsider, id, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id })).status
		).toBe(404);
	});
});

describe('the timeline', () => {
	it('is append-only: the database refuses to change or delete an event', async () => {
		const id = await raised();
		const event = await server.db.priorityEvent.findFirstOrThrow({ where: { priorityId: id } });
		await expect(
			server.db.priorityEvent.update({ where: { id: event.id }, data: { reason: 'rewritten' } })
		).rejects.toThrow();
		await expect(
			server.db.$executeRawUnsafe(
				`UPDATE "PriorityEvent" SET "reason" = 'rewritten' WHERE "id" = $1`,
				event.id
			)
		).rejects.toThrow(/append-only/);
		await expect(
			server.db.$executeRawUnsafe(`DELETE FROM "PriorityEvent" WHERE "id" = $1`, event.id)
		).rejects.toThrow(/append-only/);
		expect(await server.db.priorityEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(
			event
		);
	});
});

describe('supporting files', () => {
	it('a forum member adds one; anyone in the partnership downloads it; another partnership cannot', async () => {
		const id = await raised();
		const bytes = new TextEncoder().encode('question,answer\nsafe?,no\n');
		const res = await forumMember.upload(`/api/v1/priorities/${id}/files`, 'survey.csv', bytes);
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({ name: 'survey.csv', size: bytes.length });
		const file = await observer.get(`/api/v1/priorities/${id}/files/${res.json.id}`);
		expect(file.status).toBe(200);
		expect(file.text).toBe('question,answer\nsafe?,no\n');
		expect((await observer.get(`/api/v1/priorities/${id}`)).json.files).toHaveLength(1);
		expect((await outsider.get(`/api/v1/priorities/${id}/files/${res.json.id}`)).status).toBe(404);
		const refused = await observer.upload(`/api/v1/priorities/${id}/files`, 'x.csv', bytes);
		expect(refused.status).toBe(403);
		const bad = await forumMember.upload(`/api/v1/priorities/${id}/files`, 'x.exe', bytes);
		expect(bad.status).toBe(400);
	});

	it('the page offers the upload to exactly those the domain accepts it from', async () => {
		// Held by the theme group, raised by the forum: the theme's chair sits on the holding body only.
		const id = await submitted();
		const bytes = new TextEncoder().encode('a,b\n');
		const page = `/p/prio/priorities/${id}`;
		for (const [who, client] of [
			['the holding body’s chair', themeChair],
			['a raising body’s member', forumMember],
			['an officer', officer],
			['the board’s chair', boardChair],
			['an observer', observer]
		] as const) {
			const offered = (await client.get(page)).text.includes('action="?/upload#files"');
			const accepted = await client.upload(`/api/v1/priorities/${id}/files`, 'x.csv', bytes);
			expect([201, 403], accepted.text).toContain(accepted.status);
			expect(offered, `${who}: offered ${offered}, answered ${accepted.status}`).toBe(
				accepted.status === 201
			);
		}
	});
});
