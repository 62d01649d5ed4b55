// Small groups merged (issue 17): a published figure by organisation or by sector is shown only where at
// least three people contributed to it; every smaller group is merged into one "Other (small groups merged)"
// row, itself of at least three people, so nobody's participation or codes can be read off a partner's
// single seat. Applied to
// what members, observers and any published output read (the review, its report and CSV, the trends, the
// partnership summary and the annual report); reviewers and officers, who do the analysis, keep the full
// figures with a note saying members see them merged.
//
// One function does the merging (mergeSmallGroups); the rest apply it to each section of a review. Counts
// are summed; shares are recomputed from the summed counts over the same whole (so the shares still add up
// to 100 %); means are weighted by the counts behind them (never an average of averages). The note names
// the rule, never the merged groups. Groups are disjoint (a member has one organisation, hence one sector),
// so the people of a merged group are the sum of its groups' people.
import type { z } from 'zod';
import { share } from './measures.ts';
import type { DqiView, ParticipationView, ScrutinyView, SmallGroupsView } from './views.ts';
import { trendFigures } from './record-measures.ts';

export const SMALL_GROUP_MINIMUM = 3;
/** The merged group's name, for organisation and sector alike. */
export const OTHER_GROUPS = 'Other (small groups merged)';

export const SMALL_GROUPS_NOTE =
	`Figures by organisation and by sector are shown only for groups in which at least ` +
	`${SMALL_GROUP_MINIMUM} people took part; smaller groups are merged into “${OTHER_GROUPS}”, ` +
	`with the next smallest group when they come to fewer than ${SMALL_GROUP_MINIMUM} people together, ` +
	`so nobody’s own figures can be read from them, nor worked out from the total.`;
export const FULL_FIGURES_NOTE =
	`You see the full figures, as reviewers and officers do. Members and observers reading the ` +
	`published review, its report and CSV, the trends and the annual report see every organisation or ` +
	`sector in which fewer than ${SMALL_GROUP_MINIMUM} people took part merged into “${OTHER_GROUPS}”.`;

type NumberKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

export interface MergeRule<T> {
	/** Figures summed over the merged groups (the people among them). */
	counts: readonly NumberKeys<T>[];
	/** Shares recomputed as the merged count over the count of every group: share field → count field. */
	shares?: readonly { share: keyof T; of: NumberKeys<T> }[];
	/**
	 * Means weighted by the counts behind them: `means` holds a mean (or a record of means by category),
	 * `weights` the count behind it (or a record of counts by the same categories).
	 */
	means?: readonly { means: keyof T; weights: keyof T }[];
	/** The merged row's names (organisation, sector...): nothing of a merged group's is carried over. */
	other: Partial<T>;
}

type Means = number | null | Record<string, number | null>;
type Weights = number | Record<string, number>;

/** Σ mean × weight ÷ Σ weight over the rows with a mean; null where no row has one. */
function weightedMean(pairs: { mean: number | null; weight: number }[]): number | null {
	const counted = pairs.filter((p) => p.mean !== null && p.weight > 0);
	const weight = counted.reduce((s, p) => s + p.weight, 0);
	return weight > 0 ? counted.reduce((s, p) => s + p.mean! * p.weight, 0) / weight : null;
}

/**
 * Rows whose people (`peopleOf`) number fewer than `min` merged into one row named by `rule.other`, put
 * last; the other rows unchanged and in their order. When the small groups come to fewer than `min` people
 * between them, the smallest of the other groups joins them until Other holds `min` (or every group is in
 * it). `merged` is how many groups went into Other (0: the rows are returned as they were).
 */
