// A meeting's DQI codes summarised (distribution and mean per category, per organisation and sector) and
// the coders' agreement per category with the disagreements to reconcile. Plain functions over the current
// codes (latest per contribution × coder × category); the caller decides whose codes these are.
//
// Not applicable is kept apart from the levels everywhere: it is counted, never averaged, and never
// becomes a 0. In the distribution and means it is left out. For kappa and alpha it is missing data, as if
// that coder had not coded the unit on that category: N/A is not a point on the scale, so there is no
// distance from N/A to a level for a weighted kappa or an ordinal alpha to use. Where one coder says N/A
// and another gives a level, that is listed as a disagreement to reconcile.
import type { z } from 'zod';
import { cohenKappa, krippendorffAlpha, type KappaWeights } from './agreement.ts';
import { DQI, type DqiKey } from './dqi.ts';
import { mean } from './measures.ts';
import type { AgreementView, DqiView } from './views.ts';

export interface CodeRow {
	contributionId: string;
	coderId: string;
	category: DqiKey;
	/** The level's index on the category's scale; null iff notApplicable. */
	value: number | null;
	notApplicable: boolean;
}

export interface CodedContribution {
	id: string;
	organisation: string;
	sector: string;
	/** Who spoke it: the people behind a group's means (a group of fewer than 3 is merged for readers). */
	speakerId?: string;
}

/**
 * Weights of the two-coder kappa on ordinal categories. Linear: a disagreement costs in proportion to the
 * number of levels between the two codes (on a four-level scale, one level apart costs a third of opposite
 * ends). The DQI scales are short, and quadratic weights would let one-level misses, the usual ones,
 * count for little, inflating kappa; linear assumes no more than the equal steps the levels are printed in.
 */
export const ORDINAL_KAPPA_WEIGHTS: KappaWeights = 'linear';

type DqiSummary = Omit<z.infer<typeof DqiView>, 'scope'>;
type Agreement = z.infer<typeof AgreementView>;

const ORDINAL = DQI.filter((c) => c.scale === 'ordinal');

function isLevel(code: CodeRow): code is CodeRow & { value: number } {
	return !code.notApplicable && code.value !== null;
}

/**
 * Distribution, not-applicable count and mean per category, and the ordinal categories' means per
 * organisation and per sector. Codes on contributions not in `contributions` are left out. Every coder's
 * code counts once: with two coders each contribution weighs twice, as each coder's reading is an
 * observation. `codes` per category counts all its codes, not applicable included; the distribution
 * (one entry per level, zeros kept) sums to codes − notApplicable. Means are over levels only, null with
 * none (and always for nominal categories).
 */
export function dqiSummary(codes: CodeRow[], contributions: CodedContribution[]): DqiSummary {
	const byId = new Map(contributions.map((c) => [c.id, c]));
	const known = codes.filter((code) => byId.has(code.contributionId));

	const categories = DQI.map((category) => {
		const own = known.filter((code) => code.category === category.key);
		const levels = own.filter(isLevel);
		return {
			category: category.key,
			codes: own.length,
			notApplicable: own.length - levels.length,
			distribution: category.levels.map((_, value) => ({
				value,
				count: levels.filter((code) => code.value === value).length
			})),
			mean: category.scale === 'ordinal' ? mean(levels.map((code) => code.value)) : null
		};
	});

	const levelsOf = (group: CodeRow[]) =>
		Object.fromEntries(
			ORDINAL.map((category) => [
				category.key,
				group.filter((code) => code.category === category.key).filter(isLevel).length
			])
		);
	// The speakers whose contributions in the group carry a level (a contribution with no speaker counts
	// as its own person).
	const peopleOf = (members: CodedContribution[], group: CodeRow[]) => {
		const levelled = new Set(group.filter(isLevel).map((code) => code.contributionId));
		return new Set(members.filter((c) => levelled.has(c.id)).map((c) => c.speakerId ?? c.id)).size;
	};
	const figuresOf = (members: CodedContribution[]) => {
		const group = codesOn(known, members);
		return { people: peopleOf(members, group), means: meansOf(group), levels: levelsOf(group) };
	};
	const meansOf = (group: CodeRow[]) =>
		Object.fromEntries(
			ORDINAL.map((category) => [
				category.key,
				mean(
					group
						.filter((code) => code.category === category.key)
						.filter(isLevel)
						.map((code) => code.value)
				)
			])
		);

	const organisations = groupBy(contributions, (c) => `${c.organisation}\u0000${c.sector}`);
	const byOrganisation = [...organisations.values()]
		.map((members) => ({
			organisation: members[0].organisation,
			sector: members[0].sector,
			...figuresOf(members)
		}))
		.sort(
			(a, b) => a.organisation.localeCompare(b.organisation) || a.sector.localeCompare(b.sector)
		);

	const sectors = groupBy(contributions, (c) => c.sector);
	const bySector = [...sectors.entries()]
		.map(([sector, members]) => ({ sector, ...figuresOf(members) }))
		.sort((a, b) => a.sector.localeCompare(b.sector));

	return {
		coders: new Set(known.map((code) => code.coderId)).size,
		contributions: contributions.length,
		codedContributions: new Set(known.map((code) => code.contributionId)).size,
		categories,
		byOrganisation,
		bySector
	};
}

