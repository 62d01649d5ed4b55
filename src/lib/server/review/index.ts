// The public face of review/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { REVIEWABLE, reviewContext } from './access.ts';
export { reviewApi } from './api.ts';
export { latestCodes } from './coded-record.ts';
export type { StoredCode } from './coded-record.ts';
export { RecordCodesInput, codesCsv, listCodes, recordCodes } from './codes.ts';
export { codingScreen, prefillFrom } from './coding-screen.ts';
export { pseudonymKey } from './pseudonyms.ts';
export type { PseudonymKeyView } from './pseudonyms.ts';
export { meetingReview, reviewMeasuresCsv } from './measures.ts';
export {
	ReopenReviewInput,
	addReviewNote,
	codingCoverage,
	publishReview,
	reopenReview
} from './publication.ts';
export { answerSurvey, inviteToSurvey, surveyFor, surveyResults } from './survey.ts';
export { surveysOpenTo } from './surveys-open.ts';
export { reviewSummary, reviewTrends } from './trends.ts';
