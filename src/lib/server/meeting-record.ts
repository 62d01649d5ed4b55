// What the meeting's record commands share: checking the references they make (an item of this meeting,
// who is acting for whom) and naming the people and organisations they point at in their views.
import { z } from 'zod';
import type { Db, Tx } from './db.ts';
import { Conflict, Forbidden, Invalid } from './errors.ts';
import type { MeetingContext, MeetingRights } from './permissions.ts';
import { MEETING_STATUSES, SECTORS, type Sector } from '../vocabulary.ts';

type Reader = Db | Tx;

export const ITEM_MESSAGE = 'Choose an item on this meeting’s agenda';

/** Records are taken while the meeting runs; before it starts or once it closes they are refused. */
export function demandInProgress(ctx: MeetingContext, doing: string): void {
	const status = ctx.meeting.status as keyof typeof MEETING_STATUSES;
	if (status !== 'IN_PROGRESS')
		throw new Conflict(
			`${doing} can only be recorded while the meeting is in progress; it is ${MEETING_STATUSES[status].toLowerCase()}.`
		);
}

/** An item of this meeting's agenda that has not been withdrawn, or Invalid on `agendaItemId`. */
export async function agendaItemOf(reader: Reader, meetingId: string, agendaItemId: string) {
	const item = await reader.agendaItem.findFirst({
		where: { id: agendaItemId, meetingId, withdrawn: false },
		select: { id: true, title: true, order: true, presenterOrganisationId: true }
	});
	if (!item) throw new Invalid({ agendaItemId: ITEM_MESSAGE });
	return item;
}

/**
 * Whose words or deeds a record is: the actor's own membership unless another is named, which only the
 * secretariat's recorder may do ("recorded by the officer, said by the NHS member").
 */
export function actingMembership(
	ctx: MeetingContext,
	rights: MeetingRights,
	named: string | null | undefined
): string {
	if (!named || named === ctx.membership.id) return ctx.membership.id;
	if (!rights.recordForOthers)
		throw new Forbidden('You can record only your own part; the secretariat records for others.');
	return named;
}

export const PersonView = z.object({
	membershipId: z.string(),
	name: z.string(),
	organisationId: z.string(),
	organisationName: z.string(),
	sector: z.enum(Object.keys(SECTORS) as [Sector])
});
export type PersonView = z.infer<typeof PersonView>;

/** The people of a partnership by membership id, with their organisation; others are left out. */
export async function peopleOf(
	reader: Reader,
	partnershipId: string,
	membershipIds: Iterable<string>
): Promise<Map<string, PersonView>> {
	const rows = await reader.membership.findMany({
		where: { id: { in: [...new Set(membershipIds)] }, partnershipId },
		select: {
			id: true,
			user: { select: { name: true } },
			organisation: { select: { id: true, name: true, sector: true } }
		}
	});
	return new Map(
		rows.map((row) => [
			row.id,
			{
				membershipId: row.id,
				name: row.user.name,
				organisationId: row.organisation.id,
				organisationName: row.organisation.name,
				sector: row.organisation.sector as Sector
			}
		])
	);
}

export async function userNames(
	reader: Reader,
	ids: Iterable<string>
): Promise<Map<string, string>> {
	const rows = await reader.user.findMany({
		where: { id: { in: [...new Set(ids)] } },
		select: { id: true, name: true }
	});
	return new Map(rows.map((row) => [row.id, row.name]));
}

/** The organisations of a partnership by id, with their names; others are left out. */
export async function organisationsOf(
	reader: Reader,
	partnershipId: string,
	ids: Iterable<string>
): Promise<Map<string, { id: string; name: string; sector: Sector }>> {
	const rows = await reader.organisation.findMany({
		where: { id: { in: [...new Set(ids)] }, partnershipId },
		select: { id: true, name: true, sector: true }
	});
	return new Map(rows.map((row) => [row.id, { ...row, sector: row.sector as Sector }]));
}

export function fail(fields: Record<string, string>): void {
	if (Object.keys(fields).length) throw new Invalid(fields);
}
