// Ratifications: a decision whose commitments were given without delegated authority stands subject to
// ratification by those partners' own governance. Each ratification is recorded when it happens (who,
// when, their reference), as a note beside the decision: its hashed versions are left exactly as they were.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { demand, mayActForPartner, meetingContext } from '../access/index.ts';
import {
	Invalid,
	NotFound,
	audit,
	db,
	isoDate,
	now,
	optionalText,
	parse,
	reference,
	requiredText,
	transaction
} from '../platform/index.ts';
import { organisationsOf, userNames } from '../meetings/index.ts';
import { dayInUk } from '../../dates.ts';

export const RecordRatificationInput = z.object({
	organisationId: reference('Choose the partner whose ratification this is'),
	ratifiedOn: isoDate('Enter the date it was ratified as a real date, for example 2026-03-31'),
	ratifiedBy: requiredText('who ratified it, for example the college board', 200),
	reference: optionalText('the minute or paper reference', 200)
});

export const RatificationView = z.object({
	organisationId: z.string(),
	organisationName: z.string(),
	/** Null while it is still owed. */
	ratified: z
		.object({
			on: z.iso.date(),
			by: z.string(),
			reference: z.string(),
			recordedByName: z.string()
		})
		.nullable()
});
export type RatificationView = z.infer<typeof RatificationView>;

/**
 * The partners a decision's latest version is subject to ratification by (its commitments given without
 * delegated authority), each with its ratification if recorded.
 */
export async function ratificationsOf(
	partnershipId: string,
	decisionIds: string[]
): Promise<Map<string, RatificationView[]>> {
	const versions = await db().decisionVersion.findMany({
		where: { decisionId: { in: decisionIds } },
		select: {
			decisionId: true,
			version: true,
			commitments: { where: { withAuthority: false }, select: { organisationId: true } }
		}
	});
	const newest = new Map<string, (typeof versions)[number]>();
	for (const v of versions)
		if ((newest.get(v.decisionId)?.version ?? 0) < v.version) newest.set(v.decisionId, v);
	const recorded = await db().ratification.findMany({ where: { decisionId: { in: decisionIds } } });
	const [partners, names] = await Promise.all([
		organisationsOf(db(), partnershipId, [
			...[...newest.values()].flatMap((v) => v.commitments.map((c) => c.organisationId)),
			...recorded.map((r) => r.organisationId)
		]),
		userNames(
			db(),
			recorded.map((r) => r.recordedById)
		)
	]);
	const out = new Map<string, RatificationView[]>();
	for (const decisionId of decisionIds) {
		const owed = new Set(newest.get(decisionId)?.commitments.map((c) => c.organisationId) ?? []);
		const done = recorded.filter((r) => r.decisionId === decisionId);
		for (const r of done) owed.add(r.organisationId);
		out.set(
			decisionId,
			[...owed]
				.map((organisationId) => {
					const r = done.find((x) => x.organisationId === organisationId);
					return {
						organisationId,
						organisationName: partners.get(organisationId)?.name ?? '',
						ratified: r
							? {
									on: r.ratifiedOn.toISOString().slice(0, 10),
									by: r.ratifiedBy,
									reference: r.reference,
									recordedByName: names.get(r.recordedById) ?? ''
								}
							: null
					};
				})
				.sort((a, b) => a.organisationName.localeCompare(b.organisationName))
		);
	}
	return out;
}

/**
 * Records that a partner's governance ratified a decision subject to it. Officers record any partner's;
 * a member, their own organisation's. Once only per partner and decision.
 */
export async function recordRatification(
	actor: Actor,
	decisionId: string,
	input: unknown
): Promise<RatificationView[]> {
	const decision = await db().decision.findUnique({ where: { id: decisionId } });
	if (!decision) throw new NotFound('decision');
	const ctx = await meetingContext(actor, decision.meetingId).catch(() => {
		throw new NotFound('decision');
	});
	const data = parse(RecordRatificationInput, input);
	demand(
		mayActForPartner(ctx.membership, data.organisationId),
		'Only officers, and members recording their own organisation’s ratification, record one.'
	);
	if (data.ratifiedOn > dayInUk(now()))
		throw new Invalid({ ratifiedOn: 'A ratification cannot be dated in the future' });
	const owed = (await ratificationsOf(ctx.partnership.id, [decisionId])).get(decisionId) ?? [];
	const entry = owed.find((r) => r.organisationId === data.organisationId);
	if (!entry)
		throw new Invalid({
			organisationId: 'This decision is not subject to ratification by that partner'
		});
	if (entry.ratified)
		throw new Invalid({ organisationId: 'That partner’s ratification is already recorded' });
	await transaction(async (tx) => {
		await tx.ratification.create({
			data: {
				decisionId,
				organisationId: data.organisationId,
				ratifiedOn: new Date(`${data.ratifiedOn}T00:00:00Z`),
				ratifiedBy: data.ratifiedBy,
				reference: data.reference ?? '',
				recordedById: actor.userId,
				recordedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'ratified',
			entity: 'Decision',
			entityId: decisionId,
			partnershipId: ctx.partnership.id,
			detail: data
		});
	});
	return (await ratificationsOf(ctx.partnership.id, [decisionId])).get(decisionId) ?? [];
}

/** Ratifications still owed on decisions taken at the body's earlier meetings: matters arising at this one. */
export async function ratificationsOwed(
	actor: Actor,
	meetingId: string
): Promise<
	{
		decisionId: string;
		itemTitle: string;
		meetingTitle: string;
		meetingStartsAt: string;
		organisationName: string;
	}[]
> {
	const ctx = await meetingContext(actor, meetingId);
	const meeting = await db().meeting.findUniqueOrThrow({ where: { id: meetingId } });
	const decisions = await db().decision.findMany({
		where: {
			bodyId: meeting.bodyId,
			meeting: { startsAt: { lt: meeting.startsAt } },
			versions: { some: { commitments: { some: { withAuthority: false } } } }
		},
		include: { meeting: { select: { title: true, startsAt: true } } },
		orderBy: { createdAt: 'asc' }
	});
	const items = new Map(
		(
			await db().agendaItem.findMany({
				where: { id: { in: decisions.map((d) => d.agendaItemId) } },
				select: { id: true, title: true }
			})
		).map((i) => [i.id, i.title])
	);
	const ratifications = await ratificationsOf(
		ctx.partnership.id,
		decisions.map((d) => d.id)
	);
	return decisions.flatMap((d) =>
		(ratifications.get(d.id) ?? [])
			.filter((r) => !r.ratified)
			.map((r) => ({
				decisionId: d.id,
				itemTitle: items.get(d.agendaItemId) ?? '',
				meetingTitle: d.meeting.title,
				meetingStartsAt: d.meeting.startsAt.toISOString(),
				organisationName: r.organisationName
			}))
	);
}
