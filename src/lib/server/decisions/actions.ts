// Actions arising from decisions: who owns them (an organisation, optionally a person), when they are due
// and how far they have got. Open actions come back as matters arising at the body's next meeting.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { mailActionAssigned } from '../notify/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { publishMeetingChange } from '../meetings/index.ts';
import { fail, organisationsOf, peopleOf, userNames } from '../meetings/index.ts';
import {
	demand,
	isChairSeat,
	mayUpdateAction,
	meetingContext,
	meetingRights,
	partnershipContext,
	seatsOf,
	type PartnershipContext
} from '../access/index.ts';
import { choice, isoDate, optionalId, parse, reference, requiredText } from '../platform/index.ts';
import { ACTION_STATUSES } from '../../vocabulary.ts';
import { dayInUk } from '../../dates.ts';
import { ActionView } from '../../views/decisions.ts';
export { ActionView } from '../../views/decisions.ts';

type Reader = Db | Tx;

const DUE_MESSAGE = 'Enter the due date as a date, for example 2026-07-01';

export const AddActionInput = z.object({
	text: requiredText('the action', 2000),
	ownerOrganisationId: reference('Choose the organisation that owns the action'),
	ownerMembershipId: optionalId('Choose the person who owns the action'),
	dueOn: isoDate(DUE_MESSAGE).nullish()
});

export const UpdateActionInput = z.object({
	status: choice(ACTION_STATUSES, 'Choose the action’s status')
});

export const ActionFilter = z.object({
	status: choice(ACTION_STATUSES, 'Choose a status').optional(),
	bodyId: reference('Choose a body').optional()
});

type ActionRow = NonNullable<Awaited<ReturnType<Db['action']['findFirst']>>>;

export async function actionViews(
	reader: Reader,
	partnershipId: string,
	rows: ActionRow[]
): Promise<ActionView[]> {
	const [organisations, people, users, meetings, decisions] = await Promise.all([
		organisationsOf(
			reader,
			partnershipId,
			rows.map((r) => r.ownerOrganisationId)
		),
		peopleOf(
			reader,
			partnershipId,
			rows.flatMap((r) => r.ownerMembershipId ?? [])
		),
		userNames(
			reader,
			rows.map((r) => r.createdById)
		),
		reader.meeting.findMany({
			where: { id: { in: rows.map((r) => r.meetingId) } },
			select: { id: true, title: true, startsAt: true }
		}),
		reader.decision.findMany({
			where: { id: { in: rows.map((r) => r.decisionId) } },
			select: { id: true, agendaItemId: true }
		})
	]);
	const items = await reader.agendaItem.findMany({
		where: { id: { in: decisions.map((d) => d.agendaItemId) } },
		select: { id: true, title: true }
	});
	// Each action's latest progress report (a bare change of status is not one).
	const reports = await reader.actionUpdate.findMany({
		where: { actionId: { in: rows.map((r) => r.id) }, note: { not: '' } },
		orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }]
	});
	const latest = new Map<string, (typeof reports)[number]>();
	for (const report of reports)
		if (!latest.has(report.actionId)) latest.set(report.actionId, report);
	const reporters = await userNames(
		reader,
		[...latest.values()].map((r) => r.recordedById)
	);
	const meetingOf = new Map(meetings.map((m) => [m.id, m]));
	const itemOf = new Map(decisions.map((d) => [d.id, d.agendaItemId]));
	const titleOf = new Map(items.map((i) => [i.id, i.title]));
	return rows.map((row) => {
		const meeting = meetingOf.get(row.meetingId)!;
		const agendaItemId = itemOf.get(row.decisionId) ?? '';
		const report = latest.get(row.id);
		return {
			id: row.id,
			decisionId: row.decisionId,
			meetingId: row.meetingId,
			meetingTitle: meeting.title,
			meetingStartsAt: meeting.startsAt.toISOString(),
			bodyId: row.bodyId,
			agendaItemId,
			itemTitle: titleOf.get(agendaItemId) ?? '',
			text: row.text,
			ownerOrganisationId: row.ownerOrganisationId,
			ownerOrganisationName: organisations.get(row.ownerOrganisationId)?.name ?? '',
			ownerMembershipId: row.ownerMembershipId,
			ownerName: row.ownerMembershipId ? (people.get(row.ownerMembershipId)?.name ?? null) : null,
			dueOn: row.dueOn?.toISOString().slice(0, 10) ?? null,
			status: row.status,
			createdById: row.createdById,
			createdByName: users.get(row.createdById) ?? '',
			createdAt: row.createdAt.toISOString(),
			updatedAt: row.updatedAt.toISOString(),
			lastUpdate: report
				? {
						on: report.on.toISOString().slice(0, 10),
						note: report.note,
						percent: report.percent,
						milestone: report.milestone,
						blockers: report.blockers,
						byName: reporters.get(report.recordedById) ?? ''
					}
				: null,
			blocked: Boolean(report?.blockers) && (row.status === 'OPEN' || row.status === 'IN_PROGRESS')
		};
	});
}

/** Due soonest first (undated last), then in the order they were agreed. */
export const ORDER = [
	{ dueOn: { sort: 'asc', nulls: 'last' } },
	{ createdAt: 'asc' },
	{ id: 'asc' }
] as const;

