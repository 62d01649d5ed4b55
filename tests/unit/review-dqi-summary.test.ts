import { describe, expect, it } from 'vitest';
import { DQI_KEYS, type DqiKey } from '../../src/lib/review/dqi.ts';
import {
	agreementSummary,
	dqiSummary,
	type CodeRow,
	type CodedContribution
} from '../../src/lib/review/dqi-summary.ts';
import { AgreementView, DqiView } from '../../src/lib/review/views.ts';

// A hand-worked fixture: five contributions, two reviewers (a, b) and a third (n) who marked everything
// not applicable. Only justification (ordinal 0–3), storytelling (nominal no/yes) and respect toward
// groups (ordinal 0–2) are coded; the other categories have no codes.
const contributions: CodedContribution[] = [
	{ id: 'c1', organisation: 'Riverside Council', sector: 'Public' },
	{ id: 'c2', organisation: 'Health Board', sector: 'Public' },
	{ id: 'c3', organisation: 'Youth Forum', sector: 'Community' },
	{ id: 'c4', organisation: 'Riverside Council', sector: 'Public' },
	{ id: 'c5', organisation: "Tenants' Network", sector: 'Community' }
];
const names = new Map([
	['a', 'Reviewer One'],
	['b', 'Reviewer Two'],
	['n', 'Reviewer Three']
]);

function code(
	contributionId: string,
	coderId: string,
	category: DqiKey,
	value: number | null
): CodeRow {
	return { contributionId, coderId, category, value, notApplicable: value === null };
}

//              justification   storytelling   respectGroups
//  c1          a 2, b 2        a 0, b 0
//  c2          a 1, b 3        a 1, b 0
//  c3          a 0, b 0        a 1, b 1       a 2
//  c4          a 3, b N/A
//  c5          (not coded)
const twoCoders: CodeRow[] = [
	code('c1', 'a', 'justification', 2),
	code('c1', 'b', 'justification', 2),
	code('c1', 'a', 'storytelling', 0),
	code('c1', 'b', 'storytelling', 0),
	code('c2', 'a', 'justification', 1),
	code('c2', 'b', 'justification', 3),
	code('c2', 'a', 'storytelling', 1),
	code('c2', 'b', 'storytelling', 0),
	code('c3', 'a', 'justification', 0),
	code('c3', 'b', 'justification', 0),
	code('c3', 'a', 'storytelling', 1),
	code('c3', 'b', 'storytelling', 1),
	code('c3', 'a', 'respectGroups', 2),
	code('c4', 'a', 'justification', 3),
	code('c4', 'b', 'justification', null)
];
/** Coder n marked everything a and b coded (on justification and storytelling) not applicable. */
const allNotApplicable: CodeRow[] = twoCoders
	.filter((c) => c.coderId === 'a' && c.category !== 'respectGroups')
	.map((c) => code(c.contributionId, 'n', c.category, null));

const category = <T extends { category: string }>(rows: T[], key: DqiKey) =>
	rows.find((row) => row.category === key)!;

