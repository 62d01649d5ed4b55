// A meeting review's figures as CSV in long format (section, measure, group, value): one row per number,
// so every chart's numbers can be downloaded and any section filtered or pivoted in a spreadsheet. Server
// side: written with src/lib/csv.ts's writer, which neutralises cells a spreadsheet would run as formulas.
// Shares stay 0..1; a blank value is a share of nothing (the pages' "–").
import { z } from 'zod';
import type { MeetingReviewView } from './views.ts';
import { toCsv, type Cell, type CsvFile } from '../csv.ts';
import { EVIDENCE_KINDS, ITEM_PURPOSES, SECTORS, STANDINGS } from '../vocabulary.ts';

export const REVIEW_SECTIONS = [
	'participation',
	'scrutiny',
	'evidence',
	'forumVoice',
	'timeUse',
	'dqi',
	'agreement',
	'survey'
] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];

export const MeasuresCsvQuery = z.object({
	section: z
		.enum(REVIEW_SECTIONS, { error: `Choose a section: ${REVIEW_SECTIONS.join(', ')}` })
		.optional()
});

export const REVIEW_CSV_HEADER = ['section', 'measure', 'group', 'value'];

type Row = [measure: string, group: string, value: Cell];

const label = (words: Record<string, string>, key: string) => words[key] ?? key;
const sector = (key: string) => label(SECTORS, key);
const standing = (key: string) => label(STANDINGS, key);
const purpose = (key: string) => label(ITEM_PURPOSES, key);
const kind = (key: string) => (key === 'UNSPECIFIED' ? 'Not given' : label(EVIDENCE_KINDS, key));
const rounded = (value: Cell): Cell =>
	typeof value === 'number' && !Number.isInteger(value)
		? Math.round(value * 10_000) / 10_000
		: value;

/** The small-groups rule beside the figures by organisation and sector (review/small-groups.ts). */
const smallGroupsRow = (review: MeetingReviewView): Row => [
	`note.smallGroups.${review.smallGroups.view}`,
	'',
	review.smallGroups.note
];

