// What a form action sent back when it refused the input: the values to show again, a message and the
// field-by-field errors. Pages with several forms name each, so only the form that was sent shows them.
import type { SubmitFunction } from '@sveltejs/kit';

export interface FormFailure {
	form: string;
	values: Record<string, string>;
	message: string;
	fields: Record<string, string>;
}

const none: FormFailure = { form: '', values: {}, message: '', fields: {} };

export function failureOf(result: unknown, form = 'default'): FormFailure {
	const failure = result as Partial<FormFailure> | null | undefined;
	if (!failure || failure.form !== form) return none;
	return { ...none, ...failure };
}

/**
 * For forms that change a record in place: after saving, the fields keep showing what was saved instead
 * of being reset to the values the page was first drawn with.
 */
export const keepValues: SubmitFunction =
	() =>
	async ({ update }) =>
		update({ reset: false });
