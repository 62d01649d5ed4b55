// Plain sentences from a partnership's review figures, for a CPP to paste into its annual outcome report.
// Each sentence is written only when its figures exist, and says "on average" because the figures are
// the means of the meetings' own figures, not pooled counts.
import { DQI } from '$lib/review/dqi';
import { OTHER_GROUPS } from '$lib/review/small-groups';
import { surveyStatements } from '$lib/review/survey';
import type { BodyKind } from '$lib/vocabulary';
import type { ReviewSummaryView } from '$lib/review/views';
import { decimal, percent } from '$lib/components/charts/format';

type Period = Omit<ReviewSummaryView['totals'], 'bodies'>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Across 5 meetings of the Partnership Board", or "Across 12 meetings of 4 bodies". */
function across(n: number, where: string): string {
	return `Across ${plural(n, 'meeting', 'meetings')} ${where}`;
}

/**
 * The sentences for a period's figures `where` they were gathered; `kind` words the survey's statements
 * for that kind of body (left out for figures over several bodies).
 */
export function periodSentences(figures: Period, where: string, kind?: BodyKind | null): string[] {
	const a = figures.averages;
	if (figures.meetings === 0) return [];
	const out: string[] = [];
	const lead = across(figures.meetings, where);
	// Community and third sector apart: one figure for both would hide weak community representation
	// behind a strong third sector (the officials' survey found exactly that at boards).
	// With speaking time recorded, a share of none means fewer than 3 of them took part at every meeting:
	// merged with the other small groups for readers (review/small-groups.ts), so no figure of their own.
	const voice = (who: string, seats: number | null, time: number | null) =>
		time === null
			? `${who} members’ figures are merged into “${OTHER_GROUPS}”`
			: `${who} members ` +
				(seats !== null ? `held ${percent(seats)} of the seats and ` : '') +
				`spoke for ${percent(time)} of the speaking time`;
	if (a.communityTimeShare !== null || a.thirdSectorTimeShare !== null)
		out.push(
			`${lead}, ${voice('community', a.communitySeatShare, a.communityTimeShare)}, and ` +
				`${voice('third-sector', a.thirdSectorSeatShare, a.thirdSectorTimeShare)}, on average.`
		);
	else out.push(`${lead}, no speaking time was recorded.`);
	if (a.gini !== null)
		out.push(
			`Speaking time among the members present had an average Gini coefficient of ${decimal(a.gini, 2)} (0 means everyone spoke for as long; 1 means one person did all the talking).`
		);
	if (figures.decisions > 0) {
		const parts = [
			`${plural(figures.decisions, 'decision was', 'decisions were')} taken and ${plural(figures.challenges, 'challenge was', 'challenges were')} raised`
		];
		if (a.challengesPerDecisionItem !== null)
			parts.push(`${decimal(a.challengesPerDecisionItem)} per decision item on average`);
		out.push(`${parts.join(', ')}.`);
	}
	if (a.answeredShare !== null && a.changedDecisionShare !== null)
		out.push(
			`On average ${percent(a.answeredShare)} of challenges were answered and ${percent(a.changedDecisionShare)} changed a decision.`
		);
	if (a.citingEvidenceShare !== null)
		out.push(`On average ${percent(a.citingEvidenceShare)} of decisions cited evidence.`);
	if (a.latePaperShare !== null)
		out.push(`On average ${percent(a.latePaperShare)} of papers were tabled late.`);
	if (a.answeringPriorityShare !== null)
		out.push(
			`On average ${percent(a.answeringPriorityShare)} of decisions answered a priority raised by a local forum` +
				(figures.prioritiesDecided
					? `, and ${plural(figures.prioritiesDecided, 'forum priority was', 'forum priorities were')} decided.`
					: '.')
		);
	if (a.informationShare !== null)
		out.push(
			`On average ${percent(a.informationShare)} of meeting time went on items for information rather than decision.`
		);
	const rated = DQI.filter((c) => c.scale === 'ordinal' && typeof a.dqiMeans[c.key] === 'number');
	if (rated.length)
		out.push(
			`In the published reviews, coders rated contributions on average at ` +
				rated
					.map(
						(c) =>
							`${decimal(a.dqiMeans[c.key] as number)} of ${c.levels.length - 1} for ${c.name.toLowerCase()}`
					)
					.join(', ') +
				' (Discourse Quality Index).'
		);
	for (const s of surveyStatements(kind)) {
		const mean = a.surveyMeans[s.key];
		if (mean !== null && mean !== undefined)
			out.push(
				`Members rated “${s.text.replace(/\.$/, '')}” at ${decimal(mean)} out of 5 on average.`
			);
	}
	return out;
}

/** Where the figures come from, in the words of the sentence: a body's meetings or the partnership's. */
export function bodyPlace(body: { name: string }): string {
	return `of ${body.name}`;
}

export function partnershipPlace(bodies: number): string {
	return `of ${plural(bodies, 'body', 'bodies')} in the partnership`;
}