function sectionRows(review: MeetingReviewView, section: ReviewSection): Row[] {
	switch (section) {
		case 'participation': {
			const p = review.participation;
			const counts = [
				'seats',
				'present',
				'turns',
				'seconds',
				'seatShare',
				'turnShare',
				'timeShare'
			] as const;
			return [
				...p.byOrganisation.flatMap((o) =>
					counts.map((m): Row => [`byOrganisation.${m}`, o.organisation, o[m]])
				),
				...p.bySector.flatMap((s) =>
					counts.map((m): Row => [`bySector.${m}`, sector(s.sector), s[m]])
				),
				...p.byStanding.flatMap((s) =>
					counts.map((m): Row => [`byStanding.${m}`, standing(s.standing), s[m]])
				),
				...p.byOrganisationAndStanding.flatMap((o) =>
					counts.map((m): Row => [
						`byOrganisationAndStanding.${m}`,
						`${o.organisation} / ${standing(o.standing)}`,
						o[m]
					])
				),
				['gini', '', p.gini],
				['membersPresent', '', p.membersPresent],
				['silentMembers', '', p.silentMembers],
				['community.seatShare', '', p.community.seatShare],
				['community.turnShare', '', p.community.turnShare],
				['community.timeShare', '', p.community.timeShare],
				['thirdSector.seatShare', '', p.thirdSector.seatShare],
				['thirdSector.turnShare', '', p.thirdSector.turnShare],
				['thirdSector.timeShare', '', p.thirdSector.timeShare],
				smallGroupsRow(review)
			];
		}
		case 'scrutiny': {
			const s = review.scrutiny;
			return [
				['decisionItems', '', s.decisionItems],
				['challenges', '', s.challenges],
				['challengesPerDecisionItem', '', s.challengesPerDecisionItem],
				['answered', '', s.answered],
				['answeredShare', '', s.answeredShare],
				['changedDecision', '', s.changedDecision],
				['changedDecisionShare', '', s.changedDecisionShare],
				...s.byItem.map((i): Row => ['byItem.challenges', i.title, i.challenges]),
				...s.matrix.sectors.flatMap((from, r) =>
					s.matrix.sectors.map((to, c): Row => [
						'matrix.challenges',
						`${sector(from)} → ${sector(to)}`,
						s.matrix.counts[r][c]
					])
				),
				...s.matrix.sectors.map((from, r): Row => [
					'matrix.undirected',
					sector(from),
					s.matrix.undirected[r]
				]),
				['unchallengedDecisions', '', s.unchallenged.length],
				...s.unchallenged.map((d): Row => ['unchallenged', d.title, 1]),
				smallGroupsRow(review)
			];
		}
		case 'evidence': {
			const e = review.evidence;
			return [
				['decisions', '', e.decisions],
				['citingEvidence', '', e.citingEvidence],
				['citingShare', '', e.citingShare],
				...e.kinds.map((k): Row => ['kinds.count', kind(k.kind), k.count]),
				['papers', '', e.papers],
				['latePapers', '', e.latePapers],
				['lateShare', '', e.lateShare],
				['lateDays', '', e.lateDays]
			];
		}
		case 'forumVoice': {
			const f = review.forumVoice;
			return [
				['decisions', '', f.decisions],
				['answeringPriority', '', f.answeringPriority],
				['answeringShare', '', f.answeringShare],
				['medianDaysToDecision', '', f.medianDaysToDecision],
				['responsesPublished', '', f.responsesPublished],
				['influenceCompared', '', f.influenceCompared],
				['influenceKept', '', f.influenceKept],
				['influenceLess', '', f.influenceLess],
				['influenceKeptShare', '', f.influenceKeptShare],
				...f.priorities.flatMap((p): Row[] => [
					['priority.daysToDecision', p.title, p.daysToDecision],
					['priority.responsePublished', p.title, p.responsePublished],
					['priority.influence', p.title, p.influenceWords]
				])
			];
		}
		case 'timeUse': {
			const t = review.timeUse;
			return [
				...t.items.flatMap((i): Row[] => [
					['item.allotted', i.title, i.allotted],
					['item.used', i.title, i.used]
				]),
				...t.byPurpose.flatMap((p): Row[] => [
					['purpose.allotted', purpose(p.purpose), p.allotted],
					['purpose.used', purpose(p.purpose), p.used]
				]),
				['informationShare', '', t.informationShare],
				['decisionShare', '', t.decisionShare]
			];
		}
		case 'dqi': {
			const d = review.dqi;
			return [
				['coders', '', d.coders],
				['contributions', '', d.contributions],
				['codedContributions', '', d.codedContributions],
				...d.categories.flatMap((c): Row[] => [
					['category.codes', c.category, c.codes],
					['category.notApplicable', c.category, c.notApplicable],
					['category.mean', c.category, c.mean],
					...c.distribution.map((l): Row => ['category.level', `${c.category}=${l.value}`, l.count])
				]),
				...d.byOrganisation.flatMap((o) =>
					Object.entries(o.means).map(([category, mean]): Row => [
						'byOrganisation.mean',
						`${o.organisation} / ${category}`,
						mean
					])
				),
				...d.bySector.flatMap((s) =>
					Object.entries(s.means).map(([category, mean]): Row => [
						'bySector.mean',
						`${sector(s.sector)} / ${category}`,
						mean
					])
				),
				smallGroupsRow(review)
			];
		}
		case 'agreement': {
			const a = review.agreement;
			return [
				['coders', '', a.coders],
				['method', '', a.method],
				...a.categories.flatMap((c): Row[] => [
					['category.units', c.category, c.units],
					['category.value', c.category, c.value]
				]),
				['disagreements', '', a.disagreementCount]
			];
		}
		case 'survey': {
			const s = review.survey;
			return [
				['eligible', '', s.eligible],
				['responses', '', s.responses],
				['shown', '', s.shown],
				...s.statements.flatMap((st): Row[] => [
					['statement.answered', st.key, st.answered],
					['statement.mean', st.key, st.mean],
					...st.distribution.map((count, i): Row => [
						'statement.level',
						`${st.key}=${i + 1}`,
						count
					])
				])
			];
		}
	}
}

/** The rows of one section, or of every section in order. */
export function reviewCsvRows(review: MeetingReviewView, section?: ReviewSection): Cell[][] {
	return (section ? [section] : REVIEW_SECTIONS).flatMap((s) =>
		sectionRows(review, s).map(([measure, group, value]) => [s, measure, group, rounded(value)])
	);
}

export function reviewCsv(review: MeetingReviewView, section?: ReviewSection): CsvFile {
	return {
		name: `review-${review.meeting.id}${section ? `-${section}` : ''}.csv`,
		text: toCsv(REVIEW_CSV_HEADER, reviewCsvRows(review, section))
	};
}