describe('the DQI summary of a meeting', () => {
	it('gives the distribution, not applicable and mean per category', () => {
		const summary = dqiSummary(twoCoders, contributions);
		expect(DqiView.parse({ ...summary, scope: 'all' })).toBeTruthy();
		expect(summary).toMatchObject({ coders: 2, contributions: 5, codedContributions: 4 });
		expect(summary.categories.map((c) => c.category)).toEqual([...DQI_KEYS]);

		// justification: 8 codes, one N/A; levels 0,0,1,2,2,3,3 → mean 11/7.
		const justification = category(summary.categories, 'justification');
		expect(justification).toMatchObject({ codes: 8, notApplicable: 1 });
		expect(justification.distribution).toEqual([
			{ value: 0, count: 2 },
			{ value: 1, count: 1 },
			{ value: 2, count: 2 },
			{ value: 3, count: 2 }
		]);
		expect(justification.mean).toBeCloseTo(11 / 7, 12);

		// storytelling is nominal: counted, never averaged.
		expect(category(summary.categories, 'storytelling')).toEqual({
			category: 'storytelling',
			codes: 6,
			notApplicable: 0,
			distribution: [
				{ value: 0, count: 3 },
				{ value: 1, count: 3 }
			],
			mean: null
		});
		expect(category(summary.categories, 'respectGroups')).toMatchObject({ codes: 1, mean: 2 });
		// An ordinal category nobody coded: zero counts at every level, no mean.
		expect(category(summary.categories, 'participation')).toEqual({
			category: 'participation',
			codes: 0,
			notApplicable: 0,
			distribution: [
				{ value: 0, count: 0 },
				{ value: 1, count: 0 }
			],
			mean: null
		});
	});

	it('gives the ordinal means per organisation and per sector, nominal categories left out', () => {
		const summary = dqiSummary(twoCoders, contributions);
		expect(summary.byOrganisation.map((o) => o.organisation)).toEqual([
			'Health Board',
			'Riverside Council',
			"Tenants' Network",
			'Youth Forum'
		]);
		const council = summary.byOrganisation.find((o) => o.organisation === 'Riverside Council')!;
		expect(council.sector).toBe('Public');
		// c1: 2 and 2; c4: 3 (b's N/A left out) → 7/3.
		expect(council.means.justification).toBeCloseTo(7 / 3, 12);
		expect(council.means.respectGroups).toBeNull();
		expect(council.means).not.toHaveProperty('storytelling');
		expect(council.means).not.toHaveProperty('justificationContent');
		expect(Object.keys(council.means)).toHaveLength(7);
		const health = summary.byOrganisation.find((o) => o.organisation === 'Health Board')!;
		expect(health.means.justification).toBe(2);
		// An organisation that spoke but was not coded: means, all null.
		const tenants = summary.byOrganisation.find((o) => o.organisation === "Tenants' Network")!;
		expect(Object.values(tenants.means).every((m) => m === null)).toBe(true);

		expect(summary.bySector).toEqual([
			expect.objectContaining({
				sector: 'Community',
				means: expect.objectContaining({ justification: 0, respectGroups: 2 })
			}),
			expect.objectContaining({
				sector: 'Public',
				means: expect.objectContaining({ respectGroups: null })
			})
		]);
		// The levels behind each mean (to weight them when small groups are merged), and the people: with
		// no speaker given, each levelled contribution counts as its own.
		expect(summary.bySector[1].levels.justification).toBe(5);
		expect(summary.bySector[1].people).toBe(3);
		// Public: 2, 2, 1, 3, 3 → 11/5.
		expect(summary.bySector[1].means.justification).toBeCloseTo(11 / 5, 12);
	});

	it('counts a coder who marked everything not applicable without moving a distribution or mean', () => {
		const summary = dqiSummary([...twoCoders, ...allNotApplicable], contributions);
		expect(summary).toMatchObject({ coders: 3, codedContributions: 4 });
		const justification = category(summary.categories, 'justification');
		expect(justification).toMatchObject({ codes: 12, notApplicable: 5 });
		expect(justification.mean).toBeCloseTo(11 / 7, 12);
		expect(category(summary.categories, 'storytelling')).toMatchObject({
			codes: 9,
			notApplicable: 3
		});

		const alone = dqiSummary(allNotApplicable, contributions);
		expect(alone).toMatchObject({ coders: 1, codedContributions: 4 });
		for (const c of alone.categories) {
			expect(c.mean).toBeNull();
			expect(c.distribution.every((d) => d.count === 0)).toBe(true);
		}
		expect(category(alone.categories, 'justification').notApplicable).toBe(4);
		for (const o of alone.byOrganisation)
			expect(Object.values(o.means).every((m) => m === null)).toBe(true);
	});

	it('with no codes at all: counts of zero and no means', () => {
		const summary = dqiSummary([], contributions);
		expect(DqiView.parse({ ...summary, scope: 'none' })).toBeTruthy();
		expect(summary).toMatchObject({ coders: 0, contributions: 5, codedContributions: 0 });
		for (const c of summary.categories) {
			expect(c).toMatchObject({ codes: 0, notApplicable: 0, mean: null });
			expect(c.distribution.every((d) => d.count === 0)).toBe(true);
		}
		expect(summary.byOrganisation).toHaveLength(4);
		expect(summary.bySector.map((s) => s.sector)).toEqual(['Community', 'Public']);
	});

	it('with no contributions at all', () => {
		const summary = dqiSummary([], []);
		expect(summary).toMatchObject({ coders: 0, contributions: 0, codedContributions: 0 });
		expect(summary.byOrganisation).toEqual([]);
		expect(summary.bySector).toEqual([]);
	});

	it('leaves out codes on contributions it was not given', () => {
		const stray = [code('elsewhere', 'a', 'justification', 0), ...twoCoders];
		expect(dqiSummary(stray, contributions)).toEqual(dqiSummary(twoCoders, contributions));
	});
});

