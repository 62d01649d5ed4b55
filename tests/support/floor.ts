// The meeting floor arranged straight into a test database: people seated on the board, agenda items, and
// meetings at a given stage.
import { randomBytes } from 'node:crypto';
import type { Fixture } from './factories.ts';
import { makeMemberOf } from './meetings.ts';
import type { TestDb } from './server.ts';

type Organisation = keyof Fixture['organisations'];
type Seat = 'CHAIR' | 'VICE_CHAIR' | 'MEMBER' | 'SUBSTITUTE' | 'ADVISER';

/** A member from an organisation with a seat on the board (or on `bodyId`). */
export async function makeSeated(
	db: TestDb,
	fx: Fixture,
	organisation: Organisation,
	role: Seat = 'MEMBER',
	bodyId = fx.bodies.board.id
) {
	const person = await makeMemberOf(db, fx, organisation);
	await db.bodySeat.create({ data: { bodyId, membershipId: person.membershipId, role } });
	return person;
}

/** An agenda item, as the projection would have made it from the agenda document. */
export async function makeItem(
	db: TestDb,
	meetingId: string,
	order: number,
	data: { title?: string; withdrawn?: boolean } = {}
) {
	return db.agendaItem.create({
		data: {
			id: randomBytes(12).toString('hex'),
			meetingId,
			order,
			title: data.title ?? `Item ${order}`,
			purpose: 'DECISION',
			withdrawn: data.withdrawn ?? false
		}
	});
}

/** Puts a meeting at a stage without going through the commands that lead there. */
export async function setStatus(
	db: TestDb,
	meetingId: string,
	status: 'DRAFT' | 'AGENDA_ISSUED' | 'IN_PROGRESS' | 'CLOSED',
	currentItemId: string | null = null
) {
	return db.meeting.update({
		where: { id: meetingId },
		data: {
			status,
			agendaIssuedAt: status === 'DRAFT' ? null : new Date(),
			startedAt: status === 'IN_PROGRESS' || status === 'CLOSED' ? new Date() : null,
			currentItemId,
			currentItemAt: currentItemId ? new Date() : null
		}
	});
}
