// What a form action sent back when it refused the input: the values to show again, a message and the
// field-by-field errors. Pages with several forms name each, so only the form that was sent shows them.

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
