// One demo meeting being run: a clock that moves on as it goes, and the commands as the demo people. The
// board's record (seed/record.ts) and its earlier meetings (seed/history.ts) both run meetings this way.
import type { Actor } from '../src/lib/server/access/index.ts';
import { recordAttendance } from '../src/lib/server/meetings/index.ts';
import { atTime } from '../src/lib/server/platform/index.ts';
import { db } from '../src/lib/server/platform/index.ts';
import { setCurrentItem, startMeeting } from '../src/lib/server/meetings/index.ts';
import { endTurn, requestToSpeak, startTurn } from '../src/lib/server/meetings/index.ts';
import { decisionDrafts } from '../src/lib/collab/decisions.ts';
import type { ContributionType } from '../src/lib/vocabulary.ts';
import type { DemoMeeting } from './meeting.ts';

const DAY = 86_400_000;
const e = (local: string) => `${local}@demo.example`;

export type People = Map<string, { actor: Actor; membershipId: string }>;

/** The partnership's people, by email, as the actors the commands take. */
export async function demoPeople(partnershipId: string): Promise<People> {
	const rows = await db().membership.findMany({
		where: { partnershipId },
		select: { id: true, user: { select: { id: true, email: true, name: true } } }
	});
	return new Map(
		rows.map((row) => [
			row.user.email,
			{
				membershipId: row.id,
				actor: {
					userId: row.user.id,
					email: row.user.email,
					name: row.user.name,
					via: { kind: 'session', sessionId: 'demo-seed' }
				}
			}
		])
	);
}

/** One meeting being run: a clock that moves on as it goes, and the commands as its people. */
export class Run {
	minute = 0;

	constructor(
		readonly meeting: DemoMeeting,
		readonly startsAt: Date,
		private readonly people: People,
		private readonly chair = e('chair'),
		private readonly officer = e('officer')
	) {}

	get id() {
		return this.meeting.meetingId;
	}
	item(index: number) {
		return this.meeting.itemIds[index];
	}
	as(email: string): Actor {
		return this.people.get(email)!.actor;
	}
	member(email: string): string {
		return this.people.get(email)!.membershipId;
	}
	/** Runs a command at the meeting's current minute. */
	now<T>(work: () => Promise<T>): Promise<T> {
		return atTime(new Date(this.startsAt.getTime() + this.minute * 60_000), work);
	}
	/** The date `days` after the meeting, as an action's due date. */
	due(days: number): string {
		return new Date(this.startsAt.getTime() + days * DAY).toISOString().slice(0, 10);
	}
	/** Runs a command `days` before the meeting, at `hour` o'clock. */
	before<T>(days: number, hour: number, work: () => Promise<T>): Promise<T> {
		const at = new Date(this.startsAt.getTime() - days * DAY);
		at.setHours(hour, 0, 0, 0);
		return atTime(at, work);
	}

	present(emails: string[]) {
		return this.now(async () => {
			for (const email of emails)
				await recordAttendance(this.as(this.officer), this.id, {
					membershipId: this.member(email),
					status: 'PRESENT'
				});
		});
	}

	async start() {
		await this.now(() => startMeeting(this.as(this.chair), this.id));
	}

	async moveTo(index: number) {
		await this.now(() =>
			setCurrentItem(this.as(this.chair), this.id, { agendaItemId: this.item(index) })
		);
	}

	/** A turn: asked for, called by the chair, ended by the officer with a note of what was said. */
	async turn(
		email: string,
		minutes: number,
		summary: string,
		type: ContributionType = 'CONTRIBUTION'
	) {
		const request = await this.now(() =>
			requestToSpeak(this.as(this.officer), this.id, { membershipId: this.member(email), type })
		);
		this.minute += 0.5;
		await this.now(() => startTurn(this.as(this.chair), request.id));
		this.minute += minutes;
		await this.now(() => endTurn(this.as(this.officer), request.id, { summary }));
		this.minute += 0.5;
	}

	/** The officer rewrites the draft wording in the decision log, as they would on the page. */
	redraft(index: number, wording: string) {
		const draft = decisionDrafts(this.meeting.documents.decisions).get(this.item(index))!;
		draft.doc!.transact(() => {
			draft.delete(0, draft.length);
			draft.insert(0, wording);
		});
	}
}