export function mergeSmallGroups<T extends object>(
	rows: readonly T[],
	peopleOf: (row: T) => number,
	rule: MergeRule<T>,
	min: number = SMALL_GROUP_MINIMUM
): { rows: T[]; merged: number } {
	const small = rows.filter((r) => peopleOf(r) < min);
	if (!small.length) return { rows: [...rows], merged: 0 };
	// Other must hold at least `min` people itself: one small group alone as Other could be read off as
	// that group, or worked out as the total less the rows shown. The smallest groups join it until it does.
	const larger = rows.filter((r) => peopleOf(r) >= min).sort((a, b) => peopleOf(a) - peopleOf(b));
	let people = small.reduce((s, r) => s + peopleOf(r), 0);
	while (people < min && larger.length) {
		const next = larger.shift()!;
		small.push(next);
		people += peopleOf(next);
	}
	const kept = rows.filter((r) => !small.includes(r));
	const get = (row: T, key: keyof T) => row[key] as unknown;
	const sum = (list: readonly T[], key: keyof T) =>
		list.reduce((s, r) => s + (get(r, key) as number), 0);
	const other: Record<string, unknown> = { ...rule.other };
	for (const key of rule.counts) other[key as string] = sum(small, key);
	for (const { share: key, of } of rule.shares ?? [])
		other[key as string] = share(sum(small, of), sum(rows, of));
	for (const { means, weights } of rule.means ?? []) {
		const first = get(small[0], means) as Means;
		if (first === null || typeof first === 'number') {
			other[means as string] = weightedMean(
				small.map((r) => ({
					mean: get(r, means) as number | null,
					weight: get(r, weights) as number
				}))
			);
			other[weights as string] = sum(small, weights);
		} else {
			const categories = [
				...new Set(small.flatMap((r) => Object.keys(get(r, means) as Record<string, unknown>)))
			];
			const meanOf = (r: T, c: string) =>
				(get(r, means) as Record<string, number | null>)[c] ?? null;
			const weightOf = (r: T, c: string) => (get(r, weights) as Record<string, number>)[c] ?? 0;
			other[means as string] = Object.fromEntries(
				categories.map((c) => [
					c,
					weightedMean(small.map((r) => ({ mean: meanOf(r, c), weight: weightOf(r, c) })))
				])
			);
			other[weights as string] = Object.fromEntries(
				categories.map((c) => [c, small.reduce((s, r) => s + weightOf(r, c), 0)])
			);
		}
	}
	return { rows: [...kept, other as T], merged: small.length };
}

type Participation = z.infer<typeof ParticipationView>;
type Dqi = z.infer<typeof DqiView>;
type Scrutiny = z.infer<typeof ScrutinyView>;

const PARTICIPATION_RULE = {
	counts: ['people', 'seats', 'present', 'turns', 'seconds'],
	shares: [
		{ share: 'seatShare', of: 'seats' },
		{ share: 'turnShare', of: 'turns' },
		{ share: 'timeShare', of: 'seconds' }
	]
} as const;

/**
 * Participation as members read it: organisations, sectors and each organisation's standings with fewer
 * than 3 people merged; the community and third-sector shares read from the merged sectors (so a sector
 * merged into Other has no figure of its own: null, shown as "–" beside the note).
 */
export function mergedParticipation(p: Participation): { view: Participation; merged: boolean } {
	const byOrganisation = mergeSmallGroups(p.byOrganisation, (r) => r.people, {
		...PARTICIPATION_RULE,
		other: { organisationId: '', organisation: OTHER_GROUPS, sector: OTHER_GROUPS }
	});
	const bySector = mergeSmallGroups(p.bySector, (r) => r.people, {
		...PARTICIPATION_RULE,
		other: { sector: OTHER_GROUPS }
	});
	// An organisation's elected members apart from its officers: each of those groups is held to the rule too.
	const byOrganisationAndStanding = mergeSmallGroups(p.byOrganisationAndStanding, (r) => r.people, {
		...PARTICIPATION_RULE,
		other: { organisationId: '', organisation: OTHER_GROUPS, standing: 'All standings' }
	});
	const none = { seatShare: null, turnShare: null, timeShare: null };
	const sectorMerged = (sector: string) =>
		p.bySector.some((r) => r.sector === sector) && !bySector.rows.some((r) => r.sector === sector);
	return {
		view: {
			...p,
			byOrganisation: byOrganisation.rows,
			bySector: bySector.rows,
			byOrganisationAndStanding: byOrganisationAndStanding.rows,
			community: sectorMerged('COMMUNITY') ? none : p.community,
			thirdSector: sectorMerged('THIRD_SECTOR') ? none : p.thirdSector
		},
		merged: byOrganisation.merged + bySector.merged + byOrganisationAndStanding.merged > 0
	};
}

