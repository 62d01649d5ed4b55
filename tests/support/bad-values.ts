// Bad values for an input, generated from the input's own JSON Schema (as the OpenAPI document gives it):
// wrong types, numbers out of range, odd Unicode, oversize and deeply nested values. Every value made here
// must be refused by a schema of that shape, so a 2xx answer to one is a bug, not noise. A seeded
// generator picks where odd characters go and how long filler is, so a failure reproduces from its seed.
import { mulberry32 } from './random.ts';

export type JsonSchema = {
	type?: string;
	enum?: unknown[];
	const?: unknown;
	format?: string;
	pattern?: string;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	exclusiveMinimum?: number;
	maximum?: number;
	minItems?: number;
	maxItems?: number;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
};

export interface Bad {
	/** Says what was sent, for the failure message. */
	label: string;
	value: unknown;
	/**
	 * Well formed, so only the domain can refuse it (an id of no record). A filter may fairly match
	 * nothing with one, so these are not sent in query strings.
	 */
	reachesDomain?: true;
}

/** Characters no text field may take: a lone surrogate, NUL, controls, bidi overrides and isolates. */
export const ODD_CHARACTERS: [string, string][] = [
	['a lone high surrogate', '\ud800'],
	['a lone low surrogate', '\udc00'],
	['NUL', '\u0000'],
	['BEL', '\u0007'],
	['ESC', '\u001b'],
	['DEL', '\u007f'],
	['a C1 control (NEL)', '\u0085'],
	['a right-to-left override', '\u202e'],
	['a left-to-right embedding', '\u202a'],
	['a first-strong isolate', '\u2068'],
	['a pop directional isolate', '\u2069']
];

/** Characters not allowed through a query string or URL path (lone surrogates cannot be encoded in one). */
const URL_ODD = ODD_CHARACTERS.filter(([, c]) => !/[\ud800-\udfff]/.test(c));

