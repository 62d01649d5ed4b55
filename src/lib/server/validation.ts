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

/** A required line of text, trimmed, with a message in plain words. */
export function requiredText(label: string, max = 200) {
	return z
		.string({ error: `Enter ${label}` })
		.trim()
		.min(1, `Enter ${label}`)
		.max(max, `${capitalise(label)} must be ${max} characters or fewer`);
}

/** Optional text: left out means "unchanged", null or blank means "clear it". */
export function optionalText(label: string, max = 2000) {
	return z
		.string()
		.trim()
		.max(max, `${capitalise(label)} must be ${max} characters or fewer`)
		.nullish()
		.transform((v) => (v === null ? '' : v));
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

/** A yes/no from JSON (true/false) or a form (a checkbox's "on" after a hidden "false"). */
export const Flag = z
	.union([z.boolean(), z.enum(['true', 'false', 'on'])])
	.transform((v) => v === true || v === 'true' || v === 'on');

/** One of a fixed set of choices, with a message naming what to choose. */
export function choice<T extends Record<string, string>>(labels: T, message: string) {
	return z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]], {
		error: message
	});
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