/**
 * Agreement per category between the coders who coded anything: Cohen's kappa with two (weighted
 * `ORDINAL_KAPPA_WEIGHTS` on ordinal categories, unweighted on nominal), Krippendorff's alpha with three
 * or more (ordinal or nominal metric), nothing with fewer than two. Not applicable is missing data for the
 * figure, so `units` counts the contributions on which at least two coders gave a level (with two coders,
 * the pairs kappa is computed on). Disagreements: each contribution × category coded by two or more coders
 * whose codes differ, N/A against a level included, in the order the contributions first appear in
 * `codes`; values (null for N/A) only when `showValues`, so nobody learns another coder's codes early.
 */
export function agreementSummary(
	codes: CodeRow[],
	coderNames: Map<string, string>,
	showValues: boolean
): Agreement {
	const coders = [...new Set(codes.map((code) => code.coderId))].sort();
	const method = coders.length >= 3 ? 'alpha' : coders.length === 2 ? 'kappa' : null;
	const contributionIds = [...new Set(codes.map((code) => code.contributionId))];

	// cell(contributionId, category) → the code each coder gave there
	const cells = new Map<string, Map<string, CodeRow>>();
	const key = (contributionId: string, category: DqiKey) => `${contributionId}\u0000${category}`;
	for (const code of codes) {
		const k = key(code.contributionId, code.category);
		if (!cells.has(k)) cells.set(k, new Map());
		cells.get(k)!.set(code.coderId, code);
	}
	const levelOf = (code: CodeRow | undefined) => (code && isLevel(code) ? code.value : null);

	const categories = DQI.map((category) => {
		const units = contributionIds.map((id) => {
			const cell = cells.get(key(id, category.key));
			return coders.map((coder) => levelOf(cell?.get(coder)));
		});
		const comparable = units.filter((unit) => unit.filter((v) => v !== null).length >= 2);
		let value: number | null = null;
		if (method === 'kappa')
			value = cohenKappa(
				comparable.map(([a, b]) => [a!, b!] as const),
				category.levels.length,
				category.scale === 'ordinal' ? ORDINAL_KAPPA_WEIGHTS : 'none'
			);
		else if (method === 'alpha')
			value = krippendorffAlpha(comparable, category.scale, category.levels.length);
		return { category: category.key, units: comparable.length, value };
	});

	const disagreements: Agreement['disagreements'] = [];
	for (const id of contributionIds)
		for (const category of DQI) {
			const cell = cells.get(key(id, category.key));
			if (!cell || cell.size < 2) continue;
			const given = coders.filter((coder) => cell.has(coder));
			const values = given.map((coder) => levelOf(cell.get(coder)));
			if (values.every((v) => v === values[0])) continue;
			disagreements.push({
				contributionId: id,
				category: category.key,
				values: showValues
					? given.map((coder, i) => ({ coder: coderNames.get(coder) ?? coder, value: values[i] }))
					: null
			});
		}

	return {
		coders: coders.length,
		method,
		categories,
		disagreementCount: disagreements.length,
		disagreementsListed: true,
		disagreements
	};
}

function codesOn(codes: CodeRow[], contributions: CodedContribution[]): CodeRow[] {
	const ids = new Set(contributions.map((c) => c.id));
	return codes.filter((code) => ids.has(code.contributionId));
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = keyOf(item);
		if (!groups.has(k)) groups.set(k, []);
		groups.get(k)!.push(item);
	}
	return groups;
}
