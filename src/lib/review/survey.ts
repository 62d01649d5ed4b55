// The members' survey after a meeting (DESIGN §6): five statements, each answered 1-5 (strongly disagree
// to strongly agree) or left blank, and a comment. The keys are the SurveyResponse columns.
// The statements come from the survey of community planning officials (2018), which asked them of the
// board; here each is worded for the kind of body that met, so a theme group's members are asked about
// the theme group and a forum's about the forum. The keys stay the same whatever the wording, so answers
// given at different bodies, and before the wording changed, are still counted together.
import type { BodyKind } from '../vocabulary.ts';

export const SURVEY_KEYS = [
	'scrutiny',
	'disagreementUnusual',
	'equalOpportunity',
	'thirdSectorEqual',
	'forumsFeedIn'
] as const;
export type SurveyKey = (typeof SURVEY_KEYS)[number];

/** How the statements name the body that met, and who sits at it. */
interface BodyWords {
	/** "the board", "the theme group", "the forum". */
	the: string;
	/** Who sits at it: partners at a board or group, members at a forum or community council. */
	who: 'partners' | 'members';
	/** A forum's own priorities feed the partnership; a board's or group's come to it from the forums. */
	raisesPriorities: boolean;
}

const BODY_WORDS: Record<BodyKind, BodyWords> = {
	BOARD: { the: 'the board', who: 'partners', raisesPriorities: false },
	IMPLEMENTATION_GROUP: {
		the: 'the implementation group',
		who: 'partners',
		raisesPriorities: false
	},
	THEME_GROUP: { the: 'the theme group', who: 'partners', raisesPriorities: false },
	LOCALITY_FORUM: { the: 'the forum', who: 'members', raisesPriorities: true },
	COMMUNITY_COUNCIL: { the: 'the community council', who: 'members', raisesPriorities: true },
	OTHER: { the: 'the group', who: 'partners', raisesPriorities: false }
};

/** For figures averaged over the meetings of several bodies. */
const ANY_BODY: BodyWords = { the: 'the body that met', who: 'partners', raisesPriorities: false };

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "the board", "the theme group", "the forum": how the statements name a body of this kind. */
export function surveyBodyName(kind?: BodyKind | null): string {
	return ((kind && BODY_WORDS[kind]) || ANY_BODY).the;
}

/**
 * The five statements as the members of a body of this kind are asked them; without a kind (figures over
 * several bodies), worded for "the body that met".
 */
export function surveyStatements(kind?: BodyKind | null): { key: SurveyKey; text: string }[] {
	const w = (kind && BODY_WORDS[kind]) || ANY_BODY;
	const texts: Record<SurveyKey, string> = {
		scrutiny: `${capital(w.the)} properly scrutinises policies and decisions.`,
		disagreementUnusual: `Disagreement between ${w.who} is unusual at ${w.the}.`,
		equalOpportunity: `All ${w.who} at ${w.the} have an equal opportunity to influence its decisions.`,
		thirdSectorEqual: `The third sector is treated as an equal partner at ${w.the}.`,
		forumsFeedIn: w.raisesPriorities
			? `${capital(w.the)}’s priorities feed clearly into the partnership’s work.`
			: `Priorities from local forums feed clearly into the work of ${w.the}.`
	};
	return SURVEY_KEYS.map((key) => ({ key, text: texts[key] }));
}

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
