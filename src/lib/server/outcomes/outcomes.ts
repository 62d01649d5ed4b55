// The partnership's plan outcomes (Local Outcomes Improvement Plan, locality plans) as records of their own,
// to tag priorities and actions with, so the trace can show which outcomes the community's asks serve.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { db, transaction } from '../platform/index.ts';
import { Invalid, NotFound } from '../platform/index.ts';
import { demand, partnershipContext } from '../access/index.ts';
import { isOfficer } from '../access/index.ts';
import { OutcomeView } from '../priorities/index.ts';
import { choice, optionalId, parse, reference, requiredText } from '../platform/index.ts';
import { OUTCOME_KINDS } from '../../vocabulary.ts';

export { OutcomeView } from '../priorities/index.ts';

export const CreateOutcomeInput = z.object({
	kind: choice(OUTCOME_KINDS, 'Choose the plan the outcome belongs to'),
	code: requiredText('the outcome’s code', 40),
	title: requiredText('the outcome', 400),
	bodyId: optionalId('Choose the forum whose locality plan it is')
});

export const TagActionInput = z.object({
	outcomeIds: z.array(reference('Choose outcomes of this partnership’s plans')).max(50)
});

export const ActionOutcomesView = z.object({
	actionId: z.string(),
	outcomes: z.array(OutcomeView)
});
export type ActionOutcomesView = z.infer<typeof ActionOutcomesView>;

const OFFICERS_ONLY = 'Only the secretariat and admins manage plan outcomes.';

const view = (o: {
	id: string;
	kind: 'LOIP' | 'LOCALITY_PLAN';
	code: string;
	title: string;
	bodyId: string | null;
}): OutcomeView => ({ id: o.id, kind: o.kind, code: o.code, title: o.title, bodyId: o.bodyId });

export async function createOutcome(
	actor: Actor,
	slug: string,
	input: unknown
): Promise<OutcomeView> {
	const ctx = await partnershipContext(actor, slug);
	demand(isOfficer(ctx), OFFICERS_ONLY);
	const data = parse(CreateOutcomeInput, input);
	return transaction(async (tx) => {
		if (data.bodyId) {
			const body = await tx.body.count({
				where: { id: data.bodyId, partnershipId: ctx.partnership.id }
			});
			if (!body) throw new Invalid({ bodyId: 'Choose a body of this partnership' });
		}
		const taken = await tx.outcome.count({
			where: { partnershipId: ctx.partnership.id, code: data.code }
		});
		if (taken)
			throw new Invalid({ code: `There is already an outcome with the code “${data.code}”` });
		const row = await tx.outcome.create({
			data: {
				partnershipId: ctx.partnership.id,
				kind: data.kind,
				code: data.code,
				title: data.title,
				bodyId: data.bodyId ?? null
			}
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'Outcome',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: data
		});
		return view(row);
	});
}

export async function listOutcomes(actor: Actor, slug: string): Promise<OutcomeView[]> {
	const ctx = await partnershipContext(actor, slug);
	const rows = await db().outcome.findMany({
		where: { partnershipId: ctx.partnership.id },
		orderBy: { code: 'asc' }
	});
	// The LOIP's outcomes before the locality plans', as OUTCOME_KINDS lists them.
	const rank = Object.keys(OUTCOME_KINDS);
	return rows.sort((a, b) => rank.indexOf(a.kind) - rank.indexOf(b.kind)).map(view);
}

/** Sets the outcomes an action serves (replacing the earlier set). */
export async function tagAction(
	actor: Actor,
	actionId: string,
	input: unknown
): Promise<ActionOutcomesView> {
	const action = await db().action.findUnique({
		where: { id: actionId },
		select: { partnershipId: true }
	});
	if (!action) throw new NotFound('action');
	const { slug: actionSlug } = await db().partnership.findUniqueOrThrow({
		where: { id: action.partnershipId },
		select: { slug: true }
	});
	const ctx = await partnershipContext(actor, actionSlug).catch(() => {
		throw new NotFound('action');
	});
	demand(isOfficer(ctx), OFFICERS_ONLY);
	const outcomeIds = [...new Set(parse(TagActionInput, input).outcomeIds)];
	return transaction(async (tx) => {
		const outcomes = await tx.outcome.findMany({
			where: { id: { in: outcomeIds }, partnershipId: ctx.partnership.id },
			orderBy: { code: 'asc' }
		});
		if (outcomes.length !== outcomeIds.length)
			throw new Invalid({ outcomeIds: 'Choose outcomes of this partnership’s plans' });
		const before = await tx.actionOutcome.findMany({
			where: { actionId },
			select: { outcomeId: true }
		});
		await tx.actionOutcome.deleteMany({ where: { actionId } });
		await tx.actionOutcome.createMany({
			data: outcomeIds.map((outcomeId) => ({ actionId, outcomeId }))
		});
		await audit(tx, actor.userId, {
			action: 'outcomes_tagged',
			entity: 'Action',
			entityId: actionId,
			partnershipId: ctx.partnership.id,
			detail: { before: before.map((b) => b.outcomeId), after: outcomeIds }
		});
		return { actionId, outcomes: outcomes.map(view) };
	});
}

export interface OutcomeUse extends OutcomeView {
	priorities: { id: string; title: string }[];
	actions: { id: string; text: string }[];
}

/** The partnership's outcomes with the priorities and actions tagged with each, for the outcomes page. */
export async function listOutcomeUses(actor: Actor, slug: string): Promise<OutcomeUse[]> {
	const ctx = await partnershipContext(actor, slug);
	const outcomes = await listOutcomes(actor, slug);
	const ids = outcomes.map((o) => o.id);
	const [priorityTags, actionTags] = await Promise.all([
		db().priorityOutcome.findMany({
			where: { outcomeId: { in: ids }, priority: { partnershipId: ctx.partnership.id } },
			select: { outcomeId: true, priority: { select: { id: true, title: true } } },
			orderBy: { priority: { title: 'asc' } }
		}),
		db().actionOutcome.findMany({
			where: { outcomeId: { in: ids } },
			select: { outcomeId: true, actionId: true }
		})
	]);
	const actions = await db().action.findMany({
		where: {
			id: { in: [...new Set(actionTags.map((t) => t.actionId))] },
			partnershipId: ctx.partnership.id
		},
		select: { id: true, text: true },
		orderBy: { text: 'asc' }
	});
	return outcomes.map((o) => {
		const tagged = new Set(actionTags.filter((t) => t.outcomeId === o.id).map((t) => t.actionId));
		return {
			...o,
			priorities: priorityTags.filter((t) => t.outcomeId === o.id).map((t) => t.priority),
			actions: actions.filter((a) => tagged.has(a.id))
		};
	});
}
