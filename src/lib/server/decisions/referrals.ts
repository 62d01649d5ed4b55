// A board decision can refer a matter to a named body: recorded with the decision, in the same transaction,
// as its own append-only row (the version's hash covers what was decided; the referral sits beside it, as
// the delegation check does). The named body sees it in its own list, "Referred to us", linked back to the
// decision.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { bodyContext } from '../access/index.ts';
import { db, Invalid, reference, requiredText, type Tx } from '../platform/index.ts';

export const ReferToInput = z.object(
	{
		bodyId: reference('Choose the body to refer the matter to'),
		matter: requiredText('the matter referred to that body', 2000)
	},
	{ error: 'Name the body and the matter referred to it' }
);
export type ReferTo = z.output<typeof ReferToInput>;

/** Checks the named body (this partnership's, not the deciding one); adds to `fields` when it is not. */
export async function checkReferral(
	tx: Tx,
	partnershipId: string,
	fromBodyId: string,
	referTo: ReferTo | undefined,
	fields: Record<string, string>
): Promise<void> {
	if (!referTo) return;
	const body = await tx.body.findFirst({
		where: { id: referTo.bodyId, partnershipId },
		select: { id: true }
	});
	if (!body) fields['referTo.bodyId'] = 'Choose a body of this partnership';
	else if (body.id === fromBodyId)
		fields['referTo.bodyId'] = 'Choose another body: this one took the decision';
}

export async function storeReferral(
	tx: Tx,
	actorUserId: string,
	decision: { id: string; partnershipId: string; bodyId: string },
	referTo: ReferTo | undefined,
	at: Date
): Promise<string | null> {
	if (!referTo) return null;
	const row = await tx.decisionReferral.create({
		data: {
			partnershipId: decision.partnershipId,
			decisionId: decision.id,
			fromBodyId: decision.bodyId,
			toBodyId: referTo.bodyId,
			matter: referTo.matter,
			referredById: actorUserId,
			referredAt: at
		}
	});
	return row.id;
}

const Named = z.object({ id: z.string(), name: z.string() });

export const ReferralView = z.object({
	id: z.string(),
	decision: z.object({ id: z.string(), itemTitle: z.string() }),
	meeting: z.object({ id: z.string(), title: z.string(), startsAt: z.iso.datetime() }),
	fromBody: Named,
	toBody: Named,
	matter: z.string(),
	referredAt: z.iso.datetime()
});
export type ReferralView = z.infer<typeof ReferralView>;

type Where = { toBodyId: string } | { decisionId: string };

async function referralViews(partnershipId: string, where: Where): Promise<ReferralView[]> {
	const rows = await db().decisionReferral.findMany({
		where: { partnershipId, ...where },
		orderBy: [{ referredAt: 'desc' }, { id: 'desc' }],
		include: {
			decision: {
				select: {
					id: true,
					agendaItemId: true,
					meeting: { select: { id: true, title: true, startsAt: true } }
				}
			}
		}
	});
	if (!rows.length) return [];
	const [bodies, items] = await Promise.all([
		db().body.findMany({
			where: { partnershipId, id: { in: rows.flatMap((r) => [r.fromBodyId, r.toBodyId]) } },
			select: { id: true, name: true }
		}),
		db().agendaItem.findMany({
			where: { id: { in: rows.map((r) => r.decision.agendaItemId) } },
			select: { id: true, title: true }
		})
	]);
	const body = new Map(bodies.map((b) => [b.id, b.name]));
	const item = new Map(items.map((i) => [i.id, i.title]));
	return rows.map((r) => ({
		id: r.id,
		decision: { id: r.decision.id, itemTitle: item.get(r.decision.agendaItemId) ?? '' },
		meeting: {
			id: r.decision.meeting.id,
			title: r.decision.meeting.title,
			startsAt: r.decision.meeting.startsAt.toISOString()
		},
		fromBody: { id: r.fromBodyId, name: body.get(r.fromBodyId) ?? '' },
		toBody: { id: r.toBodyId, name: body.get(r.toBodyId) ?? '' },
		matter: r.matter,
		referredAt: r.referredAt.toISOString()
	}));
}

/** The matters decisions referred to a body, newest first: its "Referred to us" list. */
export async function referralsTo(actor: Actor, bodyId: string): Promise<ReferralView[]> {
	const { ctx, body } = await bodyContext(actor, bodyId);
	return referralViews(ctx.partnership.id, { toBodyId: body.id });
}

/** The matters one decision referred, for its page. */
export function referralsOf(partnershipId: string, decisionId: string) {
	return referralViews(partnershipId, { decisionId });
}
