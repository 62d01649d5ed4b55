// Priorities and the people who move them, arranged for tests: a forum member, a theme group chair, a board
// meeting with an item and a recorded decision (fixture rows, as the record commands would have stored them).
import type { Client } from './client.ts';
import type { Fixture } from './factories.ts';
import { makeMemberOf } from './meetings.ts';
import { makeDecision, makeItem, meetingIn } from './minutes.ts';
import { seat } from './record.ts';
import type { TestDb } from './server.ts';

export const priorityInput = (extra: Record<string, unknown> = {}) => ({
	title: 'Safer walking routes to school',
	said: 'Parents said the crossing on Mill Road is dangerous at drop-off time.',
	area: 'Millbank',
	theme: 'Transport',
	engagement: {
		method: 'SURVEY',
		from: '2026-02-01',
		to: '2026-02-28',
		participants: 212,
		groupsReached: 'Parents, older people',
		groupsNotReached: 'Young people',
		standardsMet: ['INCLUSION', 'METHODS']
	},
	...extra
});

/** A member seated on a body, in the role given. */
export async function seatedMember(
	db: TestDb,
	fx: Fixture,
	bodyId: string,
	role: 'CHAIR' | 'MEMBER' = 'MEMBER'
) {
	const person = await makeMemberOf(db, fx, 'community');
	await seat(db, bodyId, person.membershipId, role);
	return person;
}

/** A board meeting with an agenda item and (optionally) a decision on it with an action. */
export async function boardItem(db: TestDb, fx: Fixture, day = '2026-06-04') {
	const meeting = await meetingIn(db, fx, 'CLOSED', day);
	const item = await makeItem(db, meeting.id, 1, 'Walking routes to school');
	return { meeting, item };
}

export async function boardDecision(
	db: TestDb,
	fx: Fixture,
	itemOf: { meeting: { id: string }; item: { id: string } }
) {
	const decision = await makeDecision(db, fx, itemOf.meeting.id, itemOf.item.id, [
		{ wording: 'Fund a crossing patrol.' },
		{ wording: 'Fund a crossing patrol at Mill Road for two years.' }
	]);
	const action = await db.action.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId: itemOf.meeting.id,
			decisionId: decision.id,
			text: 'Recruit the patrol',
			ownerOrganisationId: fx.organisations.council.id,
			dueOn: new Date('2026-09-30T00:00:00Z'),
			createdById: fx.members.SECRETARIAT.userId
		}
	});
	return { decision, action };
}

export async function step(client: Client, priorityId: string, body: Record<string, unknown>) {
	return client.post(`/api/v1/priorities/${priorityId}/events`, body);
}