/** Mean DQI codes by organisation and sector as members read them: means weighted by the levels behind them. */
export function mergedDqi(d: Dqi): { view: Dqi; merged: boolean } {
	const rule = { counts: ['people'], means: [{ means: 'means', weights: 'levels' }] } as const;
	const byOrganisation = mergeSmallGroups(d.byOrganisation, (r) => r.people, {
		...rule,
		other: { organisation: OTHER_GROUPS, sector: OTHER_GROUPS }
	});
	const bySector = mergeSmallGroups(d.bySector, (r) => r.people, {
		...rule,
		other: { sector: OTHER_GROUPS }
	});
	return {
		view: { ...d, byOrganisation: byOrganisation.rows, bySector: bySector.rows },
		merged: byOrganisation.merged + bySector.merged > 0
	};
}

/**
 * Who challenged whom as members read it: the sectors with fewer than 3 people behind them (challengers,
 * and members challenged) merged into one Other row and column, the counts summed both ways.
 */
export function mergedScrutiny(s: Scrutiny): { view: Scrutiny; merged: boolean } {
	const m = s.matrix;
	const sectors = m.sectors.map((sector, i) => ({ sector, index: i, people: m.people[i] }));
	const { rows, merged } = mergeSmallGroups(sectors, (r) => r.people, {
		counts: ['people'],
		other: { sector: OTHER_GROUPS, index: -1 }
	});
	if (!merged) return { view: s, merged: false };
	// Each old sector's place in the merged matrix.
	const keptAt = new Map(rows.filter((r) => r.index >= 0).map((r, i) => [r.index, i]));
	const otherAt = rows.length - 1;
	const at = (i: number) => keptAt.get(i) ?? otherAt;
	const counts = rows.map(() => rows.map(() => 0));
	const undirected = rows.map(() => 0);
	m.counts.forEach((row, r) => {
		row.forEach((n, c) => (counts[at(r)][at(c)] += n));
		undirected[at(r)] += m.undirected[r];
	});
	return {
		view: {
			...s,
			matrix: {
				sectors: rows.map((r) => r.sector),
				counts,
				undirected,
				people: rows.map((r) => r.people)
			}
		},
		merged: true
	};
}

type Sections = { participation: Participation; scrutiny: Scrutiny; dqi?: Dqi };

/** A review's figures by organisation and sector as members read them, and whether any group was merged. */
export function mergedSections<T extends Sections>(review: T): { view: T; merged: boolean } {
	const participation = mergedParticipation(review.participation);
	const scrutiny = mergedScrutiny(review.scrutiny);
	const dqi = review.dqi ? mergedDqi(review.dqi) : { view: undefined, merged: false };
	return {
		view: {
			...review,
			participation: participation.view,
			scrutiny: scrutiny.view,
			...(dqi.view ? { dqi: dqi.view } : {})
		},
		merged: participation.merged || scrutiny.merged || dqi.merged
	};
}

/** What the reader is told: the rule, for everyone; reviewers and officers also that members see it merged. */
export function smallGroupsNote(
	view: 'merged' | 'full',
	merged: boolean
): z.infer<typeof SmallGroupsView> {
	return {
		minimum: SMALL_GROUP_MINIMUM,
		view,
		merged,
		note: view === 'full' ? `${SMALL_GROUPS_NOTE} ${FULL_FIGURES_NOTE}` : SMALL_GROUPS_NOTE
	};
}

/** A meeting's headline trend figures from its merged measures (the community and third-sector shares). */
export function mergedTrendFigures(m: Parameters<typeof trendFigures>[0]) {
	return trendFigures({ ...m, participation: mergedParticipation(m.participation).view });
}
