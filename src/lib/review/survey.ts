// The members' survey after a meeting (DESIGN §6): five statements, each answered 1-5 (strongly disagree
// to strongly agree) or left blank, and a comment. The keys are the SurveyResponse columns.

export const SURVEY_STATEMENTS = [
	{ key: 'scrutiny', text: 'The board properly scrutinises policies and decisions.' },
	{ key: 'disagreementUnusual', text: 'Disagreement between partners is unusual.' },
	{
		key: 'equalOpportunity',
		text: 'All partners have an equal opportunity to influence decisions.'
	},
	{ key: 'thirdSectorEqual', text: 'The third sector is treated as an equal partner.' },
	{
		key: 'forumsFeedIn',
		text: 'Priorities from local forums feed clearly into the board’s work.'
	}
] as const;
export type SurveyKey = (typeof SURVEY_STATEMENTS)[number]['key'];

export const AGREEMENT_LEVELS = [
	'Strongly disagree',
	'Disagree',
	'Neither agree nor disagree',
	'Agree',
	'Strongly agree'
] as const;

/** Results are shown only once this many members have answered, so no single answer can be singled out. */
export const SURVEY_MIN_RESPONSES = 3;

/**
 * The survey stays open this many days after the meeting closes, or until its minutes are approved if that
 * comes first. Results are shown only after it has closed, so they never change once seen: comparing them
 * before and after one more member answers cannot reveal that member's answers.
 */
export const SURVEY_OPEN_DAYS = 14;
