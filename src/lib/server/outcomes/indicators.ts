// An outcome's indicators and their readings: officers define what is measured, with its baseline, target
// and direction; the source partner records readings (append-only: a mistake is put right by a reading that
// corrects it); each indicator's status follows the rule in src/lib/indicator-status.ts.
import { z } from 'zod';
import type { Actor, PartnershipContext } from '../access/index.ts';
import { demand, isOfficer, mayRecordReadings, partnershipContext } from '../access/index.ts';
import {
	Invalid,
	NotFound,
	audit,
	choice,
	db,
	isoDate,
	keyOf,
	measuredValue,
	now,
	optionalId,
	optionalText,
	parse,
	reference,
	requiredText,
	transaction
} from '../platform/index.ts';
import { OutcomeView } from '../priorities/index.ts';
import { dayInUk, formatDay } from '../../dates.ts';
import { measure } from '../../text.ts';
import { INDICATOR_DIRECTIONS, INDICATOR_STATUSES } from '../../vocabulary.ts';
import { expectedOn, indicatorStatus, latestReading } from '../../indicator-status.ts';

export const DefineIndicatorInput = z
	.object({
		name: requiredText('what is measured', 300),
		unit: requiredText('the unit', 60),
		sourceOrganisationId: reference('Choose the partner that measures it'),
		geography: requiredText('the area it covers', 120),
		direction: choice(INDICATOR_DIRECTIONS, 'Choose whether up or down is better'),
		baselineValue: measuredValue('the baseline'),
		baselineOn: isoDate('Enter the baseline’s date as a real date, for example 2025-04-01'),
		targetValue: measuredValue('the target'),
		targetOn: isoDate('Enter the target’s date as a real date, for example 2030-03-31')
	})
	.superRefine((i, ctx) => {
		if (i.targetOn <= i.baselineOn)
			ctx.addIssue({
				code: 'custom',
				path: ['targetOn'],
				message: 'The target’s date must be after the baseline’s'
			});
		const worse =
			i.direction === 'UP' ? i.targetValue < i.baselineValue : i.targetValue > i.baselineValue;
		if (worse)
			ctx.addIssue({
				code: 'custom',
				path: ['targetValue'],
				message: `The target must be no ${i.direction === 'UP' ? 'lower' : 'higher'} than the baseline when ${INDICATOR_DIRECTIONS[i.direction].toLowerCase()}`
			});
	});

export const RecordReadingInput = z.object({
	value: measuredValue('the reading'),
	on: isoDate('Enter the date the reading is for as a real date, for example 2026-03-31'),
	source: requiredText('where the figure comes from', 300),
	note: optionalText('the note', 2000),
	/** The reading this one puts right. */
	correctsReadingId: optionalId('Choose a reading of this indicator to correct')
});

const ReadingView = z.object({
	id: z.string(),
	value: z.number(),
	on: z.iso.date(),
	source: z.string(),
	note: z.string(),
	recordedBy: z.string(),
	recordedAt: z.iso.datetime(),
	/** The reading this one corrects, if any. */
	correctsId: z.string().nullable(),
	/** Whether a later reading corrects this one (it no longer counts). */
	corrected: z.boolean(),
	/** The trajectory's value on the reading's date. */
	expected: z.number()
});

