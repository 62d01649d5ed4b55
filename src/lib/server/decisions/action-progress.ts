// How an action is getting on: its owner's progress reports (what happened, how far along, a milestone
// reached, what stands in the way), each kept as reported, and the history of its status. The owner, the
// chair and officers report, by the same rule as moving the action on.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import {
	demand,
	mayActForPartner,
	mayUpdateAction,
	meetingContext,
	meetingRights
} from '../access/index.ts';
import {
	Invalid,
	NotFound,
	audit,
	choice,
	db,
	isoDate,
	keyOf,
	now,
	optionalText,
	parse,
	reference,
	requiredText,
	transaction,
	wholeNumber
} from '../platform/index.ts';
import { publishMeetingChange } from '../meetings/index.ts';
import { organisationsOf, userNames } from '../meetings/index.ts';
import { dayInUk } from '../../dates.ts';
import { ACTION_STATUSES } from '../../vocabulary.ts';
import { ActionView } from '../../views/decisions.ts';
import { actionViews } from './actions.ts';

export const ReportProgressInput = z.object({
	on: isoDate('Enter the date of the update as a real date, for example 2026-03-31'),
	note: requiredText('what has happened since the last update', 2000),
	percent: wholeNumber('how far along it is', 0, 100),
	milestone: optionalText('the milestone reached', 300),
	blockers: optionalText('what stands in the way', 2000),
	/** A new status with the report; left out, the status stays as it is. */
	status: choice(ACTION_STATUSES, 'Choose the action’s status').nullish()
});

export const ActionUpdateView = z.object({
	id: z.string(),
	on: z.iso.date(),
	note: z.string(),
	percent: z.number().nullable(),
	milestone: z.string(),
	blockers: z.string(),
	statusBefore: keyOf(ACTION_STATUSES),
	statusAfter: keyOf(ACTION_STATUSES),
	byName: z.string(),
	recordedAt: z.iso.datetime()
});

export const CommitResourcesInput = z
	.object({
		organisationId: reference('Choose the partner committing the resources'),
		money: wholeNumber('the money, in whole pounds,', 0, 100_000_000),
		staffDays: wholeNumber('the staff time, in days,', 0, 100_000),
		note: optionalText('the note', 1000)
	})
	.refine((r) => r.money != null || r.staffDays != null, {
		path: ['money'],
		message: 'Enter the money, the staff time or both'
	});

const ResourceView = z.object({
	organisationId: z.string(),
	organisationName: z.string(),
	money: z.number().nullable(),
	staffDays: z.number().nullable(),
	note: z.string(),
	byName: z.string(),
	recordedAt: z.iso.datetime()
});

export const ActionProgressView = ActionView.extend({
	/** Every report and change of status, newest first. */
	updates: z.array(ActionUpdateView),
	/** Each partner's latest commitment, by partner name. */
	resources: z.array(ResourceView),
	/** Commitments replaced by a partner's later one, newest first. */
	earlierResources: z.array(ResourceView)
});
export type ActionProgressView = z.infer<typeof ActionProgressView>;

async function actionContext(actor: Actor, actionId: string) {
	const action = await db().action.findUnique({ where: { id: actionId } });
	if (!action) throw new NotFound('action');
	const ctx = await meetingContext(actor, action.meetingId).catch(() => {
		throw new NotFound('action');
	});
	return { action, ctx };
}

export async function reportProgress(
	actor: Actor,
	actionId: string,
	input: unknown
): Promise<ActionProgressView> {
	const { action, ctx } = await actionContext(actor, actionId);
	const { run } = await meetingRights(ctx);
	demand(
		mayUpdateAction(ctx.membership, run, action),
		'Only the owning organisation, the chair and the secretariat report on an action.'
	);
	const data = parse(ReportProgressInput, input);
	if (data.on > dayInUk(now()))
		throw new Invalid({ on: 'An update cannot be for a date still to come' });
	const status = data.status ?? action.status;
	await transaction(async (tx) => {
		const at = now();
		await tx.actionUpdate.create({
			data: {
				actionId,
				on: new Date(`${data.on}T00:00:00Z`),
				note: data.note,
				percent: data.percent ?? null,
				milestone: data.milestone ?? '',
				blockers: data.blockers ?? '',
				statusBefore: action.status,
				statusAfter: status,
				recordedById: actor.userId,
				recordedAt: at
			}
		});
		if (status !== action.status)
			await tx.action.update({ where: { id: actionId }, data: { status, updatedAt: at } });
		await audit(tx, actor.userId, {
			action: 'progress_reported',
			entity: 'Action',
			entityId: actionId,
			partnershipId: ctx.partnership.id,
			detail: { ...data, statusBefore: action.status, statusAfter: status }
		});
	});
	publishMeetingChange(action.meetingId, 'action');
	return actionProgress(actor, actionId);
}