export async function addAction(
	actor: Actor,
	decisionId: string,
	input: unknown
): Promise<ActionView> {
	const decision = await db().decision.findUnique({ where: { id: decisionId } });
	if (!decision) throw new NotFound('decision');
	const ctx = await meetingContext(actor, decision.meetingId).catch(() => {
		throw new NotFound('decision');
	});
	demand(
		(await meetingRights(ctx)).run,
		'Only the chair, the vice-chair and the secretariat record actions.'
	);
	const data = parse(AddActionInput, input);
	const view = await transaction(async (tx) => {
		const fields: Record<string, string> = {};
		if (!(await organisationsOf(tx, ctx.partnership.id, [data.ownerOrganisationId])).size)
			fields.ownerOrganisationId = 'Choose one of this partnership’s organisations';
		if (data.ownerMembershipId) {
			const owner = (await peopleOf(tx, ctx.partnership.id, [data.ownerMembershipId])).get(
				data.ownerMembershipId
			);
			if (owner?.organisationId !== data.ownerOrganisationId)
				fields.ownerMembershipId = 'Choose someone from the organisation that owns the action';
		}
		fail(fields);
		const at = now();
		const row = await tx.action.create({
			data: {
				partnershipId: ctx.partnership.id,
				bodyId: decision.bodyId,
				meetingId: decision.meetingId,
				decisionId,
				text: data.text,
				ownerOrganisationId: data.ownerOrganisationId,
				ownerMembershipId: data.ownerMembershipId ?? null,
				dueOn: data.dueOn ? new Date(`${data.dueOn}T00:00:00Z`) : null,
				createdById: actor.userId,
				createdAt: at,
				updatedAt: at
			}
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'Action',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { decisionId, ...data }
		});
		await mailActionAssigned(tx, row, ctx.partnership.slug);
		return (await actionViews(tx, ctx.partnership.id, [row]))[0];
	});
	publishMeetingChange(decision.meetingId, 'action');
	return view;
}

/** The chair and officers move any action on; the owning organisation's members move their own. */
export async function updateAction(
	actor: Actor,
	actionId: string,
	input: unknown
): Promise<ActionView> {
	const action = await db().action.findUnique({ where: { id: actionId } });
	if (!action) throw new NotFound('action');
	const ctx = await meetingContext(actor, action.meetingId).catch(() => {
		throw new NotFound('action');
	});
	const { run } = await meetingRights(ctx);
	demand(
		mayUpdateAction(ctx.membership, run, action),
		'Only the chair, the secretariat and the owning organisation update an action.'
	);
	const data = parse(UpdateActionInput, input);
	const view = await transaction(async (tx) => {
		const row = await tx.action.update({
			where: { id: actionId },
			data: { status: data.status, updatedAt: now() }
		});
		// The action's history keeps every change of status, with or without a report.
		await tx.actionUpdate.create({
			data: {
				actionId,
				on: new Date(`${dayInUk(now())}T00:00:00Z`),
				note: '',
				milestone: '',
				blockers: '',
				statusBefore: action.status,
				statusAfter: row.status,
				recordedById: actor.userId,
				recordedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'updated',
			entity: 'Action',
			entityId: actionId,
			partnershipId: ctx.partnership.id,
			detail: { before: { status: action.status }, after: { status: row.status } }
		});
		return (await actionViews(tx, ctx.partnership.id, [row]))[0];
	});
	publishMeetingChange(action.meetingId, 'action');
	return view;
}

export async function listActions(
	actor: Actor,
	slug: string,
	filter: unknown = {}
): Promise<ActionView[]> {
	const ctx: PartnershipContext = await partnershipContext(actor, slug);
	const { status, bodyId } = parse(ActionFilter, filter);
	const rows = await db().action.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			...(status ? { status } : {}),
			...(bodyId ? { bodyId } : {})
		},
		orderBy: [...ORDER]
	});
	return actionViews(db(), ctx.partnership.id, rows);
}

/** Actions still open or in progress from the body's earlier meetings: matters arising at this one. */
export async function mattersArising(actor: Actor, meetingId: string): Promise<ActionView[]> {
	const ctx = await meetingContext(actor, meetingId);
	const meeting = await db().meeting.findUniqueOrThrow({ where: { id: meetingId } });
	const earlier = await db().meeting.findMany({
		where: { bodyId: meeting.bodyId, startsAt: { lt: meeting.startsAt } },
		select: { id: true }
	});
	const rows = await db().action.findMany({
		where: {
			meetingId: { in: earlier.map((m) => m.id) },
			status: { in: ['OPEN', 'IN_PROGRESS'] }
		},
		orderBy: [...ORDER]
	});
	return actionViews(db(), ctx.partnership.id, rows);
}

/** A decision's actions, for its page. */
export async function actionsOfDecision(
	reader: Reader,
	partnershipId: string,
	decisionId: string
): Promise<ActionView[]> {
	const rows = await reader.action.findMany({ where: { decisionId }, orderBy: [...ORDER] });
	return actionViews(reader, partnershipId, rows);
}

/**
 * Which of these actions the actor may move on, by the rule `updateAction` applies: officers any, the
 * chair or vice-chair of the action's body its body's, a member those their organisation owns.
 */
export async function updatableActions(
	actor: Actor,
	slug: string,
	actions: Pick<ActionView, 'id' | 'bodyId' | 'ownerOrganisationId'>[]
): Promise<string[]> {
	const ctx = await partnershipContext(actor, slug);
	const chaired = new Set(
		(await seatsOf(ctx)).filter((s) => isChairSeat(s.role)).map((s) => s.bodyId)
	);
	return actions
		.filter((a) => mayUpdateAction(ctx.membership, chaired.has(a.bodyId), a))
		.map((a) => a.id);
}