describe('agreement between coders', () => {
	it('with two coders: weighted kappa on ordinal categories, unweighted on nominal, N/A left out', () => {
		const agreement = agreementSummary(twoCoders, names, true);
		expect(AgreementView.parse(agreement)).toBeTruthy();
		expect(agreement).toMatchObject({ coders: 2, method: 'kappa' });

		// justification on c1 (2,2), c2 (1,3), c3 (0,0); c4 (3, N/A) is not a pair. Linear weights |i−j|:
		// observed (0 + 2 + 0)/3 = 6/9; a gave 0,1,2 once each, b 0,2,3 once each, so expected
		// Σ|i−j| over the 9 cross pairs / 9 = (0+2+3 + 1+1+2 + 2+0+1)/9 = 12/9; κ = 1 − 6/12 = 0.5.
		expect(category(agreement.categories, 'justification')).toEqual({
			category: 'justification',
			units: 3,
			value: 0.5
		});
		// storytelling, unweighted: p_o = 2/3; a said no 1 yes 2, b no 2 yes 1;
		// p_e = (1·2 + 2·1)/9 = 4/9; κ = (6/9 − 4/9)/(5/9) = 0.4.
		const storytelling = category(agreement.categories, 'storytelling');
		expect(storytelling.units).toBe(3);
		expect(storytelling.value).toBeCloseTo(0.4, 12);
		// respect toward groups: coded by one coder only.
		expect(category(agreement.categories, 'respectGroups')).toMatchObject({
			units: 0,
			value: null
		});
		expect(category(agreement.categories, 'interactivity')).toMatchObject({
			units: 0,
			value: null
		});
	});

	it('lists disagreements, N/A against a level included, with values only when they may be shown', () => {
		expect(agreementSummary(twoCoders, names, true).disagreements).toEqual([
			{
				contributionId: 'c2',
				category: 'justification',
				values: [
					{ coder: 'Reviewer One', value: 1 },
					{ coder: 'Reviewer Two', value: 3 }
				]
			},
			{
				contributionId: 'c2',
				category: 'storytelling',
				values: [
					{ coder: 'Reviewer One', value: 1 },
					{ coder: 'Reviewer Two', value: 0 }
				]
			},
			{
				contributionId: 'c4',
				category: 'justification',
				values: [
					{ coder: 'Reviewer One', value: 3 },
					{ coder: 'Reviewer Two', value: null }
				]
			}
		]);
		expect(agreementSummary(twoCoders, names, false).disagreementCount).toBe(3);
		expect(agreementSummary(twoCoders, names, false).disagreements).toEqual([
			{ contributionId: 'c2', category: 'justification', values: null },
			{ contributionId: 'c2', category: 'storytelling', values: null },
			{ contributionId: 'c4', category: 'justification', values: null }
		]);
	});

	it('with three coders: alpha, the all-N/A coder missing from the figure but disagreeing in the list', () => {
		const agreement = agreementSummary([...twoCoders, ...allNotApplicable], names, true);
		expect(AgreementView.parse(agreement)).toBeTruthy();
		expect(agreement).toMatchObject({ coders: 3, method: 'alpha' });
		// Ordinal alpha on c1 (2,2), c2 (1,3), c3 (0,0): coincidences o00 = 2, o22 = 2, o13 = o31 = 1;
		// n_c = 2,1,2,1, n = 6. δ²13 = (1+2+1 − 1)² = 9, so Σ o δ² = 2·9 = 18. δ²01 = δ²12 = δ²23 = 1.5²,
		// δ²02 = δ²13 = 3², δ²03 = 4.5²; Σ n_c n_k δ² = 2·(2·2.25 + 4·9 + 2·20.25 + 2·2.25 + 1·9 + 2·2.25)
		// = 198; α = 1 − (n − 1)·18/198 = 1 − 90/198 = 6/11.
		const justification = category(agreement.categories, 'justification');
		expect(justification.units).toBe(3);
		expect(justification.value).toBeCloseTo(6 / 11, 12);
		// Nominal alpha on storytelling: o00 = 2, o01 = o10 = 1, o11 = 2; α = 1 − 5·2/(2·3·3) = 4/9.
		expect(category(agreement.categories, 'storytelling').value).toBeCloseTo(4 / 9, 12);

		// Every cell the third coder marked N/A where the others gave levels is now a disagreement.
		expect(agreement.disagreements.map((d) => `${d.contributionId} ${d.category}`)).toEqual([
			'c1 justification',
			'c1 storytelling',
			'c2 justification',
			'c2 storytelling',
			'c3 justification',
			'c3 storytelling',
			'c4 justification'
		]);
		expect(agreement.disagreements[0].values).toEqual([
			{ coder: 'Reviewer One', value: 2 },
			{ coder: 'Reviewer Two', value: 2 },
			{ coder: 'Reviewer Three', value: null }
		]);
	});

	it('with a second coder who marked everything N/A: kappa has nothing to compare (null, not NaN or 0)', () => {
		const onlyA = twoCoders.filter((c) => c.coderId === 'a');
		const agreement = agreementSummary([...onlyA, ...allNotApplicable], names, true);
		expect(AgreementView.parse(agreement)).toBeTruthy();
		expect(agreement).toMatchObject({ coders: 2, method: 'kappa' });
		for (const c of agreement.categories) expect(c).toMatchObject({ units: 0, value: null });
		expect(agreement.disagreements).toHaveLength(7);
	});

	it('agreeing coders who both gave one level throughout: no variation, so no figure', () => {
		const same = ['c1', 'c2', 'c3'].flatMap((id) => [
			code(id, 'a', 'participation', 1),
			code(id, 'b', 'participation', 1)
		]);
		const agreement = agreementSummary(same, names, true);
		expect(category(agreement.categories, 'participation')).toEqual({
			category: 'participation',
			units: 3,
			value: null
		});
		expect(agreement.disagreements).toEqual([]);
	});

	it('with one coder or no codes at all: no method and no figures', () => {
		const one = agreementSummary(
			twoCoders.filter((c) => c.coderId === 'a'),
			names,
			true
		);
		expect(one).toMatchObject({ coders: 1, method: null, disagreements: [] });
		expect(one.categories.every((c) => c.value === null)).toBe(true);

		const none = agreementSummary([], names, true);
		expect(AgreementView.parse(none)).toBeTruthy();
		expect(none).toEqual({
			coders: 0,
			method: null,
			categories: DQI_KEYS.map((key) => ({ category: key, units: 0, value: null })),
			disagreementCount: 0,
			disagreementsListed: true,
			disagreements: []
		});
	});
});
