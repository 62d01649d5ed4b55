// The shared text helpers every input goes through: what they refuse, what they keep, and NFC.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	isoDate,
	optionalText,
	requiredText,
	searchText,
	usableText,
	webLink
} from '../../src/lib/server/platform/index.ts';

const REFUSED: [string, string][] = [
	['a lone high surrogate', 'bad\ud800x'],
	['a lone low surrogate', 'bad\udc00x'],
	['NUL', 'a\u0000b'],
	['ESC', 'a\u001bb'],
	['DEL', 'a\u007fb'],
	['a C1 control', 'a\u0085b'],
	['a left-to-right embedding', 'a\u202ab'],
	['a right-to-left override', 'a\u202eb'],
	['a left-to-right isolate', 'a\u2066b'],
	['a pop directional isolate', 'a\u2069b']
];

const first = (schema: z.ZodType, value: unknown) => {
	const result = schema.safeParse(value);
	return result.success ? null : result.error.issues[0].message;
};

describe('text from outside', () => {
	it.each(REFUSED)('refuses %s, in a name and in a long text, in plain words', (_, value) => {
		expect(first(requiredText('the organisation’s name'), value)).toBe(
			'The organisation’s name contains characters that cannot be used'
		);
		expect(first(optionalText('the remit', 2000), value)).toBe(
			'The remit contains characters that cannot be used'
		);
		expect(first(searchText('the search'), value)).toBe(
			'The search contains characters that cannot be used'
		);
	});

	it('takes line breaks and tabs in long texts only', () => {
		expect(first(requiredText('the name'), 'a\nb')).toMatch(/cannot be used/);
		expect(first(requiredText('the name'), 'a\tb')).toMatch(/cannot be used/);
		expect(optionalText('the remit', 2000).parse('line one\r\nline two\tand a tab')).toBe(
			'line one\r\nline two\tand a tab'
		);
		expect(requiredText('the title', 300, { multiline: true }).parse('a\nb')).toBe('a\nb');
	});

	it('keeps what people write: accents, scripts, emoji, direction marks', () => {
		for (const text of [
			'Comhairle nan Eilean Siar',
			'Łódź',
			'مجلس',
			'שלום',
			'社区',
			'👩🏽‍⚕️ team',
			'a\u200fb'
		])
			expect(requiredText('the name').parse(text)).toBe(text.normalize('NFC'));
		expect(usableText('😀', false)).toBe(true);
	});

	it('stores NFC: a decomposed accent becomes one character, and lengths count after it', () => {
		expect(requiredText('the name').parse('Cafe\u0301')).toBe('Caf\u00e9');
		expect(requiredText('the name', 4).parse('Cafe\u0301')).toBe('Café');
		expect(first(requiredText('the name', 4), 'Cafe\u0336')).toBe(
			'The name must be 4 characters or fewer'
		);
	});
});

describe('links', () => {
	it('takes http and https addresses, and refuses others and disguised ones', () => {
		const link = webLink('the online link');
		expect(link.parse(' https://meet.example.org/board ')).toBe('https://meet.example.org/board');
		expect(link.parse('')).toBe('');
		for (const bad of ['javascript:alert(1)', 'meet.example.org', 'https://exa\u202emple.org'])
			expect(first(link, bad), bad).toMatch(/web address|cannot be used/);
	});
});

describe('dates', () => {
	it('take real days between 1900 and 2199 only', () => {
		const date = isoDate('Enter a date');
		expect(date.parse('2026-02-28')).toBe('2026-02-28');
		for (const bad of [
			'999999-01-01',
			'0000-01-01',
			'1899-12-31',
			'2200-01-01',
			'2026-02-30',
			'2026-1-1'
		])
			expect(first(date, bad), bad).toBe('Enter a date');
	});
});
