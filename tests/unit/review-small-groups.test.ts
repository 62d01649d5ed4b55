// The small-groups rule (issue 17): figures by organisation or sector merged into "Other" where fewer
// than 3 people contributed, counts summed, shares and means recomputed from the counts behind them.
import { describe, expect, it } from 'vitest';
import {
	OTHER_GROUPS,
	mergeSmallGroups,
	mergedDqi,
	mergedParticipation,
	mergedScrutiny
} from '../../src/lib/review/small-groups.ts';
import {
	participation,
	scrutiny,
	type MemberRecord
} from '../../src/lib/review/record-measures.ts';
import { dqiSummary, type CodeRow } from '../../src/lib/review/dqi-summary.ts';
import { DqiView, ParticipationView, ScrutinyView } from '../../src/lib/review/views.ts';

type Row = { name: string; people: number; turns: number; turnShare: number | null };
const RULE = {
	counts: ['people', 'turns'],
	shares: [{ share: 'turnShare', of: 'turns' }],
	other: { name: OTHER_GROUPS }
} as const;
const rows = (list: [string, number, number][]): Row[] => {
	const total = list.reduce((s, [, , t]) => s + t, 0);
	return list.map(([name, people, turns]) => ({ name, people, turns, turnShare: turns / total }));
};

describe('mergeSmallGroups', () => {
	it('sums the counts of groups of fewer than 3 people into one Other row, put last', () => {
		const merged = mergeSmallGroups(
			rows([
				['Council', 4, 10],
				['Health', 1, 6],
				['Tenants', 2, 3],
				['Police', 3, 1]
			]),
			(r) => r.people,
			RULE
		);
		expect(merged.merged).toBe(2);
		expect(merged.rows.map((r) => r.name)).toEqual(['Council', 'Police', OTHER_GROUPS]);
		expect(merged.rows[2]).toEqual({ name: OTHER_GROUPS, people: 3, turns: 9, turnShare: 9 / 20 });
	});

	it('keeps the shares adding up to 100 %', () => {
		const merged = mergeSmallGroups(
			rows([
				['A', 5, 7],
				['B', 1, 2],
				['C', 2, 5],
				['D', 1, 1]
			]),
			(r) => r.people,
			RULE
		);
		const total = merged.rows.reduce((s, r) => s + (r.turnShare ?? 0), 0);
		expect(total).toBeCloseTo(1, 10);
	});

	it('merges nothing when every group has 3 people or more', () => {
		const list = rows([
			['A', 3, 4],
			['B', 7, 6]
		]);
		const merged = mergeSmallGroups(list, (r) => r.people, RULE);
		expect(merged).toEqual({ rows: list, merged: 0 });
	});

	it('labels a single small group Other too, with the next smallest group so Other is never one partner', () => {
		const merged = mergeSmallGroups(
			rows([
				['A', 6, 4],
				['B', 4, 2],
				['Lone partner', 1, 4]
			]),
			(r) => r.people,
			RULE
		);
		expect(merged.rows.map((r) => r.name)).toEqual(['A', OTHER_GROUPS]);
		expect(JSON.stringify(merged.rows)).not.toContain('Lone partner');
		// B (4 people, the smallest of the rest) joins the lone partner: Other is 5 people, not 1.
		expect(merged.rows[1]).toMatchObject({ people: 5, turns: 6, turnShare: 0.6 });
		expect(merged.merged).toBe(2);
	});

	it('merges every group when there are not 3 people outside Other', () => {
		const merged = mergeSmallGroups(
			rows([
				['A', 3, 5],
				['Lone partner', 1, 5]
			]),
			(r) => r.people,
			RULE
		);
		expect(merged.rows).toEqual([{ name: OTHER_GROUPS, people: 4, turns: 10, turnShare: 1 }]);
	});

	it('weights means by the counts behind them, not averaging the averages', () => {
		type M = { name: string; people: number; mean: number | null; n: number };
		const merged = mergeSmallGroups<M>(
			[
				{ name: 'A', people: 1, mean: 3, n: 1 },
				{ name: 'B', people: 2, mean: 1, n: 3 },
				{ name: 'C', people: 1, mean: null, n: 0 }
			],
			(r) => r.people,
			{ counts: ['people'], means: [{ means: 'mean', weights: 'n' }], other: { name: 'Other' } }
		);
		// (3×1 + 1×3) / 4 = 1.5, not (3 + 1) / 2 = 2; the group with no mean adds nothing.
		expect(merged.rows).toEqual([{ name: 'Other', people: 4, mean: 1.5, n: 4 }]);
	});
});

