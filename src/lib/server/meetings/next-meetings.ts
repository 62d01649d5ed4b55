// The meetings a person is next due at, and the papers to read before the first of them: the first
// things the partnership home shows. Reads only.
import { db } from '../platform/index.ts';
import {
	PAPER_ACCESS,
	isOfficer,
	maySeePaper,
	paperFor,
	seatsOf,
	type PartnershipContext
} from '../access/index.ts';
import type { NextMeeting, PapersToRead } from '../../views/home.ts';
import type { MeetingStatus } from '../../vocabulary.ts';

const NOT_CLOSED: MeetingStatus[] = ['DRAFT', 'AGENDA_ISSUED', 'IN_PROGRESS'];

/** A home page lists what comes next, not the year's calendar: the body's page has the rest. */
const NEXT_MEETINGS_SHOWN = 5;

/**
 * Meetings not yet closed, soonest first, of the bodies the person has a seat on (those they hold jointly
 * too); officers, who serve every body, get all the partnership's.
 */
export async function nextMeetingsFor(ctx: PartnershipContext): Promise<NextMeeting[]> {
	const bodyIds = isOfficer(ctx) ? null : [...new Set((await seatsOf(ctx)).map((s) => s.bodyId))];
	if (bodyIds && !bodyIds.length) return [];
	const rows = await db().meeting.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			status: { in: NOT_CLOSED },
			// A body's meetings include those it holds jointly with another (the other body called them).
			...(bodyIds
				? {
						OR: [
							{ bodyId: { in: bodyIds } },
							{ jointBodies: { some: { bodyId: { in: bodyIds } } } }
						]
					}
				: {})
		},
		select: {
			id: true,
			title: true,
			startsAt: true,
			status: true,
			body: { select: { id: true, name: true } }
		},
		orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
		take: NEXT_MEETINGS_SHOWN
	});
	return rows.map((m) => ({ ...m, startsAt: m.startsAt.toISOString() }));
}

/**
 * The papers of a meeting that the person may read, in the order they were added, each with the agenda
 * item it is for. A restricted paper they may not see is only counted: its title is not theirs to read.
 */
export async function papersToRead(
	ctx: PartnershipContext,
	meeting: NextMeeting | null
): Promise<PapersToRead> {
	if (!meeting) return { meeting, papers: [], withheld: 0 };
	const rows = await db().evidenceItem.findMany({
		where: { meetingId: meeting.id, withdrawn: false },
		select: { id: true, title: true, fileName: true, agendaItemId: true, ...PAPER_ACCESS },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	const visible = rows.filter((row) => maySeePaper(ctx, row));
	const itemIds = visible.flatMap((row) => row.agendaItemId ?? []);
	const items = itemIds.length
		? await db().agendaItem.findMany({
				where: { id: { in: itemIds }, meetingId: meeting.id, withdrawn: false },
				select: { id: true, title: true }
			})
		: [];
	const itemTitle = new Map(items.map((item) => [item.id, item.title]));
	return {
		meeting,
		papers: visible.map((row) => {
			const seen = paperFor(ctx, row);
			return {
				id: row.id,
				title: seen.title,
				itemTitle: (row.agendaItemId && itemTitle.get(row.agendaItemId)) || null,
				hasFile: seen.fileName !== null
			};
		}),
		withheld: rows.length - visible.length
	};
}
