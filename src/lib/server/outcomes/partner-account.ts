// One partner's account: what an organisation holds and has done in the partnership, in one place. Its
// seats and who holds them (with their delegated authority); its attendance over the last twelve months,
// meeting by meeting; the commitments its people gave at decisions, and those that still need its own
// governance to ratify; the actions it owns; the challenges it made and received. Read from the record,
// for every member of the partnership.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { demand, mayActForPartner, partnershipContext } from '../access/index.ts';
import {
	NotFound,
	audit,
	db,
	keyOf,
	now,
	parse,
	requiredText,
	transaction,
	wholeNumber
} from '../platform/index.ts';
import { ratificationsOf } from '../decisions/index.ts';
import { dayInUk } from '../../dates.ts';
import {
	ACTION_STATUSES,
	CAPACITIES,
	CAPACITY_MEANING,
	COMMITMENT_STATES,
	SEAT_ROLES,
	SECTORS,
	STANDINGS
} from '../../vocabulary.ts';
import { commitmentKept } from './commitment-kept.ts';
import { StandingSplitView, standingSplit } from './partner-standing.ts';

/** How far back attendance is counted. */
const YEAR_DAYS = 365;
const DAY = 86_400_000;

export const PartnerAccountView = z.object({
	id: z.string(),
	name: z.string(),
	sector: keyOf(SECTORS),
	statutory: z.boolean(),
	seats: z.array(
		z.object({
			bodyId: z.string(),
			bodyName: z.string(),
			role: keyOf(SEAT_ROLES),
			person: z.string(),
			title: z.string(),
			capacity: keyOf(CAPACITIES).describe(CAPACITY_MEANING),
			standing: keyOf(STANDINGS),
			delegatedAuthority: z.boolean(),
			authorityNote: z.string()
		})
	),
	attendance: z.object({
		/** Meetings in the last twelve months of bodies where the partner held a seat. */
		meetings: z.array(
			z.object({
				id: z.string(),
				title: z.string(),
				bodyName: z.string(),
				startsAt: z.iso.datetime(),
				/** Its people recorded present (or substituting). */
				present: z.array(z.string()),
				/** Its people who sent apologies. */
				apologies: z.array(z.string())
			})
		),
		/** Meetings with at least one of its people present, of those counted. */
		attended: z.number(),
		/** attended ÷ meetings; null with no meetings. */
		rate: z.number().nullable(),
		/** Seats and attendance by standing: elected members apart from officers. */
		byStanding: StandingSplitView
	}),
	commitments: z.array(
		z.object({
			decisionId: z.string(),
			itemTitle: z.string(),
			meetingTitle: z.string(),
			decidedAt: z.iso.datetime(),
			text: z.string(),
			person: z.string().nullable(),
			/** Given without delegated authority: its own governance must ratify it. */
			needsRatification: z.boolean(),
			/** Its ratification, once recorded. */
			ratified: z.object({ on: z.iso.date(), by: z.string(), reference: z.string() }).nullable(),
			/** Whether it was kept, by the rule in docs/OUTCOMES.md, and why. */
			kept: z.object({ state: keyOf(COMMITMENT_STATES), reason: z.string() })
		})
	),
	actions: z.object({
		counts: z.record(keyOf(ACTION_STATUSES), z.number()),
		overdue: z.number(),
		open: z.array(
			z.object({
				id: z.string(),
				text: z.string(),
				dueOn: z.iso.date().nullable(),
				status: keyOf(ACTION_STATUSES)
			})
		)
	}),
	challenges: z.object({ made: z.number(), received: z.number() }),
	/** Its annual statements, the latest version of each year, newest year first. */
	statements: z.array(
		z.object({
			year: z.number(),
			text: z.string(),
			version: z.number(),
			writtenBy: z.string(),
			writtenAt: z.iso.datetime()
		})
	)
});
export type PartnerAccountView = z.infer<typeof PartnerAccountView>;

/**
 * The partner's account. Attendance counts the last twelve months, or `period` when given (the annual
 * report's year), as do the challenges then; the rest is the whole record.
 */