const member = (
	id: string,
	organisation: string,
	sector: string,
	attendance: string | null = 'PRESENT'
): MemberRecord => ({
	membershipId: id,
	organisationId: organisation,
	organisation,
	sector,
	seatRole: 'MEMBER',
	attendance
});
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));
const turn = (membershipId: string, from: number, to: number) => ({
	membershipId,
	agendaItemId: 'i1',
	startedAt: at(from),
	endedAt: at(to),
	cancelledAt: null
});

describe('a review as members read it', () => {
	// Council: 3 present; Health Board: 1; Tenants (community): 2 present and 1 absent seat holder;
	// Youth Forum (community): 1.
	const members = [
		member('c1', 'Council', 'COUNCIL'),
		member('c2', 'Council', 'COUNCIL'),
		member('c3', 'Council', 'COUNCIL'),
		member('h1', 'Health Board', 'HEALTH'),
		member('t1', 'Tenants', 'COMMUNITY'),
		member('t2', 'Tenants', 'COMMUNITY'),
		member('t3', 'Tenants', 'COMMUNITY', null),
		member('y1', 'Youth Forum', 'COMMUNITY')
	];
	const turns = [turn('c1', 0, 10), turn('h1', 10, 40), turn('t1', 40, 50), turn('y1', 50, 70)];
	const full = participation(members, turns);

	it('counts the people who took part, not absent seat holders', () => {
		expect(full.byOrganisation.map((o) => [o.organisation, o.people])).toEqual([
			['Council', 3],
			['Health Board', 1],
			['Tenants', 2],
			['Youth Forum', 1]
		]);
	});

	it('merges participation by organisation, keeps sectors of 3 or more apart, and still parses', () => {
		const { view, merged } = mergedParticipation(full);
		expect(merged).toBe(true);
		expect(ParticipationView.parse(view)).toEqual(view);
		expect(view.byOrganisation.map((o) => o.organisation)).toEqual(['Council', OTHER_GROUPS]);
		const other = view.byOrganisation[1];
		expect(other).toMatchObject({ organisationId: '', people: 4, seats: 5, present: 4, turns: 3 });
		expect(other.seconds).toBe(60);
		expect(other.timeShare).toBeCloseTo(60 / 70);
		expect(other.seatShare).toBeCloseTo(5 / 8);
		// Community has 3 people (Tenants 2, Youth Forum 1): kept apart. Health (1) alone would be one
		// person under another name: the smallest other sector (Council, 3, first of the two) joins it.
		expect(view.bySector.map((s) => s.sector)).toEqual(['COMMUNITY', OTHER_GROUPS]);
		expect(view.bySector[1].people).toBe(4);
		expect(view.community).toEqual(full.community);
		const shares = view.bySector.reduce((s, r) => s + (r.timeShare ?? 0), 0);
		expect(shares).toBeCloseTo(1);
	});

	it('a sector merged into Other has no community figure of its own', () => {
		const few = participation(members.slice(0, 6), turns);
		const { view } = mergedParticipation(few);
		expect(view.community).toEqual({ seatShare: null, turnShare: null, timeShare: null });
		expect(few.community.timeShare).not.toBeNull();
	});

	it('merges the who-challenged-whom matrix both ways', () => {
		const s = scrutiny(
			[{ id: 'i1', title: 'Budget', purpose: 'DECISION', minutes: 10 }],
			[],
			[
				...['c1', 'c2', 'c3'].map((id) => ({
					agendaItemId: 'i1',
					challengerSector: 'COUNCIL',
					challengerId: id,
					challengedSector: 'HEALTH',
					challengedId: 'h1',
					responses: []
				})),
				{
					agendaItemId: 'i1',
					challengerSector: 'COMMUNITY',
					challengerId: 't1',
					challengedSector: 'COUNCIL',
					challengedId: 'c1',
					responses: []
				},
				{
					agendaItemId: 'i1',
					challengerSector: 'COMMUNITY',
					challengerId: 't1',
					challengedSector: null,
					responses: []
				},
				{
					agendaItemId: 'i1',
					challengerSector: 'POLICE',
					challengerId: 'p1',
					challengedSector: 'COUNCIL',
					challengedId: 'c2',
					responses: []
				}
			]
		);
		expect(s.matrix.sectors).toEqual(['COUNCIL', 'HEALTH', 'POLICE', 'COMMUNITY']);
		expect(s.matrix.people).toEqual([3, 1, 1, 1]);
		const { view } = mergedScrutiny(s);
		expect(ScrutinyView.parse(view)).toEqual(view);
		expect(view.matrix.sectors).toEqual(['COUNCIL', OTHER_GROUPS]);
		// Council → Health (3) becomes Council → Other; Community → Council and Police → Council (1 each)
		// Other → Council. Health, Community and Police (1 person each) make an Other of 3.
		expect(view.matrix.counts).toEqual([
			[0, 3],
			[2, 0]
		]);
		expect(view.matrix.undirected).toEqual([0, 1]);
		expect(view.matrix.people).toEqual([3, 3]);
		expect(view.challenges).toBe(6);
	});

	it('merges mean DQI codes by organisation, weighted by the levels coded', () => {
		const contributions = [
			{ id: 'k1', organisation: 'Council', sector: 'COUNCIL', speakerId: 'c1' },
			{ id: 'k2', organisation: 'Council', sector: 'COUNCIL', speakerId: 'c2' },
			{ id: 'k3', organisation: 'Council', sector: 'COUNCIL', speakerId: 'c3' },
			{ id: 'k4', organisation: 'Health Board', sector: 'HEALTH', speakerId: 'h1' },
			{ id: 'k5', organisation: 'Health Board', sector: 'HEALTH', speakerId: 'h1' },
			{ id: 'k6', organisation: 'Tenants', sector: 'COMMUNITY', speakerId: 't1' },
			{ id: 'k7', organisation: 'Police', sector: 'POLICE', speakerId: 'p1' }
		];
		const code = (contributionId: string, value: number): CodeRow => ({
			contributionId,
			coderId: 'a',
			category: 'justification',
			value,
			notApplicable: false
		});
		const summary = {
			scope: 'all' as const,
			...dqiSummary(
				[
					code('k1', 1),
					code('k2', 2),
					code('k3', 3),
					code('k4', 3),
					code('k5', 3),
					code('k6', 0),
					code('k7', 0)
				],
				contributions
			)
		};
		expect(summary.byOrganisation.map((o) => [o.organisation, o.people])).toEqual([
			['Council', 3],
			['Health Board', 1],
			['Police', 1],
			['Tenants', 1]
		]);
		const { view } = mergedDqi(summary);
		expect(DqiView.parse(view)).toEqual(view);
		expect(view.byOrganisation.map((o) => o.organisation)).toEqual(['Council', OTHER_GROUPS]);
		// Health Board's two codes of 3, Tenants' and Police's one 0 each: (3 + 3 + 0 + 0) / 4 = 1.5, not
		// (3 + 0 + 0) / 3 = 1.
		expect(view.byOrganisation[1].means.justification).toBe(1.5);
		expect(view.byOrganisation[1].levels.justification).toBe(4);
		expect(view.byOrganisation[1].people).toBe(3);
	});
});
