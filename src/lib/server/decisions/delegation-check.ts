// A decision against its body's scheme of delegation. The recorder states the money the decision commits
// and ticks the scheme's reserved matters it touches; it is outside the scheme when the money is over the
// scheme's limit or any reserved matter is ticked, and then owes its parent body's ratification. The check
// is a record of its own beside each version (append-only), so the hashed versions are left as they were.
import { z } from 'zod';
import { currentSchemeOf } from '../structure/index.ts';
import { db, requiredText, wholeNumber, type Tx } from '../platform/index.ts';

const MOST_POUNDS = 1_000_000_000;

export const DelegationInput = z.object({
	amountPounds: wholeNumber('the money the decision commits, in pounds', 0, MOST_POUNDS),
	reservedMatters: z
		.array(requiredText('each reserved matter', 300), {
			error: 'List the reserved matters touched'
		})
		.max(30, 'Tick at most 30 reserved matters')
		.default([])
		.transform((matters) => [...new Set(matters)])
});
export type DelegationInput = z.output<typeof DelegationInput>;

export const DelegationCheckView = z.object({
	/** The decision version it was recorded with. */
	version: z.number(),
	/** The scheme version it was checked against; null when the body had none written. */
	scheme: z.object({ version: z.number(), financialLimitPounds: z.number().nullable() }).nullable(),
	amountPounds: z.number().nullable(),
	reservedMatters: z.array(z.string()),
	outsideScheme: z.boolean(),
	/** Why it is outside, in words; empty when within or with no scheme. */
	reasons: z.array(z.string()),
	/** Whose ratification it owes when outside: null for a body with no parent (the board). */
	parentBody: z.object({ id: z.string(), name: z.string() }).nullable()
});
export type DelegationCheckView = z.infer<typeof DelegationCheckView>;

export interface DelegationCheckContent {
	schemeId: string | null;
	amountPounds: number | null;
	reservedMatters: string[];
	outsideScheme: boolean;
}

const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;

/** Checks what the recorder stated against the body's scheme in force; puts refusals in `fields`. */
export async function checkAgainstScheme(
	tx: Tx,
	bodyId: string,
	input: DelegationInput | undefined,
	fields: Record<string, string>
): Promise<DelegationCheckContent> {
	const scheme = await currentSchemeOf(tx, bodyId);
	const amountPounds = input?.amountPounds ?? null;
	const ticked = input?.reservedMatters ?? [];
	if (!scheme) {
		if (ticked.length)
			fields['delegation.reservedMatters'] =
				'This body has no scheme of delegation written, so it has no reserved matters to tick';
		return { schemeId: null, amountPounds, reservedMatters: [], outsideScheme: false };
	}
	if (ticked.some((m) => !scheme.reservedMatters.includes(m)))
		fields['delegation.reservedMatters'] =
			'Tick only reserved matters of the body’s scheme of delegation';
	const overLimit =
		scheme.financialLimitPounds !== null &&
		amountPounds !== null &&
		amountPounds > scheme.financialLimitPounds;
	return {
		schemeId: scheme.id,
		amountPounds,
		reservedMatters: ticked,
		outsideScheme: overLimit || ticked.length > 0
	};
}

export async function storeDelegationCheck(
	tx: Tx,
	decisionId: string,
	version: number,
	check: DelegationCheckContent,
	recordedAt: Date
): Promise<void> {
	await tx.delegationCheck.create({ data: { decisionId, version, ...check, recordedAt } });
}

/** Each decision's latest check (that of its latest version), with the scheme and the parent body. */
export async function delegationChecksOf(
	decisionIds: string[]
): Promise<Map<string, DelegationCheckView>> {
	if (!decisionIds.length) return new Map();
	const [checks, decisions] = await Promise.all([
		db().delegationCheck.findMany({
			where: { decisionId: { in: decisionIds } },
			orderBy: { version: 'asc' }
		}),
		db().decision.findMany({
			where: { id: { in: decisionIds } },
			select: { id: true, bodyId: true }
		})
	]);
	const latest = new Map(checks.map((c) => [c.decisionId, c]));
	const [schemes, bodies] = await Promise.all([
		db().delegationScheme.findMany({
			where: { id: { in: [...latest.values()].flatMap((c) => c.schemeId ?? []) } }
		}),
		db().body.findMany({
			where: { id: { in: decisions.map((d) => d.bodyId) } },
			select: { id: true, parent: { select: { id: true, name: true } } }
		})
	]);
	const parentOf = new Map(bodies.map((b) => [b.id, b.parent]));
	const out = new Map<string, DelegationCheckView>();
	for (const d of decisions) {
		const check = latest.get(d.id);
		if (!check) continue;
		const scheme = schemes.find((s) => s.id === check.schemeId) ?? null;
		const limit = scheme?.financialLimitPounds ?? null;
		const reasons = [
			...(limit !== null && check.amountPounds !== null && check.amountPounds > limit
				? [`It commits ${pounds(check.amountPounds)}, over the limit of ${pounds(limit)}`]
				: []),
			...check.reservedMatters.map((m) => `Reserved matter: ${m}`)
		];
		out.set(d.id, {
			version: check.version,
			scheme: scheme ? { version: scheme.version, financialLimitPounds: limit } : null,
			amountPounds: check.amountPounds,
			reservedMatters: check.reservedMatters,
			outsideScheme: check.outsideScheme,
			reasons,
			parentBody: parentOf.get(d.bodyId) ?? null
		});
	}
	return out;
}
