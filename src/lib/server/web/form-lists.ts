// Checkbox groups on forms: several values under one name, which `formCommand`'s one-value-per-name
// reading would cut to the last, so they are read (and kept on a refusal) here.
import type { ActionFailure } from '@sveltejs/kit';
import type { FormFailure } from '$lib/forms';

export function withLists(data: FormData, names: string[]): Record<string, string[]>;
export function withLists<T>(data: FormData, names: string[], failure: T): T;
export function withLists(data: FormData, names: string[], failure?: unknown) {
	const lists = Object.fromEntries(
		names.map((n) => [n, data.getAll(n).filter((v): v is string => typeof v === 'string')])
	);
	if (failure === undefined) return lists;
	// A refusal keeps each list as comma-separated text, the form ticks the boxes from it again.
	const kept = (failure as ActionFailure<FormFailure>).data;
	if (kept?.values)
		for (const [name, values] of Object.entries(lists)) kept.values[name] = values.join(',');
	return failure;
}
