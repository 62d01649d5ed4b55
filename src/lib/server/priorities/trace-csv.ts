// The trace's table view as CSV: one row per priority, with the same filters as the flow it comes from.
import type { Actor } from '../access/index.ts';
import { toCsv, type CsvFile } from '../decisions/index.ts';
import { INFLUENCE_LEVELS, PRIORITY_STATUSES, type InfluenceLevel } from '../../vocabulary.ts';
import { traceData } from './trace.ts';

export const TRACE_CSV_HEADER = [
	'Forum',
	'Priority',
	'Theme',
	'Status',
	'Held by',
	'Raised',
	'Last event',
	'Decisions',
	'Influence declared',
	'Influence achieved',
	'Actions',
	'Outcomes'
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
				r.decisions.map((d) => label(d.influenceDeclared)).join('; '),
				r.decisions.map((d) => label(d.influenceAchieved)).join('; '),
				r.actions.map((a) => a.text).join('; '),
				r.outcomes.map((o) => `${o.code} ${o.title}`).join('; ')
			])
		)
	};
}