export const IndicatorView = z.object({
	id: z.string(),
	outcomeId: z.string(),
	name: z.string(),
	unit: z.string(),
	sourceOrganisationId: z.string(),
	sourceOrganisationName: z.string(),
	geography: z.string(),
	direction: keyOf(INDICATOR_DIRECTIONS),
	baseline: z.object({ value: z.number(), on: z.iso.date() }),
	target: z.object({ value: z.number(), on: z.iso.date() }),
	/** Every reading in date order, corrected ones included and marked. */
	readings: z.array(ReadingView),
	/** The latest reading in force, with the trajectory's value on its date. */
	latest: z.object({ value: z.number(), on: z.iso.date(), expected: z.number() }).nullable(),
	status: keyOf(INDICATOR_STATUSES),
	/** The status in words, with the figures it rests on. */
	statusReason: z.string()
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const OutcomeDetailView = OutcomeView.extend({ indicators: z.array(IndicatorView) });
export type OutcomeDetailView = z.infer<typeof OutcomeDetailView>;

const OFFICERS_ONLY = 'Only the secretariat and admins define indicators.';
const day = (d: Date) => d.toISOString().slice(0, 10);
const at = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/**
 * The partnership an outcome belongs to, as the actor's context; not found for anyone outside it, or when
 * `slug` (the partnership in a page's address) is another one.
 */
async function outcomeContext(actor: Actor, outcomeId: string, slug?: string) {
	const outcome = await db().outcome.findUnique({ where: { id: outcomeId } });
	if (!outcome) throw new NotFound('outcome');
	const owner = await db().partnership.findUniqueOrThrow({
		where: { id: outcome.partnershipId },
		select: { slug: true }
	});
	if (slug !== undefined && slug !== owner.slug) throw new NotFound('outcome');
	const ctx = await partnershipContext(actor, owner.slug).catch(() => {
		throw new NotFound('outcome');
	});
	return { ctx, outcome };
}

/** An indicator and the actor's context in its partnership; not found for anyone outside it. */
export async function indicatorContext(actor: Actor, indicatorId: string) {
	const indicator = await db().indicator.findUnique({ where: { id: indicatorId } });
	if (!indicator) throw new NotFound('indicator');
	const { ctx } = await outcomeContext(actor, indicator.outcomeId).catch(() => {
		throw new NotFound('indicator');
	});
	return { ctx, indicator };
}

export async function defineIndicator(
	actor: Actor,
	outcomeId: string,
	input: unknown
): Promise<IndicatorView> {
	const { ctx } = await outcomeContext(actor, outcomeId);
	demand(isOfficer(ctx), OFFICERS_ONLY);
	const data = parse(DefineIndicatorInput, input);
	const id = await transaction(async (tx) => {
		const source = await tx.organisation.count({
			where: { id: data.sourceOrganisationId, partnershipId: ctx.partnership.id }
		});
		if (!source)
			throw new Invalid({ sourceOrganisationId: 'Choose a partner of this partnership' });
		const taken = await tx.indicator.count({ where: { outcomeId, name: data.name } });
		if (taken) throw new Invalid({ name: 'This outcome already has an indicator of that name' });
		const row = await tx.indicator.create({
			data: {
				...data,
				partnershipId: ctx.partnership.id,
				outcomeId,
				baselineOn: at(data.baselineOn),
				targetOn: at(data.targetOn),
				createdById: actor.userId,
				createdAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'Indicator',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { outcomeId, ...data }
		});
		return row.id;
	});
	return (await indicatorViews(ctx, { id }))[0];
}

export async function recordReading(
	actor: Actor,
	indicatorId: string,
	input: unknown
): Promise<IndicatorView> {
	const { ctx, indicator } = await indicatorContext(actor, indicatorId);
	demand(
		mayRecordReadings(ctx.membership, indicator),
		'Only the partner that measures this indicator, and the secretariat, record its readings.'
	);
	const data = parse(RecordReadingInput, input);
	if (data.on > dayInUk(now()))
		throw new Invalid({ on: 'A reading cannot be for a date still to come' });
	await transaction(async (tx) => {
		const inForce = await tx.indicatorReading.findMany({
			where: { indicatorId, correctedBy: { is: null } },
			select: { id: true, on: true }
		});
		if (data.correctsReadingId && !inForce.some((r) => r.id === data.correctsReadingId))
			throw new Invalid({
				correctsReadingId: 'Choose a reading of this indicator that has not been corrected already'
			});
		const clash = inForce.find((r) => day(r.on) === data.on && r.id !== data.correctsReadingId);
		if (clash)
			throw new Invalid({
				on: `There is already a reading for ${formatDay(data.on)}: correct that reading instead`
			});
		const row = await tx.indicatorReading.create({
			data: {
				indicatorId,
				value: data.value,
				on: at(data.on),
				source: data.source,
				note: data.note ?? '',
				correctsId: data.correctsReadingId ?? null,
				recordedById: actor.userId,
				recordedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: data.correctsReadingId ? 'reading_corrected' : 'reading_recorded',
			entity: 'Indicator',
			entityId: indicatorId,
			partnershipId: ctx.partnership.id,
			detail: { readingId: row.id, ...data }
		});
	});
	return (await indicatorViews(ctx, { id: indicatorId }))[0];
}

/** An outcome with its indicators, their readings and statuses; `slug` holds it to one partnership. */
export async function getOutcome(
	actor: Actor,
	outcomeId: string,
	slug?: string
): Promise<OutcomeDetailView> {
	const { ctx, outcome } = await outcomeContext(actor, outcomeId, slug);
	return {
		id: outcome.id,
		kind: outcome.kind,
		code: outcome.code,
		title: outcome.title,
		bodyId: outcome.bodyId,
		indicators: await indicatorViews(ctx, { outcomeId })
	};
}

/** Whether the actor may record readings of an indicator (for pages to offer the form). */
export async function readingRights(
	actor: Actor,
	outcome: OutcomeDetailView
): Promise<Record<string, boolean>> {
	const { ctx } = await outcomeContext(actor, outcome.id);
	return Object.fromEntries(
		outcome.indicators.map((i) => [i.id, mayRecordReadings(ctx.membership, i)])
	);
}

/**
 * At which point the indicators are read: as they stand; as they stood at an instant (`recordedBy`: only
 * what had been recorded by then counts, as a meeting's papers had it); or as the record now tells a past
 * day (`readOn`: readings for that day or earlier, with every correction made since).
 */
type ReadAt = { recordedBy: Date } | { readOn: string };

/** Indicators at `at` (now when left out), their status worked out for that day. */
async function indicatorViews(
	ctx: PartnershipContext,
	where: { id: string } | { outcomeId: string } | { outcomeId: { in: string[] } },
	at?: ReadAt
): Promise<IndicatorView[]> {
	const asAt = at && 'recordedBy' in at ? at.recordedBy : undefined;
	const readOn = at && 'readOn' in at ? at.readOn : undefined;
	const readings = {
		...(asAt ? { recordedAt: { lte: asAt } } : {}),
		...(readOn ? { on: { lte: new Date(`${readOn}T00:00:00Z`) } } : {})
	};
	const rows = await db().indicator.findMany({
		where: {
			...where,
			partnershipId: ctx.partnership.id,
			...(asAt ? { createdAt: { lte: asAt } } : {})
		},
		orderBy: { name: 'asc' },
		include: {
			readings: { where: readings, orderBy: [{ on: 'asc' }, { recordedAt: 'asc' }] }
		}
	});
	const people = new Map(
		(
			await db().user.findMany({
				where: {
					id: { in: [...new Set(rows.flatMap((r) => r.readings.map((x) => x.recordedById)))] }
				},
				select: { id: true, name: true }
			})
		).map((u) => [u.id, u.name])
	);
	const organisations = new Map(
		(
			await db().organisation.findMany({
				where: { partnershipId: ctx.partnership.id },
				select: { id: true, name: true }
			})
		).map((o) => [o.id, o.name])
	);
	const today = readOn ?? dayInUk(asAt ?? now());
	return rows.map((row) => {
		const corrected = new Set(row.readings.map((r) => r.correctsId).filter(Boolean));
		const plan = {
			direction: row.direction,
			baselineValue: row.baselineValue,
			baselineOn: day(row.baselineOn),
			targetValue: row.targetValue,
			targetOn: day(row.targetOn)
		};
		const readings = row.readings.map((r) => ({
			id: r.id,
			value: r.value,
			on: day(r.on),
			source: r.source,
			note: r.note,
			recordedBy: people.get(r.recordedById) ?? 'Unknown',
			recordedAt: r.recordedAt.toISOString(),
			correctsId: r.correctsId,
			corrected: corrected.has(r.id),
			expected: expectedOn(plan, day(r.on))
		}));
		const inForce = readings.filter((r) => !r.corrected);
		const latest = latestReading(inForce);
		const status = indicatorStatus(plan, inForce, today);
		const expected = latest?.expected ?? null;
		return {
			id: row.id,
			outcomeId: row.outcomeId,
			name: row.name,
			unit: row.unit,
			sourceOrganisationId: row.sourceOrganisationId,
			sourceOrganisationName: organisations.get(row.sourceOrganisationId) ?? '',
			geography: row.geography,
			direction: row.direction,
			baseline: { value: row.baselineValue, on: plan.baselineOn },
			target: { value: row.targetValue, on: plan.targetOn },
			readings,
			latest: latest ? { value: latest.value, on: latest.on, expected: expected! } : null,
			status,
			statusReason: statusReason(status, row.unit, latest, expected)
		};
	});
}

function statusReason(
	status: keyof typeof INDICATOR_STATUSES,
	unit: string,
	latest: { value: number; on: string } | null,
	expected: number | null
): string {
	if (!latest) return 'No reading has been recorded yet.';
	const reading = `The latest reading, ${measure(latest.value, unit)} on ${formatDay(latest.on)}`;
	if (status === 'NO_RECENT_READING') return `${reading}, is more than thirteen months old.`;
	const against = `the trajectory’s ${measure(expected!, unit)} for that date`;
	if (status === 'ON_TRACK') return `${reading}, is at or better than ${against}.`;
	if (status === 'AT_RISK')
		return `${reading}, is behind ${against}, by no more than a quarter of the planned change.`;
	return `${reading}, is behind ${against} by more than a quarter of the planned change, or worse than the baseline.`;
}

/** A partnership's outcomes that have indicators, each with them as they stood at `asAt`: for the papers. */
export async function performanceReport(
	actor: Actor,
	slug: string,
	asAt: Date
): Promise<OutcomeDetailView[]> {
	return outcomesRead(await partnershipContext(actor, slug), { recordedBy: asAt }, true);
}

/**
 * Every outcome of the partnership with its indicators read at `at`, optionally only those that have
 * indicators. In the plan's order: LOIP first, then by code.
 */
export async function outcomesRead(
	ctx: PartnershipContext,
	at: ReadAt,
	withIndicatorsOnly = false
): Promise<OutcomeDetailView[]> {
	const outcomes = await db().outcome.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			...(withIndicatorsOnly ? { indicators: { some: {} } } : {})
		},
		orderBy: [{ kind: 'asc' }, { code: 'asc' }]
	});
	const indicators = await indicatorViews(
		ctx,
		{ outcomeId: { in: outcomes.map((o) => o.id) } },
		at
	);
	return outcomes
		.map((o) => ({
			id: o.id,
			kind: o.kind,
			code: o.code,
			title: o.title,
			bodyId: o.bodyId,
			indicators: indicators.filter((i) => i.outcomeId === o.id)
		}))
		.filter((o) => !withIndicatorsOnly || o.indicators.length);
}
