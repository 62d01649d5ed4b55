// The partnership summary's sentences: written from the figures, only where the figures exist.
import { describe, expect, it } from 'vitest';
import { percent, decimal, csvDataUri } from '../../src/lib/components/charts/format.ts';
import { periodSentences } from '../../src/lib/components/review/sentences.ts';
import type { ReviewSummaryView } from '../../src/lib/review/views.ts';

const none = {
	gini: null,
	communitySeatShare: null,
	communityTimeShare: null,
	thirdSectorSeatShare: null,
	thirdSectorTimeShare: null,
	challengesPerDecisionItem: null,
	answeredShare: null,
	changedDecisionShare: null,
	citingEvidenceShare: null,
	latePaperShare: null,
	answeringPriorityShare: null,
	informationShare: null,
	dqiMeans: {},
	surveyMeans: {}
};
const period = (over: Partial<ReviewSummaryView['totals']>): ReviewSummaryView['totals'] => ({
	bodies: 1,
	meetings: 5,
	published: 2,
	decisions: 8,
	challenges: 6,
	prioritiesDecided: 0,
	averages: none,
	...over
});

describe('figures as text', () => {
	it('prints shares as whole percentages and nothing to divide as a dash', () => {
		expect([percent(0.2), percent(0), percent(null), percent(0.004), percent(1)]).toEqual([
			'20%',
			'0%',
			'–',
			'<1%',
			'100%'
		]);
		expect([decimal(1.25, 2), decimal(null), decimal(3)]).toEqual(['1.25', '–', '3.0']);
	});

	it('neutralises formulas and quotes commas in a page-made CSV', () => {
		const text = decodeURIComponent(
			csvDataUri([
				['Organisation', 'Share'],
				['=HYPERLINK("x")', 0.5],
				['Health, and care', null]
			])
				.split(',')
				.slice(1)
				.join(',')
		);
		expect(text).toBe('Organisation,Share\r\n"\'=HYPERLINK(""x"")",0.5\r\n"Health, and care",\r\n');
	});
});

describe('periodSentences', () => {
	it('writes the community and the third sector’s shares of time apart, across the meetings', () => {
		const sentences = periodSentences(
			period({ averages: { ...none, communityTimeShare: 0.04, thirdSectorTimeShare: 0.12 } }),
			'of the Partnership Board'
		);
		expect(sentences[0]).toBe(
			'Across 5 meetings of the Partnership Board, community members spoke for 4% of the speaking time, and third-sector members spoke for 12% of the speaking time, on average.'
		);
		expect(sentences.join(' ')).not.toMatch(/community and third/i);
	});

	it('sets the time beside the seats they held, when the seats are known', () => {
		const [first] = periodSentences(
			period({
				averages: {
					...none,
					communitySeatShare: 0.1,
					communityTimeShare: 0.05,
					thirdSectorSeatShare: 0.2,
					thirdSectorTimeShare: 0.17
				}
			}),
			'of the Partnership Board'
		);
		expect(first).toBe(
			'Across 5 meetings of the Partnership Board, community members held 10% of the seats and spoke for 5% of the speaking time, and third-sector members held 20% of the seats and spoke for 17% of the speaking time, on average.'
		);
	});

	it('gives the DQI means of the published reviews against each scale, ordinal categories only', () => {
		const sentences = periodSentences(
			period({ averages: { ...none, dqiMeans: { justification: 1.62, interactivity: 1 } } }),
			'of the board'
		);
		expect(sentences).toContain(
			'In the published reviews, coders rated contributions on average at 1.6 of 3 for level of justification, 1.0 of 3 for interactivity (Discourse Quality Index).'
		);
	});

	it('leaves out a sentence whose figure is missing, and says so when no time was recorded', () => {
		const sentences = periodSentences(period({ decisions: 0 }), 'of the board');
		expect(sentences).toEqual(['Across 5 meetings of the board, no speaking time was recorded.']);
	});

	it('writes nothing for a period with no meetings', () => {
		expect(periodSentences(period({ meetings: 0 }), 'of the board')).toEqual([]);
	});

	it('counts in the singular and quotes the survey statements', () => {
		const sentences = periodSentences(
			period({
				meetings: 1,
				decisions: 1,
				challenges: 1,
				averages: {
					...none,
					answeredShare: 1,
					changedDecisionShare: 0,
					surveyMeans: { scrutiny: 3.75 }
				}
			}),
			'of the board',
			'BOARD'
		);
		expect(sentences).toContain('1 decision was taken and 1 challenge was raised.');
		expect(sentences).toContain(
			'On average 100% of challenges were answered and 0% changed a decision.'
		);
		expect(sentences).toContain(
			'Members rated “The board properly scrutinises policies and decisions” at 3.8 out of 5 on average.'
		);
	});

	it('words the survey’s statements for the kind of body, or for any body across several', () => {
		const figures = period({
			averages: { ...none, surveyMeans: { scrutiny: 4, forumsFeedIn: 2.5 } }
		});
		expect(periodSentences(figures, 'of the Health Theme Group', 'THEME_GROUP')).toEqual(
			expect.arrayContaining([
				'Members rated “The theme group properly scrutinises policies and decisions” at 4.0 out of 5 on average.',
				'Members rated “Priorities from local forums feed clearly into the work of the theme group” at 2.5 out of 5 on average.'
			])
		);
		expect(periodSentences(figures, 'of the Riverside Forum', 'LOCALITY_FORUM')).toContain(
			'Members rated “The forum’s priorities feed clearly into the partnership’s work” at 2.5 out of 5 on average.'
		);
		const across = periodSentences(figures, 'of 4 bodies in the partnership');
		expect(across).toContain(
			'Members rated “The body that met properly scrutinises policies and decisions” at 4.0 out of 5 on average.'
		);
		expect(across.join(' ')).not.toMatch(/board/);
	});
});

describe('a sector merged for being small (issue 17)', () => {
	it('says the community’s figures are within Other rather than printing a dash', () => {
		const [first] = periodSentences(
			period({
				averages: { ...none, thirdSectorSeatShare: 0.25, thirdSectorTimeShare: 0.4 }
			}),
			'of the Partnership Board'
		);
		expect(first).toBe(
			'Across 5 meetings of the Partnership Board, community members’ figures are merged into ' +
				'“Other (small groups merged)”, and third-sector members held 25% of the seats ' +
				'and spoke for 40% of the speaking time, on average.'
		);
	});
});
