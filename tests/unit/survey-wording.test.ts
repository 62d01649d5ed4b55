// The members' survey asks about the body that met: a board's members about the board, a theme group's
// about the theme group, a forum's about the forum; the answers keep the same keys whatever the wording.
import { describe, expect, it } from 'vitest';
import { SURVEY_KEYS, surveyBodyName, surveyStatements } from '../../src/lib/review/survey.ts';
import { BODY_KINDS, type BodyKind } from '../../src/lib/vocabulary.ts';

const texts = (kind?: BodyKind) =>
	Object.fromEntries(surveyStatements(kind).map((s) => [s.key, s.text]));

describe('the survey’s statements', () => {
	it('ask a board’s members about the board, as the officials’ survey asked them', () => {
		expect(texts('BOARD')).toEqual({
			scrutiny: 'The board properly scrutinises policies and decisions.',
			disagreementUnusual: 'Disagreement between partners is unusual at the board.',
			equalOpportunity:
				'All partners at the board have an equal opportunity to influence its decisions.',
			thirdSectorEqual: 'The third sector is treated as an equal partner at the board.',
			forumsFeedIn: 'Priorities from local forums feed clearly into the work of the board.'
		});
	});

	it('ask a theme group’s members about the theme group', () => {
		expect(texts('THEME_GROUP')).toEqual({
			scrutiny: 'The theme group properly scrutinises policies and decisions.',
			disagreementUnusual: 'Disagreement between partners is unusual at the theme group.',
			equalOpportunity:
				'All partners at the theme group have an equal opportunity to influence its decisions.',
			thirdSectorEqual: 'The third sector is treated as an equal partner at the theme group.',
			forumsFeedIn: 'Priorities from local forums feed clearly into the work of the theme group.'
		});
	});

	it('ask a forum’s members about the forum, its members and its own priorities', () => {
		expect(texts('LOCALITY_FORUM')).toEqual({
			scrutiny: 'The forum properly scrutinises policies and decisions.',
			disagreementUnusual: 'Disagreement between members is unusual at the forum.',
			equalOpportunity:
				'All members at the forum have an equal opportunity to influence its decisions.',
			thirdSectorEqual: 'The third sector is treated as an equal partner at the forum.',
			forumsFeedIn: 'The forum’s priorities feed clearly into the partnership’s work.'
		});
		expect(texts('COMMUNITY_COUNCIL').forumsFeedIn).toBe(
			'The community council’s priorities feed clearly into the partnership’s work.'
		);
	});

	it('never name the board to a body that is not one', () => {
		for (const kind of Object.keys(BODY_KINDS) as BodyKind[])
			if (kind !== 'BOARD')
				expect(Object.values(texts(kind)).join(' '), kind).not.toMatch(/board/i);
	});

	it('keep the same keys, in the same order, for every kind of body', () => {
		for (const kind of [...(Object.keys(BODY_KINDS) as BodyKind[]), undefined])
			expect(surveyStatements(kind).map((s) => s.key)).toEqual([...SURVEY_KEYS]);
		expect(SURVEY_KEYS).toEqual([
			'scrutiny',
			'disagreementUnusual',
			'equalOpportunity',
			'thirdSectorEqual',
			'forumsFeedIn'
		]);
	});

	it('name the body the survey page introduces', () => {
		expect(surveyBodyName('THEME_GROUP')).toBe('the theme group');
		expect(surveyBodyName('LOCALITY_FORUM')).toBe('the forum');
		expect(surveyBodyName(null)).toBe('the body that met');
	});
});
