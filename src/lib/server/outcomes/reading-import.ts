// Readings imported from a CSV file: every row checked by the same rules as a reading recorded by hand,
// shown as a preview with each row's problems named, and written only when confirmed, all or nothing.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { demand, mayRecordReadings } from '../access/index.ts';
import {
	Flag,
	Invalid,
	audit,
	db,
	fieldErrors,
	now,
	parse,
	safeText,
	transaction
} from '../platform/index.ts';
import { parseCsv } from '../../csv.ts';
import { dayInUk, formatDay } from '../../dates.ts';
import { indicatorContext, RecordReadingInput } from './indicators.ts';

/** Rows one file may hold: ten years of monthly figures many times over. */
export const MAX_IMPORTED_ROWS = 1000;
const COLUMNS = ['date', 'value', 'source', 'note'] as const;

export const ImportReadingsInput = z.object({
	csv: safeText('the CSV file', { max: 200_000 })
		.trim()
		.min(1, 'Choose a CSV file with a header row: date, value, source and note')
		.max(200_000, 'The CSV file must be 200,000 characters or fewer'),
	/** Without it, nothing is written: the rows come back checked, for a preview. */
	confirm: Flag.default(false)
});

export const ImportedRow = z.object({
	/** The row's line in the file. */
	line: z.number(),
	on: z.string(),
	value: z.string(),
	source: z.string(),
	note: z.string(),
	/** What must be put right before the file can be imported; empty when the row is fine. */
	problems: z.array(z.string())
});

export const ReadingImportView = z.object({
	rows: z.array(ImportedRow),
	/** Whether every row is fine, so the file can be imported. */
	valid: z.boolean(),
	/** Readings written: 0 for a preview. */
	written: z.number()
});
export type ReadingImportView = z.infer<typeof ReadingImportView>;

/** "2026-03-31", or "31/03/2026" as a spreadsheet in the UK writes it; anything else is left as it is. */
function isoDay(text: string): string {
	const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
	if (!uk) return text.trim();
	return `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
}

/** A spreadsheet export's guard against formulas ("'-3") taken off a figure. */
const figure = (text: string) => text.trim().replace(/^'(?=[-+])/, '');

/**
 * Checks a CSV of readings for an indicator and, when `confirm` is set and every row is fine, records them
 * all in one transaction. With problems, a confirmed import writes nothing and says which rows to correct.
 */
export async function importReadings(
	actor: Actor,
	indicatorId: string,
	input: unknown
): Promise<ReadingImportView> {
	const { ctx, indicator } = await indicatorContext(actor, indicatorId);
	demand(
		mayRecordReadings(ctx.membership, indicator),
		'Only the partner that measures this indicator, and the secretariat, record its readings.'
	);
	const { csv, confirm } = parse(ImportReadingsInput, input);
	const [header, ...body] = parseCsv(csv);
	const names = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
	const missing = ['date', 'value', 'source'].filter((c) => !names.includes(c));
	if (missing.length)
		throw new Invalid({
			csv: `The first row must name the columns date, value, source and note; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`
		});
	if (!body.length) throw new Invalid({ csv: 'The file has no readings under its header row' });
	if (body.length > MAX_IMPORTED_ROWS)
		throw new Invalid({ csv: `A file may hold at most ${MAX_IMPORTED_ROWS} readings` });
	const cell = (cells: string[], column: (typeof COLUMNS)[number]) =>
		names.includes(column) ? (cells[names.indexOf(column)] ?? '') : '';

	const inForce = await db().indicatorReading.findMany({
		where: { indicatorId, correctedBy: { is: null } },
		select: { on: true }
	});
	const taken = new Set(inForce.map((r) => r.on.toISOString().slice(0, 10)));
	const today = dayInUk(now());
	const seen = new Map<string, number>();
	const rows = body.map(({ line, cells }) => {
		const raw = {
			on: isoDay(cell(cells, 'date')),
			value: figure(cell(cells, 'value')),
			source: cell(cells, 'source').trim(),
			note: cell(cells, 'note').trim()
		};
		const checked = RecordReadingInput.safeParse(raw);
		const problems = checked.success ? [] : Object.values(fieldErrors(checked.error));
		if (checked.success) {
			const on = checked.data.on;
			if (on > today) problems.push('The date is still to come');
			else if (taken.has(on))
				problems.push(`There is already a reading for ${formatDay(on)}: correct it on the page`);
			else if (seen.has(on))
				problems.push(`The file has ${formatDay(on)} twice (line ${seen.get(on)})`);
			seen.set(on, line);
		}
		return { line, ...raw, problems, reading: checked.success ? checked.data : null };
	});
	const valid = rows.every((r) => !r.problems.length);
	const view = (written: number): ReadingImportView => ({
		rows: rows.map(({ reading: _, ...row }) => row),
		valid,
		written
	});
	if (!confirm) return view(0);
	if (!valid) {
		const wrong = rows.filter((r) => r.problems.length);
		throw new Invalid({
			csv: `Nothing was imported: ${wrong.length} ${wrong.length === 1 ? 'row needs' : 'rows need'} correcting, first line ${wrong[0].line} (${wrong[0].problems[0]})`
		});
	}
	await transaction(async (tx) => {
		const at = now();
		await tx.indicatorReading.createMany({
			data: rows.map(({ reading }) => ({
				indicatorId,
				value: reading!.value,
				on: new Date(`${reading!.on}T00:00:00Z`),
				source: reading!.source,
				note: reading!.note ?? '',
				recordedById: actor.userId,
				recordedAt: at
			}))
		});
		await audit(tx, actor.userId, {
			action: 'readings_imported',
			entity: 'Indicator',
			entityId: indicatorId,
			partnershipId: ctx.partnership.id,
			detail: { count: rows.length, dates: rows.map((r) => r.on) }
		});
	});
	return view(rows.length);
}
