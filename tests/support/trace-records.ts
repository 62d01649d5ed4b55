// Priorities and their timelines arranged straight into a test database (the commands that record events
// are tested elsewhere): a priority with its events, status, holder and lastEventAt as the events leave
// them, and decisions with a version on an item of a board meeting.
import type { Fixture } from './factories.ts';
import { makeItem, makeLiveMeeting } from './record.ts';
import type { TestDb } from './server.ts';

type EventType =
	| 'RAISED'
	| 'SUBMITTED'
	| 'ACCEPTED'
	| 'DECLINED'
	| 'PASSED_ON'
	| 'SCHEDULED'
	| 'DECIDED'
	| 'ACTION'
	| 'FEEDBACK_PUBLISHED'
	| 'CLOSED';
type Influence = 'INFORM' | 'CONSULT' | 'INVOLVE' | 'COLLABORATE' | 'EMPOWER';

export interface ArrangedEvent {
	type: EventType;
	at: string;
	byBodyId?: string;
	toBodyId?: string;
	agendaItemId?: string;
	decisionId?: string;
	actionId?: string;
	leadOrganisationId?: string;
	influenceDeclared?: Influence;
	influenceAchieved?: Influence;
	/** ACCEPTED: the day (YYYY-MM-DD) the forum will hear back by. */
	hearBackBy?: string;
	reason?: string;
}

const STATUS_AFTER: Partial<Record<EventType, string>> = {
	RAISED: 'RAISED',
	SUBMITTED: 'SUBMITTED',
	PASSED_ON: 'SUBMITTED',
	ACCEPTED: 'ACCEPTED',
	DECLINED: 'DECLINED',
	SCHEDULED: 'SCHEDULED',
	DECIDED: 'DECIDED',
	FEEDBACK_PUBLISHED: 'FEEDBACK_PUBLISHED',
	CLOSED: 'CLOSED'
};

export async function makePriority(
	db: TestDb,
	fx: Fixture,
	data: { title: string; raisedByBodyId?: string; theme?: string; events: ArrangedEvent[] }
) {
	const raisedBy = data.raisedByBodyId ?? fx.bodies.forum.id;
	let status = 'RAISED';
	let holder = raisedBy;
	let lead: string | null = null;
	for (const e of data.events) {
		status = STATUS_AFTER[e.type] ?? status;
		if (e.toBodyId) holder = e.toBodyId;
		if (e.type === 'DECLINED') holder = raisedBy;
		if (e.leadOrganisationId) lead = e.leadOrganisationId;
	}
	const first = new Date(data.events[0].at);
	const last = new Date(data.events[data.events.length - 1].at);
	return db.priority.create({
		data: {
			partnershipId: fx.partnership.id,
			raisedByBodyId: raisedBy,
			currentBodyId: holder,
			title: data.title,
			said: `People said: ${data.title.toLowerCase()}.`,
			theme: data.theme ?? '',
			engagementMethod: 'PUBLIC_MEETING',
			status: status as 'RAISED',
			leadOrganisationId: lead,
			lastEventAt: last,
			createdById: fx.members.SECRETARIAT.userId,
			createdAt: first,
			events: {
				create: data.events.map((e) => ({
					...e,
					at: new Date(e.at),
					hearBackBy: e.hearBackBy ? new Date(`${e.hearBackBy}T00:00:00Z`) : undefined,
					recordedById: fx.members.SECRETARIAT.userId
				}))
			}
		}
	});
}

/** A decision with one version on a new item of a new board meeting. */
export async function makeDecision(
	db: TestDb,
	fx: Fixture,
	data: { itemTitle: string; wording: string; at: string }
) {
	const meeting = await makeLiveMeeting(db, fx, { startsAt: new Date(data.at) });
	const item = await makeItem(db, meeting.id, data.itemTitle);
	const decision = await db.decision.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: meeting.bodyId,
			meetingId: meeting.id,
			agendaItemId: item.id,
			createdAt: new Date(data.at),
			versions: {
				create: {
					version: 1,
					wording: data.wording,
					outcome: 'AGREED',
					method: 'CONSENSUS',
					quorate: true,
					hash: 'arranged',
					recordedById: fx.members.SECRETARIAT.userId,
					recordedAt: new Date(data.at)
				}
			}
		}
	});
	return { meeting, item, decision };
}
