// The endpoints of a meeting's review: the members' survey, DQI coding, publication, notes, the figures and
// the trends across meetings.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { MeasuresCsvQuery } from '../../review/csv.ts';
import { MeetingReviewView, ReviewSummaryView, ReviewTrendsView } from '../../review/views.ts';
import { CodeView, CodesView, RecordCodesInput } from './codes.ts';
import {
	AddReviewNoteInput,
	PublicationView,
	PublishReviewInput,
	ReopenReviewInput,
	ReviewNoteView
} from './publication.ts';
import { PseudonymKeyView } from './pseudonyms.ts';
import { AnswerSurveyInput, SurveyView } from './survey.ts';
import { ReviewSummaryQuery } from './trends.ts';
import { IN_PARTNERSHIP, PARTNERSHIP_API, defineRoutes } from '../platform/index.ts';

const P = PARTNERSHIP_API;
const inPartnership = IN_PARTNERSHIP;

export const reviewApi = defineRoutes({
	getSurvey: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/survey',
		summary:
			'The members’ anonymous survey of a closed meeting: its statements and whether the caller may ' +
			'answer (open), has answered, or was not present as a member; never anyone’s answers',
		tag: 'Review',
		response: SurveyView,
		errors: [409, 404]
	},
	answerSurvey: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/survey',
		summary:
			'Answer a closed meeting’s survey, once (members present only). The answers are stored apart ' +
			'from who gave them, with no time; a second answer is refused (409)',
		tag: 'Review',
		body: AnswerSurveyInput,
		response: z.object({ received: z.literal(true) }),
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	recordCodes: {
		method: 'POST',
		path: '/api/v1/contributions/{id}/codes',
		summary:
			'Code a spoken contribution of a closed meeting on DQI categories (reviewers): each code a level ' +
			'(its index in the category’s scale) or not applicable, never both; a level is backed by its note ' +
			'or the shared quote. One bad code refuses the lot. Codes are appended (unchanged ones skipped); ' +
			'answers the coder’s current codes on the contribution. 409 `review_published` once the review ' +
			'is published, unless an officer has reopened it',
		tag: 'Review',
		body: RecordCodesInput,
		response: z.array(CodeView),
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	listCodes: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/codes',
		summary:
			'The current DQI codes on a closed meeting’s contributions: a reviewer’s own until the review is ' +
			'published, then everyone’s to reviewers and officers; 403 for officers until publication, and ' +
			'for members and observers always (they read the aggregate figures in the review)',
		tag: 'Review',
		response: CodesView,
		errors: [409, ...inPartnership]
	},
	codesCsv: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/codes.csv',
		summary:
			'The research export: the same codes as CSV, one row per code with the turn, its item and the ' +
			'speaker, organisation and coder as pseudonyms stable within the review (e.g. “Speaker 07”, ' +
			'“Organisation C”, “Coder A”), given in a random order the first time it is exported; the same ' +
			'rules as the codes',
		tag: 'Review',
		file: 'text/csv',
		errors: [409, ...inPartnership]
	},
	reviewPseudonyms: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/review/pseudonyms',
		summary:
			'The key to the pseudonyms of a review’s research export (codes.csv): who each “Speaker”, ' +
			'“Organisation” and “Coder” is. Officers only (admins and secretariat); 403 for reviewers, ' +
			'members and observers. Empty (`assigned` false) until the codes are first exported',
		tag: 'Review',
		response: PseudonymKeyView,
		errors: [409, ...inPartnership]
	},
	publishReview: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/review/publication',
		summary:
			'Publish a closed meeting’s review (reviewers and officers): every coder’s codes and the review ' +
			'open to the partnership, and the review frozen (no codes or notes). Republishes one an officer ' +
			'reopened, freezing it again and notifying its readers. 409 when published and not reopened; 400 ' +
			'when some spoken contributions are not coded by two reviewers, unless publishUncoded is true',
		tag: 'Review',
		body: PublishReviewInput,
		response: PublicationView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	reopenReview: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/review/reopening',
		summary:
			'Reopen a published review so codes and notes can be added again (admins and secretariat), ' +
			'giving the reason; recorded in the review’s history and notified to everyone who has read it. ' +
			'409 when not published or already reopened',
		tag: 'Review',
		body: ReopenReviewInput,
		response: PublicationView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	addReviewNote: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/review/notes',
		summary:
			'Add a note to a closed meeting’s review (reviewers and officers); 409 `review_published` once ' +
			'it is published, unless an officer has reopened it',
		tag: 'Review',
		body: AddReviewNoteInput,
		response: ReviewNoteView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	meetingReview: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/review',
		summary:
			'The review of a closed meeting: participation, scrutiny, evidence, forum voice and time use ' +
			'computed from the record, the DQI coding and agreement, the members’ survey and reviewers’ notes. ' +
			'Reviewers and officers read it once the meeting has closed (409 before); members and observers ' +
			'once it is published (403 before)',
		tag: 'Review',
		response: MeetingReviewView,
		errors: [403, 404, 409]
	},
	reviewMeasuresCsv: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/review/measures.csv',
		summary:
			'The review’s figures as CSV in long format (section, measure, group, value), every section or ' +
			'the one named by `section`; the same rules as the review',
		tag: 'Review',
		query: MeasuresCsvQuery,
		file: 'text/csv',
		errors: [400, 403, 404, 409]
	},
	reviewTrends: {
		method: 'GET',
		path: '/api/v1/bodies/{bodyId}/review-trends',
		summary:
			'The review’s headline figures across a body’s closed meetings, in date order: every closed ' +
			'meeting for reviewers and officers, published reviews only for members and observers; DQI means ' +
			'from published reviews, survey means where enough members answered',
		tag: 'Review',
		response: ReviewTrendsView,
		errors: [404]
	},
	reviewSummary: {
		method: 'GET',
		path: `${P}/review-summary`,
		summary:
			'The partnership’s reviews over a period (`from`–`to`, YYYY-MM-DD, both included; the last 12 ' +
			'months unless given): per body the meetings reviewed and the averages of the trend figures, and ' +
			'the partnership’s totals; the same meetings as the trends',
		tag: 'Review',
		query: ReviewSummaryQuery,
		response: ReviewSummaryView,
		errors: [400, 404]
	}
});