/** An action with its reports and changes of status, newest first. */
export async function actionProgress(
	actor: Actor,
	actionId: string,
	slug?: string
): Promise<ActionProgressView> {
	const { ctx } = await actionContext(actor, actionId);
	if (slug !== undefined && ctx.partnership.slug !== slug) throw new NotFound('action');
	const row = await db().action.findUniqueOrThrow({ where: { id: actionId } });
	const [view] = await actionViews(db(), ctx.partnership.id, [row]);
	const updates = await db().actionUpdate.findMany({
		where: { actionId },
		orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }]
	});
	const commitments = await db().actionResource.findMany({
		where: { actionId },
		orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }]
	});
	const names = await userNames(db(), [
		...updates.map((u) => u.recordedById),
		...commitments.map((c) => c.recordedById)
	]);
	const partners = await organisationsOf(
		db(),
		ctx.partnership.id,
		commitments.map((c) => c.organisationId)
	);
	const seen = new Set<string>();
	const resources: z.infer<typeof ResourceView>[] = [];
	const earlierResources: z.infer<typeof ResourceView>[] = [];
	for (const c of commitments) {
		const shown = {
			organisationId: c.organisationId,
			organisationName: partners.get(c.organisationId)?.name ?? '',
			money: c.money,
			staffDays: c.staffDays,
			note: c.note,
			byName: names.get(c.recordedById) ?? '',
			recordedAt: c.recordedAt.toISOString()
		};
		(seen.has(c.organisationId) ? earlierResources : resources).push(shown);
		seen.add(c.organisationId);
	}
	resources.sort((a, b) => a.organisationName.localeCompare(b.organisationName));
	return {
		...view,
		updates: updates.map((u) => ({
			id: u.id,
			on: u.on.toISOString().slice(0, 10),
			note: u.note,
			percent: u.percent,
			milestone: u.milestone,
			blockers: u.blockers,
			statusBefore: u.statusBefore,
			statusAfter: u.statusAfter,
			byName: names.get(u.recordedById) ?? '',
			recordedAt: u.recordedAt.toISOString()
		})),
		resources,
		earlierResources
	};
}

/**
 * Records what a partner commits to an action. Officers record any partner's; a member, their own
 * organisation's. A partner's later commitment replaces the earlier one in the totals.
 */
export async function commitResources(
	actor: Actor,
	actionId: string,
	input: unknown
): Promise<ActionProgressView> {
	const { action, ctx } = await actionContext(actor, actionId);
	const data = parse(CommitResourcesInput, input);
	demand(
		mayActForPartner(ctx.membership, data.organisationId),
		'Only officers, and members committing their own organisation’s resources, record commitments.'
	);
	await transaction(async (tx) => {
		const partner = await tx.organisation.count({
			where: { id: data.organisationId, partnershipId: ctx.partnership.id }
		});
		if (!partner) throw new Invalid({ organisationId: 'Choose a partner of this partnership' });
		await tx.actionResource.create({
			data: {
				actionId,
				organisationId: data.organisationId,
				money: data.money ?? null,
				staffDays: data.staffDays ?? null,
				note: data.note ?? '',
				recordedById: actor.userId,
				recordedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'resources_committed',
			entity: 'Action',
			entityId: actionId,
			partnershipId: ctx.partnership.id,
			detail: data
		});
	});
	publishMeetingChange(action.meetingId, 'action');
	return actionProgress(actor, actionId);
}
