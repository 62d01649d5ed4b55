// "An action of yours is due": once a day, from 07:00 UK time (the first pass of the sender loop after it),
// each open or in-progress action's named owner is emailed when it falls due that day, and reminded once
// when it is a week overdue. Done and dropped actions are left alone. The day's run is recorded (DailyRun)
// in the transaction that queues its mail, under a unique key: two instances, or a restart, never send the
// day's email twice, and a run that fails leaves neither the record nor the mail.
//
// What the owner reads is what the actions pages show them: an action, its text and its item's title are
// seen by everyone in the partnership (restricted papers are never quoted into an action), so the owner
// gets them while they are still a member; someone who has left the partnership gets nothing.
import { audit, db, now, transaction, type Db, type Tx } from '../../platform/index.ts';
import { dayInUk, formatDay } from '../../../dates.ts';
import { enqueueMail, siteLink, type MailToPerson } from './queue.ts';

const JOB = 'action_due';
const RUN_HOUR = 7;
/** An overdue action is reminded of once, this many days after it fell due. */
export const OVERDUE_REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;
const UK_HOUR = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	hour: '2-digit',
	hourCycle: 'h23'
});

/** The last UK day this process saw run (by itself or another), so most passes ask the database nothing. */
let lastDay: string | undefined;

/** Whether today's run is still to do: after 07:00 UK time and not yet recorded. */
export async function actionDueDue(at = now()): Promise<boolean> {
	if (Number(UK_HOUR.format(at)) < RUN_HOUR) return false;
	const day = dayInUk(at);
	if (lastDay === day) return false;
	const run = await db().dailyRun.findUnique({ where: { job_day: { job: JOB, day } } });
	if (run) lastDay = day;
	return !run;
}

/** A UK date (YYYY-MM-DD) as the stored `dueOn` of an action due that day. */
const storedDay = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Queues the day's "action due" email (once per UK day, whoever calls). Answers how many were queued: 0
 * when the day's run was already recorded.
 */
export async function sendActionDue(at = now()): Promise<number> {
	const day = dayInUk(at);
	const weekAgo = new Date(storedDay(day).getTime() - OVERDUE_REMINDER_DAYS * DAY_MS);
	const queued = await transaction(async (tx) => {
		// Waits for another instance's run of the same day, then finds its row and does nothing.
		const { count } = await tx.dailyRun.createMany({
			data: [{ job: JOB, day, ranAt: now() }],
			skipDuplicates: true
		});
		if (!count) return 0;
		const actions = await tx.action.findMany({
			where: {
				status: { in: ['OPEN', 'IN_PROGRESS'] },
				ownerMembershipId: { not: null },
				dueOn: { in: [storedDay(day), weekAgo] }
			},
			orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }]
		});
		let sent = 0;
		for (const [partnershipId, rows] of byPartnership(actions))
			sent += await mailPartnership(tx, partnershipId, rows, day);
		// The run is recorded either way (DailyRun); only one that found actions is worth an audit entry.
		if (actions.length)
			await audit(tx, null, {
				action: 'action_due_mail_queued',
				entity: 'DailyRun',
				entityId: `${JOB}:${day}`,
				detail: { day, actions: actions.length, queued: sent }
			});
		return sent;
	});
	lastDay = day;
	return queued;
}

type ActionRow = NonNullable<Awaited<ReturnType<Db['action']['findFirst']>>>;

function byPartnership(rows: ActionRow[]): Map<string, ActionRow[]> {
	const groups = new Map<string, ActionRow[]>();
	for (const row of rows)
		groups.set(row.partnershipId, [...(groups.get(row.partnershipId) ?? []), row]);
	return groups;
}

async function mailPartnership(
	tx: Tx,
	partnershipId: string,
	actions: ActionRow[],
	day: string
): Promise<number> {
	const [partnership, owners, decisions] = await Promise.all([
		tx.partnership.findUnique({ where: { id: partnershipId }, select: { slug: true } }),
		// Only owners still in the action's partnership: they are who its pages show it to.
		tx.membership.findMany({
			where: { id: { in: actions.flatMap((a) => a.ownerMembershipId ?? []) }, partnershipId },
			select: { id: true, userId: true }
		}),
		tx.decision.findMany({
			where: { id: { in: actions.map((a) => a.decisionId) } },
			select: { id: true, agendaItemId: true }
		})
	]);
	if (!partnership) return 0;
	const items = await tx.agendaItem.findMany({
		where: { id: { in: decisions.map((d) => d.agendaItemId) } },
		select: { id: true, title: true }
	});
	const userOf = new Map(owners.map((o) => [o.id, o.userId]));
	const itemOf = new Map(decisions.map((d) => [d.id, d.agendaItemId]));
	const titleOf = new Map(items.map((i) => [i.id, i.title]));
	const messages: MailToPerson[] = actions.flatMap((action) => {
		const userId = action.ownerMembershipId ? userOf.get(action.ownerMembershipId) : undefined;
		if (!userId || !action.dueOn) return [];
		const dueToday = action.dueOn.toISOString().slice(0, 10) === day;
		const title = titleOf.get(itemOf.get(action.decisionId) ?? '') ?? '';
		const link = siteLink(`/p/${partnership.slug}/actions/${action.id}`);
		const when = dueToday
			? `is due today, ${formatDay(action.dueOn)}`
			: `was due on ${formatDay(action.dueOn)}, a week ago, and is not yet done`;
		return [
			{
				userId,
				subject: dueToday
					? `An action of yours is due today: ${headline(action.text)}`
					: `An action of yours is a week overdue: ${headline(action.text)}`,
				text:
					`An action of yours ${when}:\n\n${action.text}\n\n` +
					(title ? `It arose from “${title}”.\n\n` : '') +
					`Record progress, or mark it done: ${link}\n`
			}
		];
	});
	return enqueueMail(tx, 'action_due', partnershipId, messages);
}

/** The action's first line, short enough for a subject. */
function headline(text: string): string {
	const line = text.trim().split('\n')[0];
	return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
