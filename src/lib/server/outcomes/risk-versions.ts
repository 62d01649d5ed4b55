// How a risk's wording and links are shown over time: each version as recorded (version 1 as defined, then
// one per officer's edit), with what it changed from the one before, in words a board member can read.
import { z } from 'zod';
import { keyOf } from '../platform/index.ts';
import { RISK_CHANGES, RISK_CHANGE_FIELDS } from '../../vocabulary.ts';

/** One thing a version changed: its wording (before and after), or one link added or taken away. */
export const RiskChangeView = z.object({
	field: keyOf(RISK_CHANGE_FIELDS),
	change: keyOf(RISK_CHANGES),
	/** The linked record's id; null for the wording. */
	id: z.string().nullable(),
	/** The wording before, or the record unlinked (its name); null when a link was added. */
	before: z.string().nullable(),
	/** The wording after, or the record linked (its name); null when a link was taken away. */
	after: z.string().nullable()
});
export type RiskChangeView = z.infer<typeof RiskChangeView>;

export const RiskVersionView = z.object({
	version: z.number().int(),
	title: z.string(),
	description: z.string(),
	outcomeIds: z.array(z.string()),
	decisionIds: z.array(z.string()),
	actionIds: z.array(z.string()),
	/** What this version changed from the one before; empty for version 1, the risk as defined. */
	changes: z.array(RiskChangeView),
	recordedBy: z.string(),
	recordedAt: z.iso.datetime()
});
export type RiskVersionView = z.infer<typeof RiskVersionView>;

export interface VersionRow {
	version: number;
	title: string;
	description: string;
	outcomeIds: string[];
	decisionIds: string[];
	actionIds: string[];
	recordedById: string;
	recordedAt: Date;
}

/** The names the history shows for linked records and the people who recorded each version. */
export interface VersionNames {
	person: (id: string) => string;
	outcome: (id: string) => string;
	decision: (id: string) => string;
	action: (id: string) => string;
}

const LINK_FIELDS = [
	['OUTCOME', 'outcomeIds', 'outcome'],
	['DECISION', 'decisionIds', 'decision'],
	['ACTION', 'actionIds', 'action']
] as const;

/** What `after` changed from `before`: the wording first, then links added and taken away. */
export function changesBetween(
	before: Omit<VersionRow, 'version' | 'recordedById' | 'recordedAt'>,
	after: Omit<VersionRow, 'version' | 'recordedById' | 'recordedAt'>,
	names: Pick<VersionNames, 'outcome' | 'decision' | 'action'>
): RiskChangeView[] {
	const changes: RiskChangeView[] = [];
	for (const [field, key] of [
		['TITLE', 'title'],
		['DESCRIPTION', 'description']
	] as const)
		if (before[key] !== after[key])
			changes.push({ field, change: 'REWORDED', id: null, before: before[key], after: after[key] });
	for (const [field, key, name] of LINK_FIELDS) {
		const was = new Set(before[key]);
		const now = new Set(after[key]);
		for (const id of after[key])
			if (!was.has(id))
				changes.push({ field, change: 'LINKED', id, before: null, after: names[name](id) });
		for (const id of before[key])
			if (!now.has(id))
				changes.push({ field, change: 'UNLINKED', id, before: names[name](id), after: null });
	}
	return changes;
}

/** Every version, oldest first, each with what it changed. */
export function versionViews(rows: VersionRow[], names: VersionNames): RiskVersionView[] {
	return rows.map((row, at) => ({
		version: row.version,
		title: row.title,
		description: row.description,
		outcomeIds: row.outcomeIds,
		decisionIds: row.decisionIds,
		actionIds: row.actionIds,
		changes: at === 0 ? [] : changesBetween(rows[at - 1], row, names),
		recordedBy: names.person(row.recordedById),
		recordedAt: row.recordedAt.toISOString()
	}));
}
