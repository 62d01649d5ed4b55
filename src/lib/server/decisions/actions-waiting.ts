// The actions waiting on a person: open ones they own, and open ones their organisation owns with no one
// named, when the action rule lets them move those on. Overdue first, as they are due soonest.
import { now } from '../platform/index.ts';
import { db } from '../platform/index.ts';
import { mayUpdateAction, type PartnershipContext } from '../access/index.ts';
import { ORDER } from './actions.ts';
import { dayInUk } from '../../dates.ts';
import type { ActionDue, Shortened } from '../../views/home.ts';

/** A home page names the first few; the actions page lists them all. */
const ACTIONS_SHOWN = 8;

export async function actionsWaitingOn(ctx: PartnershipContext): Promise<Shortened<ActionDue>> {
	const rows = await db().action.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			status: { in: ['OPEN', 'IN_PROGRESS'] },
			OR: [
				{ ownerMembershipId: ctx.membership.id },
				{ ownerMembershipId: null, ownerOrganisationId: ctx.membership.organisationId }
			]
		},
		select: {
			id: true,
			decisionId: true,
			text: true,
			status: true,
			dueOn: true,
			ownerMembershipId: true,
			ownerOrganisationId: true,
			meetingId: true
		},
		orderBy: [...ORDER]
	});
	// An organisation's action is its members' to carry, not its reviewers' or observers'.
	const waiting = rows.filter(
		(row) =>
			row.ownerMembershipId === ctx.membership.id || mayUpdateAction(ctx.membership, false, row)
	);
	const shown = waiting.slice(0, ACTIONS_SHOWN);
	const [meetings, organisation] = await Promise.all([
		db().meeting.findMany({
			where: { id: { in: [...new Set(shown.map((row) => row.meetingId))] } },
			select: { id: true, title: true }
		}),
		shown.some((row) => row.ownerMembershipId === null)
			? db().organisation.findUnique({
					where: { id: ctx.membership.organisationId },
					select: { name: true }
				})
			: null
	]);
	const meetingTitle = new Map(meetings.map((m) => [m.id, m.title]));
	const today = dayInUk(now());
	return {
		items: shown.map((row) => {
			const dueOn = row.dueOn?.toISOString().slice(0, 10) ?? null;
			return {
				id: row.id,
				decisionId: row.decisionId,
				text: row.text,
				status: row.status,
				dueOn,
				overdue: dueOn !== null && dueOn < today,
				ownerOrganisation: row.ownerMembershipId ? null : (organisation?.name ?? ''),
				meetingTitle: meetingTitle.get(row.meetingId) ?? ''
			};
		}),
		more: waiting.length - shown.length
	};
}
