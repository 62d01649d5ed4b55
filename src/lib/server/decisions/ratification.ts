// Ratifications: a decision whose commitments were given without delegated authority stands subject to
// ratification by those partners' own governance, and one taken outside its body's scheme of delegation to
// ratification by the parent body. Each is recorded when it happens (who, when, their reference), as a note
// beside the decision: its hashed versions are left exactly as they were.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import {
	demand,
	mayActForPartner,
	mayWriteDelegationScheme,
	meetingContext
} from '../access/index.ts';
import {
	Invalid,
	NotFound,
	audit,
	db,
	isoDate,
	now,
	optionalId,
	optionalText,
	parse,
	requiredText,
	transaction,
	type Db
} from '../platform/index.ts';
import { delegationChecksOf } from './delegation-check.ts';
import { organisationsOf, userNames } from '../meetings/index.ts';
import { dayInUk } from '../../dates.ts';

export const RecordRatificationInput = z
	.object({
		organisationId: optionalId('Choose the partner whose ratification this is'),
		bodyId: optionalId('Choose the parent body whose ratification this is'),
		ratifiedOn: isoDate('Enter the date it was ratified as a real date, for example 2026-03-31'),
		ratifiedBy: requiredText('who ratified it, for example the college board', 200),
		reference: optionalText('the minute or paper reference', 200)
	})
	.refine((r) => Boolean(r.organisationId) !== Boolean(r.bodyId), {
		path: ['organisationId'],
		message: 'Choose the partner, or the parent body, whose ratification this is (one of them)'
	});