export async function partnerAccount(
	actor: Actor,
	slug: string,
	organisationId: string,
	period?: { from: Date; to: Date }
): Promise<PartnerAccountView> {
	const ctx = await partnershipContext(actor, slug);
	const partnershipId = ctx.partnership.id;
	const organisation = await db().organisation.findFirst({
		where: { id: organisationId, partnershipId }
	});
	if (!organisation) throw new NotFound('organisation');

	const memberships = await db().membership.findMany({
		where: { partnershipId, organisationId },
		include: { user: { select: { name: true } } }
	});
	const personOf = new Map(memberships.map((m) => [m.id, m]));
	const membershipIds = memberships.map((m) => m.id);
	const allSeats = await db().bodySeat.findMany({
		where: { membershipId: { in: membershipIds } },
		include: { body: { select: { id: true, name: true } } },
		orderBy: [{ body: { name: 'asc' } }, { createdAt: 'asc' }]
	});

	// Attendance: each meeting held in the last year by a body on which the partner had a seat that day.
	const since = period?.from ?? new Date(now().getTime() - YEAR_DAYS * DAY);
	const until = period && period.to < now() ? period.to : now();
	const meetings = await db().meeting.findMany({
		where: {
			partnershipId,
			bodyId: { in: [...new Set(allSeats.map((s) => s.bodyId))] },
			startsAt: { gte: since, lte: until },
			status: { in: ['IN_PROGRESS', 'CLOSED', 'MINUTES_APPROVED'] }
		},
		orderBy: { startsAt: 'desc' }
	});
	const seated = meetings.filter((m) =>
		allSeats.some(
			(s) =>
				s.bodyId === m.bodyId && s.createdAt <= m.startsAt && (!s.endedAt || s.endedAt > m.startsAt)
		)
	);
	const attendance = await db().attendance.findMany({
		where: { meetingId: { in: seated.map((m) => m.id) }, membershipId: { in: membershipIds } }
	});
	const bodyName = new Map(allSeats.map((s) => [s.bodyId, s.body.name]));
	const name = (membershipId: string) => personOf.get(membershipId)?.user.name ?? '';
	const meetingRows = seated.map((m) => {
		const here = attendance.filter((a) => a.meetingId === m.id);
		return {
			id: m.id,
			title: m.title,
			bodyName: bodyName.get(m.bodyId) ?? '',
			startsAt: m.startsAt.toISOString(),
			present: here
				.filter((a) => a.status === 'PRESENT' || a.status === 'SUBSTITUTE_FOR')
				.map((a) => name(a.membershipId)),
			apologies: here.filter((a) => a.status === 'APOLOGIES').map((a) => name(a.membershipId))
		};
	});
	const attended = meetingRows.filter((m) => m.present.length).length;
	const isThere = (status: string) => status === 'PRESENT' || status === 'SUBSTITUTE_FOR';
	const currentSeats = allSeats.filter((s) => !s.endedAt);
	const byStanding = standingSplit(
		currentSeats.map((s) => personOf.get(s.membershipId)!.standing),
		seated.map((m) =>
			attendance
				.filter((a) => a.meetingId === m.id && isThere(a.status))
				.map((a) => personOf.get(a.membershipId)!.standing)
		)
	);

	const actions = await db().action.findMany({
		where: { partnershipId, ownerOrganisationId: organisationId },
		orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }]
	});
	const today = dayInUk(now());
	const isOpen = (status: string) => status === 'OPEN' || status === 'IN_PROGRESS';

	// Commitments in each decision's latest version (an amendment may have taken one out).
	const versions = await db().decisionVersion.findMany({
		where: {
			decision: { partnershipId, versions: { some: { commitments: { some: { organisationId } } } } }
		},
		include: {
			commitments: { where: { organisationId } },
			decision: { select: { id: true, agendaItemId: true, meetingId: true } }
		},
		orderBy: { recordedAt: 'desc' }
	});
	const newest = new Map<string, number>();
	for (const v of versions)
		newest.set(v.decisionId, Math.max(newest.get(v.decisionId) ?? 0, v.version));
	const latest = versions.filter((v) => v.version === newest.get(v.decisionId));
	const [items, decidedAt] = await Promise.all([
		db().agendaItem.findMany({
			where: { id: { in: latest.map((v) => v.decision.agendaItemId) } },
			select: { id: true, title: true }
		}),
		db().meeting.findMany({
			where: { id: { in: latest.map((v) => v.decision.meetingId) } },
			select: { id: true, title: true }
		})
	]);
	const ratifications = await ratificationsOf(
		partnershipId,
		latest.map((v) => v.decisionId)
	);
	const itemTitle = new Map(items.map((i) => [i.id, i.title]));
	const meetingTitle = new Map(decidedAt.map((m) => [m.id, m.title]));
	const commitments = latest.flatMap((v) =>
		v.commitments.map((c) => {
			const ratified =
				ratifications.get(v.decisionId)?.find((r) => r.organisationId === organisationId)
					?.ratified ?? null;
			return {
				decisionId: v.decision.id,
				itemTitle: itemTitle.get(v.decision.agendaItemId) ?? '',
				meetingTitle: meetingTitle.get(v.decision.meetingId) ?? '',
				decidedAt: v.recordedAt.toISOString(),
				text: c.text,
				person: c.membershipId ? name(c.membershipId) || null : null,
				needsRatification: !c.withAuthority,
				ratified,
				kept: commitmentKept({
					needsRatification: !c.withAuthority,
					ratified: ratified !== null,
					actions: actions
						.filter((a) => a.decisionId === v.decisionId)
						.map((a) => ({ status: a.status, dueOn: a.dueOn ? dayInUk(a.dueOn) : null })),
					today
				})
			};
		})
	);

	const counts = Object.fromEntries(
		Object.keys(ACTION_STATUSES).map((s) => [s, actions.filter((a) => a.status === s).length])
	) as Record<keyof typeof ACTION_STATUSES, number>;

	// Challenges at meetings in the period when one is asked for, otherwise in the whole record.
	const inPeriod = {
		partnershipId,
		...(period ? { startsAt: { gte: period.from, lte: period.to } } : {})
	};
	const [made, received] = await Promise.all([
		db().challenge.count({
			where: { meeting: inPeriod, raisedByMembershipId: { in: membershipIds } }
		}),
		db().challenge.count({
			where: {
				meeting: inPeriod,
				OR: [
					{ directedToOrganisationId: organisationId },
					{ directedToMembershipId: { in: membershipIds } }
				]
			}
		})
	]);

	const written = await db().partnerStatement.findMany({
		where: { partnershipId, organisationId },
		orderBy: [{ year: 'desc' }, { version: 'desc' }]
	});
	const writers = await db().user.findMany({
		where: { id: { in: written.map((w) => w.writtenById) } },
		select: { id: true, name: true }
	});
	const statements = written
		.filter((w, i) => i === 0 || written[i - 1].year !== w.year)
		.map((w) => ({
			year: w.year,
			text: w.text,
			version: w.version,
			writtenBy: writers.find((u) => u.id === w.writtenById)?.name ?? '',
			writtenAt: w.writtenAt.toISOString()
		}));

	return {
		id: organisation.id,
		name: organisation.name,
		sector: organisation.sector,
		statutory: organisation.statutory,
		seats: currentSeats.map((s) => {
			const m = personOf.get(s.membershipId)!;
			return {
				bodyId: s.bodyId,
				bodyName: s.body.name,
				role: s.role,
				person: m.user.name,
				title: m.title,
				capacity: m.capacity,
				standing: m.standing,
				delegatedAuthority: m.delegatedAuthority,
				authorityNote: m.authorityNote
			};
		}),
		attendance: {
			meetings: meetingRows,
			attended,
			rate: meetingRows.length ? attended / meetingRows.length : null,
			byStanding
		},
		commitments,
		actions: {
			counts,
			overdue: actions.filter((a) => isOpen(a.status) && a.dueOn && dayInUk(a.dueOn) < today)
				.length,
			open: actions
				.filter((a) => isOpen(a.status))
				.map((a) => ({
					id: a.id,
					text: a.text,
					dueOn: a.dueOn ? dayInUk(a.dueOn) : null,
					status: a.status
				}))
		},
		challenges: { made, received },
		statements
	};
}

