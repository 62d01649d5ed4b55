// The trace's table view as CSV: one row per priority, with the same filters as the flow it comes from.
// A priority reaching several indicators lists them in one cell each, separated by "; ", in the same order
// from column to column.
import type { Actor } from '../access/index.ts';
import { toCsv, type CsvFile } from '../decisions/index.ts';
import { measure } from '../../text.ts';
import {
	INDICATOR_MOVEMENTS,
	INDICATOR_STATUSES,
	INFLUENCE_LEVELS,
	PRIORITY_STATUSES,
	type InfluenceLevel
} from '../../vocabulary.ts';
import type { TraceRow } from './trace-shapes.ts';
import { traceData } from './trace.ts';
import { INFLUENCE_GAPS } from '../../influence.ts';

export const TRACE_CSV_HEADER = [
	'Forum',
	'Priority',
	'Theme',
	'Status',
	'Held by',
	'Raised',
	'Last event',
	'Decisions',
	'Influence promised',
	'Influence achieved',
	'Influence against the promise',
	'Hear back by',
	'Overdue',
	'Actions',
	'Outcomes',
	'Indicators',
	'Indicator status',
	'Figure at the decision',
	'Latest reading since',
	'Change since the decision',
	'Movement since the decision'
];

type RowIndicator = TraceRow['indicators'][number];
const NONE = '–';
/** One cell per column for a row's indicators: a value per indicator, in the same order. */
const INDICATOR_CELLS: ((i: RowIndicator) => string)[] = [
	(i) => i.name,
	(i) => INDICATOR_STATUSES[i.status],
	(i) =>
		i.since?.before ? `${measure(i.since.before.value, i.unit)} (${i.since.before.on})` : NONE,
	(i) => (i.since?.after ? `${measure(i.since.after.value, i.unit)} (${i.since.after.on})` : NONE),
	(i) =>
		i.since?.change != null
			? `${i.since.change > 0 ? '+' : ''}${i.since.change} (${INDICATOR_MOVEMENTS[i.since.movement].toLowerCase()})`
			: NONE,
	(i) =>
		i.since?.words ??
		'No decision’s action serves its outcome: the priority itself is tagged with it.'
];

/** The table view of the trace as CSV, with the same filters. */
export async function traceCsv(actor: Actor, slug: string, query: unknown): Promise<CsvFile> {
	const { rows } = await traceData(actor, slug, query, { graph: false, rows: true });
	const label = (level: InfluenceLevel | null) => (level ? INFLUENCE_LEVELS[level] : '');
	return {
		name: `${slug}-trace.csv`,
		text: toCsv(
			TRACE_CSV_HEADER,
			rows.map((r) => [
				r.forum.name,
				r.title,
				r.theme,
				PRIORITY_STATUSES[r.status],
				r.heldBy.name,
				r.raisedAt?.slice(0, 10),
				r.lastEventAt.slice(0, 10),
				r.decisions.map((d) => d.label).join('; '),
				r.decisions.length
					? r.decisions.map((d) => label(d.influenceDeclared)).join('; ')
					: label(r.promise.promised),
				r.decisions.map((d) => label(d.influenceAchieved)).join('; '),
				r.decisions.map((d) => (d.influenceGap ? INFLUENCE_GAPS[d.influenceGap] : '')).join('; '),
				r.promise.hearBackBy ?? '',
				r.promise.overdue ? 'Yes' : '',
				r.actions.map((a) => a.text).join('; '),
				r.outcomes.map((o) => `${o.code} ${o.title}`).join('; '),
				...INDICATOR_CELLS.map((cell) => r.indicators.map(cell).join('; '))
			])
		)
	};
}