export const RatificationView = z.object({
	/** A partner's own governance (commitments without delegated authority), or the parent body
	 * (the decision was outside its body's scheme of delegation). */
	owedBy: z.enum(['PARTNER', 'PARENT_BODY']),
	organisationId: z.string().nullable(),
	bodyId: z.string().nullable(),
	/** The partner's or the parent body's name. */
	name: z.string(),
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

type Recorded = Awaited<ReturnType<Db['ratification']['findMany']>>[number];

/**
 * What each decision is subject to ratification by, each with its ratification if recorded: the partners
 * whose commitments in its latest version were given without delegated authority, and the parent body when
 * its latest version was recorded outside its body's scheme of delegation. One recorded stays listed.
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
	const [recorded, checks] = await Promise.all([
		db().ratification.findMany({ where: { decisionId: { in: decisionIds } } }),
		delegationChecksOf(decisionIds)
	]);
	const bodyIds = [
		...[...checks.values()].flatMap((c) => (c.outsideScheme && c.parentBody?.id) || []),
		...recorded.flatMap((r) => r.bodyId ?? [])
	];
	const [partners, bodies, names] = await Promise.all([
		organisationsOf(db(), partnershipId, [
			...[...newest.values()].flatMap((v) => v.commitments.map((c) => c.organisationId)),
			...recorded.flatMap((r) => r.organisationId ?? [])
		]),
		db().body.findMany({
			where: { id: { in: bodyIds }, partnershipId },
			select: { id: true, name: true }
		}),
		userNames(
			db(),
			recorded.map((r) => r.recordedById)
		)
	]);
	const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
	const ratifiedOf = (r: Recorded | undefined) =>
		r
			? {
					on: r.ratifiedOn.toISOString().slice(0, 10),
					by: r.ratifiedBy,
					reference: r.reference,
					recordedByName: names.get(r.recordedById) ?? ''
				}
			: null;
	const out = new Map<string, RatificationView[]>();
	for (const decisionId of decisionIds) {
		const done = recorded.filter((r) => r.decisionId === decisionId);
		const owedPartners = new Set(
			newest.get(decisionId)?.commitments.map((c) => c.organisationId) ?? []
		);
		for (const r of done) if (r.organisationId) owedPartners.add(r.organisationId);
		const check = checks.get(decisionId);
		const owedBodies = new Set(
			check?.outsideScheme && check.parentBody ? [check.parentBody.id] : []
		);
		for (const r of done) if (r.bodyId) owedBodies.add(r.bodyId);
		const byPartners: RatificationView[] = [...owedPartners]
			.map((organisationId) => ({
				owedBy: 'PARTNER' as const,
				organisationId,
				bodyId: null,
				name: partners.get(organisationId)?.name ?? '',
				ratified: ratifiedOf(done.find((x) => x.organisationId === organisationId))
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
		const byBodies: RatificationView[] = [...owedBodies].map((bodyId) => ({
			owedBy: 'PARENT_BODY' as const,
			organisationId: null,
			bodyId,
			name: bodyName.get(bodyId) ?? '',
			ratified: ratifiedOf(done.find((x) => x.bodyId === bodyId))
		}));
		out.set(decisionId, [...byBodies, ...byPartners]);
	}
	return out;
}

/**
 * Records that a partner's governance, or the parent body, ratified a decision subject to it. Officers
 * record any partner's and the parent body's; a member, their own organisation's. Once only for each.
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
	const byBody = Boolean(data.bodyId);
	demand(
		byBody
			? mayWriteDelegationScheme(ctx)
			: mayActForPartner(ctx.membership, data.organisationId ?? ''),
		byBody
			? 'Only officers record a parent body’s ratification.'
			: 'Only officers, and members recording their own organisation’s ratification, record one.'
	);
	if (data.ratifiedOn > dayInUk(now()))
		throw new Invalid({ ratifiedOn: 'A ratification cannot be dated in the future' });
	const owed = (await ratificationsOf(ctx.partnership.id, [decisionId])).get(decisionId) ?? [];
	const entry = owed.find((r) =>
		byBody ? r.bodyId === data.bodyId : r.organisationId === data.organisationId
	);
	const field = byBody ? 'bodyId' : 'organisationId';
	if (!entry)
		throw new Invalid({
			[field]: byBody
				? 'This decision is not subject to ratification by that body'
				: 'This decision is not subject to ratification by that partner'
		});
	if (entry.ratified)
		throw new Invalid({
			[field]: byBody
				? 'That body’s ratification is already recorded'
				: 'That partner’s ratification is already recorded'
		});
	await transaction(async (tx) => {
		await tx.ratification.create({
			data: {
				decisionId,
				organisationId: data.organisationId ?? null,
				bodyId: data.bodyId ?? null,
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

/**
 * Ratifications still owed, as matters arising at this meeting: partners' on decisions taken at the body's
 * earlier meetings, and this body's own on decisions its child bodies took outside their schemes.
 */
export async function ratificationsOwed(
	actor: Actor,
	meetingId: string
): Promise<
	{
		decisionId: string;
		itemTitle: string;
		meetingTitle: string;
		meetingStartsAt: string;
		/** The body that took the decision. */
		bodyName: string;
		owedBy: RatificationView['owedBy'];
		/** Who owes it: the partner, or this body. */
		name: string;
	}[]
> {
	const ctx = await meetingContext(actor, meetingId);
	const meeting = await db().meeting.findUniqueOrThrow({ where: { id: meetingId } });
	const decisions = await db().decision.findMany({
		where: {
			meeting: { startsAt: { lt: meeting.startsAt } },
			OR: [
				{
					bodyId: meeting.bodyId,
					versions: { some: { commitments: { some: { withAuthority: false } } } }
				},
				{
					meeting: { body: { parentId: meeting.bodyId } },
					delegation: { some: { outsideScheme: true } }
				}
			]
		},
		include: {
			meeting: { select: { title: true, startsAt: true, body: { select: { name: true } } } }
		},
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
	const owedHere = (d: (typeof decisions)[number], r: RatificationView) =>
		!r.ratified &&
		(d.bodyId === meeting.bodyId ? r.owedBy === 'PARTNER' : r.bodyId === meeting.bodyId);
	return decisions.flatMap((d) =>
		(ratifications.get(d.id) ?? [])
			.filter((r) => owedHere(d, r))
			.map((r) => ({
				decisionId: d.id,
				itemTitle: items.get(d.agendaItemId) ?? '',
				meetingTitle: d.meeting.title,
				meetingStartsAt: d.meeting.startsAt.toISOString(),
				bodyName: d.meeting.body.name,
				owedBy: r.owedBy,
				name: r.name
			}))
	);
}