export function generator(seed: number) {
	const random = mulberry32(seed);
	const int = (n: number) => Math.floor(random() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)];
	const letters = (n: number) =>
		Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz '[int(27)]).join('');
	/** Ordinary words with the odd character somewhere inside (never only at an end, where trim might act). */
	const withOdd = (odd: string) => `${letters(1 + int(8))}x${odd}${letters(int(8))}y`;

	function shuffle<T>(list: T[]): T[] {
		for (let i = list.length - 1; i > 0; i--) {
			const j = int(i + 1);
			[list[i], list[j]] = [list[j], list[i]];
		}
		return list;
	}

	/** Nesting deeper than any input: arrays or objects `depth` levels down. */
	function deep(depth: number): unknown {
		let value: unknown = 'bottom';
		for (let i = 0; i < depth; i++) value = random() < 0.5 ? [value] : { a: value };
		return value;
	}

	/** The non-null branch of a nullable schema, or the schema itself. */
	function unwrap(schema: JsonSchema): JsonSchema {
		const branches = schema.anyOf?.filter((s) => s.type !== 'null');
		if (branches?.length === 1) return unwrap(branches[0]);
		return schema;
	}

	type Kind = 'text' | 'enum' | 'date' | 'pattern' | 'number' | 'flag' | 'object' | 'array' | 'any';

	function kind(schema: JsonSchema): Kind {
		const s = unwrap(schema);
		if (s.anyOf) {
			const types = s.anyOf.map((b) => unwrap(b).type);
			if (types.includes('number') || types.includes('integer')) return 'number';
			if (types.includes('boolean')) return 'flag';
			return 'any';
		}
		if (s.enum || s.const !== undefined) return 'enum';
		if (s.type === 'string' && s.format === 'date') return 'date';
		if (s.type === 'string' && s.pattern) return 'pattern';
		if (s.type === 'string') return 'text';
		if (s.type === 'integer' || s.type === 'number') return 'number';
		if (s.type === 'boolean') return 'flag';
		if (s.type === 'object') return 'object';
		if (s.type === 'array') return 'array';
		return 'any';
	}

	const NOT_TEXT: Bad[] = [
		{ label: 'a number', value: 42 },
		{ label: 'true', value: true },
		{ label: 'an object', value: { a: 1 } },
		{ label: 'an array', value: ['a'] }
	];

	/** Bad strings for a text field: odd characters, too long (also as a flood of combining marks). */
	function badText(s: JsonSchema, inUrl: boolean): Bad[] {
		const max = s.maxLength ?? 70_000;
		const odd = (inUrl ? URL_ODD : ODD_CHARACTERS).map(([label, c]) => ({
			label: `text with ${label}`,
			value: withOdd(c)
		}));
		return [
			...odd,
			// A combining mark that composes with nothing, so NFC keeps every one of them.
			{ label: `${max + 1} characters of combining marks`, value: 'a' + '\u0336'.repeat(max) },
			{ label: `${max + 1} characters`, value: 'y' + 'x'.repeat(max) },
			...((s.minLength ?? 0) >= 1 ? [{ label: 'only spaces', value: ' '.repeat(1 + int(5)) }] : [])
		];
	}

	const BAD_NUMBERS: Bad[] = [
		{ label: '1e20', value: 1e20 },
		{ label: '-1e20', value: -1e20 },
		{ label: '2^53 + 2', value: 2 ** 53 + 2 },
		{ label: '-1', value: -1 },
		{ label: 'a fraction', value: 1.5 }
	];
	const BAD_NUMBER_TEXT: Bad[] = [
		{ label: '"99999999999999999999"', value: '99999999999999999999' },
		{ label: '"NaN"', value: 'NaN' },
		{ label: '"Infinity"', value: 'Infinity' },
		{ label: '"-1"', value: '-1' },
		{ label: '"1.5"', value: '1.5' },
		{ label: '"1e3"', value: '1e3' },
		{ label: 'a digit with NUL', value: '1\u0000' }
	];
	const BAD_DATES: Bad[] = [
		{ label: 'year 999999', value: '999999-01-01' },
		{ label: 'year +275760', value: '+275760-09-13' },
		{ label: 'year 0', value: '0000-01-01' },
		{ label: 'year 1000', value: '1000-06-01' },
		{ label: 'year 9999', value: '9999-12-31' },
		{ label: '30 February', value: '2026-02-30' },
		{ label: 'month 13', value: '2026-13-01' },
		{ label: 'day 0', value: '2026-01-00' },
		{ label: 'no padding', value: '2026-1-1' },
		{ label: '"NaN"', value: 'NaN' },
		{ label: 'a date with a bidi override', value: '2026-01-0\u202e1' }
	];

	/** Every bad value for a field of this schema; `inUrl` keeps to what a query string can carry. */
	function badValues(schema: JsonSchema, inUrl = false): Bad[] {
		const s = unwrap(schema);
		const strings = (list: Bad[]) =>
			inUrl ? list.filter((b) => typeof b.value === 'string') : list;
		switch (kind(s)) {
			case 'text':
				return strings([...NOT_TEXT, ...badText(s, inUrl)]);
			case 'enum': {
				const first = String((s.enum ?? [s.const])[0]);
				return strings([
					...NOT_TEXT,
					{ label: 'not one of the choices', value: 'NOT_A_CHOICE' },
					{ label: 'a choice with NUL after it', value: `${first}\u0000` },
					{ label: 'a choice with a bidi override', value: `\u202e${first}` },
					{
						label: 'a choice in another case',
						value: first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase()
					},
					// Long, but within what a request line may carry (Node refuses 16 KiB with 431).
					{ label: 'a very long choice', value: first.repeat(Math.ceil(2000 / first.length)) }
				]).filter((b) => !(s.enum ?? [s.const]).includes(b.value));
			}
			case 'date':
				return strings([...NOT_TEXT, ...BAD_DATES]);
			case 'pattern':
				return strings([
					...NOT_TEXT,
					{ label: 'an id of 5000 characters', value: 'a'.repeat(5000) },
					{ label: 'an id in capitals', value: 'A'.repeat(24) },
					{ label: 'an id with NUL', value: `${'a'.repeat(12)}\u0000${'a'.repeat(11)}` },
					{
						label: 'an id with a bidi override',
						value: `${'a'.repeat(12)}\u202e${'a'.repeat(11)}`
					},
					// Well formed, so it reaches the domain, which must say there is no such record.
					{ label: 'an id of twenty nines', value: '99999999999999999999', reachesDomain: true },
					{ label: 'an id of no record', value: 'z'.repeat(24), reachesDomain: true }
				]).filter((b) => !(inUrl && b.reachesDomain));
			case 'number': {
				// A measured value may be negative or a fraction; a count may be neither.
				const signed = [s, ...(s.anyOf ?? [])].some(
					(b) => (b.minimum ?? b.exclusiveMinimum ?? 0) < 0
				);
				const fine = signed ? ['-1', 'a fraction', '"-1"', '"1.5"'] : [];
				return strings(
					[...BAD_NUMBERS, ...BAD_NUMBER_TEXT, ...NOT_TEXT.slice(1)].filter(
						(b) => !fine.includes(b.label)
					)
				);
			}
			case 'flag':
				return strings([
					{ label: '"yes"', value: 'yes' },
					{ label: '2', value: 2 },
					{ label: '"on" with NUL', value: 'on\u0000' },
					{ label: 'an object', value: {} },
					{ label: 'an array', value: [true] }
				]);
			case 'object':
				return strings([
					{ label: 'an array instead of an object', value: [{}] },
					{ label: 'a string instead of an object', value: 'object' },
					{ label: 'a number instead of an object', value: 7 },
					{ label: 'an object nested 200 deep', value: deep(200) }
				]);
			case 'array':
				return strings([
					{ label: 'a string instead of a list', value: 'list' },
					{ label: 'an object instead of a list', value: { 0: 'a' } },
					{ label: 'a list nested 200 deep', value: deep(200) },
					...(s.maxItems !== undefined
						? [
								{
									label: `${s.maxItems + 1} items`,
									value: Array.from({ length: s.maxItems + 1 }, () => 'z'.repeat(24))
								}
							]
						: [])
				]);
			default:
				return strings([{ label: 'an object nested 200 deep', value: deep(200) }]);
		}
	}

	/**
	 * The fields of a body schema, depth first: each property, and inside objects and the first item of
	 * lists. For a union of objects (one per `type`), the branch `base` belongs to.
	 */
	function fields(
		schema: JsonSchema,
		base: unknown,
		path: (string | number)[] = []
	): { path: (string | number)[]; schema: JsonSchema }[] {
		let s = unwrap(schema);
		if (s.oneOf || (s.anyOf && s.anyOf.every((b) => unwrap(b).type === 'object'))) {
			const branches = (s.oneOf ?? s.anyOf)!.map(unwrap);
			s =
				branches.find((b) =>
					Object.entries(b.properties ?? {}).every(
						([k, p]) => p.const === undefined || (base as Record<string, unknown>)?.[k] === p.const
					)
				) ?? branches[0];
		}
		const found: { path: (string | number)[]; schema: JsonSchema }[] = [];
		if (path.length) found.push({ path, schema: s });
		if (s.type === 'object' && s.properties && path.length < 4)
			for (const [key, property] of Object.entries(s.properties))
				found.push(...fields(property, (base as Record<string, unknown>)?.[key], [...path, key]));
		if (s.type === 'array' && s.items && path.length < 4)
			found.push(...fields(s.items, (base as unknown[])?.[0], [...path, 0]));
		return found;
	}

	return { random, int, pick, shuffle, deep, badValues, fields, letters, withOdd };
}

/** `base` with the value at `path` replaced (objects and lists on the way made as needed). */
export function setAt(base: unknown, path: (string | number)[], value: unknown): unknown {
	if (!path.length) return value;
	const [head, ...rest] = path;
	if (typeof head === 'number') {
		const list = Array.isArray(base) ? [...base] : [];
		list[head] = setAt(list[head] ?? {}, rest, value);
		return list;
	}
	const object =
		base && typeof base === 'object' && !Array.isArray(base)
			? { ...(base as Record<string, unknown>) }
			: {};
	object[head] = setAt(object[head], rest, value);
	return object;
}