export const WriteStatementInput = z.object({
	year: wholeNumber('the year', 2000, 2100).pipe(
		z.number({ error: 'Enter the year the statement is for, for example 2026' })
	),
	text: requiredText('the statement', 20_000)
});

/**
 * Saves a partner's annual statement for a year, as a new version (the earlier ones are kept). Officers
 * write any partner's; a member, their own organisation's.
 */
export async function writeStatement(
	actor: Actor,
	slug: string,
	organisationId: string,
	input: unknown
): Promise<PartnerAccountView['statements'][number]> {
	const ctx = await partnershipContext(actor, slug);
	const organisation = await db().organisation.findFirst({
		where: { id: organisationId, partnershipId: ctx.partnership.id }
	});
	if (!organisation) throw new NotFound('organisation');
	demand(
		mayActForPartner(ctx.membership, organisationId),
		'Only officers, and members writing for their own organisation, write its statement.'
	);
	const { year, text } = parse(WriteStatementInput, input);
	const row = await transaction(async (tx) => {
		const previous = await tx.partnerStatement.count({ where: { organisationId, year } });
		const created = await tx.partnerStatement.create({
			data: {
				partnershipId: ctx.partnership.id,
				organisationId,
				year,
				version: previous + 1,
				text,
				writtenById: actor.userId,
				writtenAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'statement_written',
			entity: 'Organisation',
			entityId: organisationId,
			partnershipId: ctx.partnership.id,
			detail: { year, version: created.version }
		});
		return created;
	});
	const writer = await db().user.findUnique({
		where: { id: actor.userId },
		select: { name: true }
	});
	return {
		year: row.year,
		text: row.text,
		version: row.version,
		writtenBy: writer?.name ?? '',
		writtenAt: row.writtenAt.toISOString()
	};
}
