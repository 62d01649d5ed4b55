// Parsing input against a schema: the one way commands turn untrusted input into typed values, with
// messages per field that a board member can act on.
import { z } from 'zod';
import { Invalid, type FieldErrors } from './errors.ts';

export function fieldErrors(error: z.ZodError): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? issue.path.join('.') : '_';
		fields[key] ??= issue.message;
	}
	return fields;
}

/** Parses input or throws Invalid with a message for each field that is wrong. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (!result.success) throw new Invalid(fieldErrors(result.error));
	return result.data;
}

/**
 * Characters no text field takes: C0 and C1 control characters (NUL among them) and DEL; the bidirectional
 * embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), which can make a name or a link read
 * differently from what it is; and lone UTF-16 surrogates, which have no UTF-8 form and cannot be stored.
 * Tab, line feed and carriage return are allowed only in multi-line fields.
 */
const UNUSABLE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/u;
const UNUSABLE_IN_TEXT =
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/u;

/** Fields this long are written in a text area, so they may hold line breaks and tabs. */
const MULTI_LINE_FROM = 1000;

export interface TextOptions {
	/** Whether line breaks and tabs are allowed; by default, for fields of 1000 characters or more. */
	multiline?: boolean;
}

/** True if the text has none of the characters no field takes (see UNUSABLE_IN_TEXT). */
export function usableText(text: string, multiline = true): boolean {
	return !(multiline ? UNUSABLE_IN_TEXT : UNUSABLE_IN_LINE).test(text);
}

/**
 * Any text from outside: refused with a message in plain words if it holds characters no field takes,
 * then normalised to NFC so the same words are stored (and compared, and searched) as the same characters.
 * Every text input goes through here; the helpers below add trimming and lengths.
 */
export function safeText(label: string, options: TextOptions & { max?: number } = {}) {
	const multiline = options.multiline ?? (options.max ?? 0) >= MULTI_LINE_FROM;
	return z
		.string({ error: `Enter ${label}` })
		.refine((v) => usableText(v, multiline), {
			message: `${capitalise(label)} contains characters that cannot be used`,
			abort: true
		})
		.overwrite((v) => v.normalize('NFC'));
}

/** A required line of text, trimmed, with a message in plain words. */
export function requiredText(label: string, max = 200, options: TextOptions = {}) {
	return safeText(label, { max, ...options })
		.trim()
		.min(1, `Enter ${label}`)
		.max(max, `${capitalise(label)} must be ${max} characters or fewer`);
}

/** Optional text: left out means "unchanged", null or blank means "clear it". */
export function optionalText(label: string, max = 2000, options: TextOptions = {}) {
	return safeText(label, { max, ...options })
		.trim()
		.max(max, `${capitalise(label)} must be ${max} characters or fewer`)
		.nullish()
		.transform((v) => (v === null ? '' : v));
}

/** A search term from a query string: optional, one line, refused rather than searched if unusable. */
export function searchText(label: string, max = 200) {
	return safeText(label, { max, multiline: false })
		.trim()
		.max(max, `${capitalise(label)} must be ${max} characters or fewer`)
		.optional();
}

/** A web address people will follow: http(s) only, one line, no characters that disguise it. */
export function webLink(label: string, max = 500) {
	const message = `Enter ${label} as a full web address starting with https://`;
	return safeText(label, { max, multiline: false })
		.trim()
		.max(max, `${capitalise(label)} must be ${max} characters or fewer`)
		.refine((v) => v === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), message)
		.refine((v) => v === '' || URL.canParse(v), message);
}

/** The dates a partnership's record can hold; outside them a date is a typing mistake, not a plan. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/** A calendar date as YYYY-MM-DD, a real day between EARLIEST_DATE and LATEST_DATE. */
export function isoDate(message: string) {
	return z.iso
		.date({ error: message })
		.refine((v) => v >= EARLIEST_DATE && v <= LATEST_DATE, message);
}

/** A reference to another record by id; the message says what to choose. */
export function reference(message: string) {
	return z.string({ error: message }).regex(/^[a-z0-9]{20,32}$/, message);
}

/** A reference that may be cleared with null (or a blank form field). */
export function optionalId(message: string) {
	return reference(message).nullish();
}

/** A whole number from JSON or from a form field's text; null or blank clears it. */
export function wholeNumber(label: string, min: number, max: number) {
	const message = `${capitalise(label)} must be a whole number from ${min} to ${max}`;
	return z
		.union([z.number({ error: message }), z.string().regex(/^\s*\d+\s*$/, message)], {
			error: message
		})
		.transform((v) => Number(v))
		.pipe(z.number().int(message).min(min, message).max(max, message))
		.nullish();
}

/** A measured value from JSON or a form field's text ("12.5", "-3", "1,250"): required and finite. */
export function measuredValue(label: string) {
	const message = `Enter ${label} as a number, for example 12.5`;
	return z
		.union(
			[
				z.number({ error: message }).gt(-1e12, message).lt(1e12, message),
				z
					.string()
					.regex(/^\s*-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*$/, message)
					.transform((v) => v.replaceAll(',', ''))
			],
			{ error: message }
		)
		.transform((v) => Number(v))
		.pipe(
			z
				.number()
				.refine(Number.isFinite, message)
				.refine(
					(v) => Math.abs(v) < 1e12,
					`${capitalise(label)} must be less than a million million`
				)
		);
}

/** A yes/no from JSON (true/false) or a form (a checkbox's "on" after a hidden "false"). */
export const Flag = z
	.union([z.boolean(), z.enum(['true', 'false', 'on'])])
	.transform((v) => v === true || v === 'true' || v === 'on');

/** In a view the server writes: one of a fixed set of choices, named by its labels' keys. */
export function keyOf<T extends Record<string, string>>(labels: T) {
	return z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]);
}

/** One of a fixed set of choices, with a message naming what to choose. */
export function choice<T extends Record<string, string>>(labels: T, message: string) {
	return z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]], {
		error: message
	});
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
