// PLACEHOLDER until the members' survey lands (issue 6, in progress): the survey's results for a
// meeting's review. Replaced by the real survey module.
import type { z } from 'zod';
import { SURVEY_MIN_RESPONSES } from '../review/survey.ts';
import type { SurveyResultsView } from '../review/views.ts';

export async function surveyResults(meetingId: string): Promise<z.infer<typeof SurveyResultsView>> {
	void meetingId;
	return {
		eligible: 0,
		responses: 0,
		shown: false,
		minimum: SURVEY_MIN_RESPONSES,
		statements: [],
		comments: []
	};
}
