// Types of the live page's record panels, as its load gives them.
import type { loadRecord } from '../../routes/p/[slug=slug]/meetings/[id=id]/live/record.server';

export type LiveRecord = Awaited<ReturnType<typeof loadRecord>>['record'];
export type LivePerson = LiveRecord['people'][number];
export type LiveVersion = LiveRecord['versions'][string][number];

/** What a refused form sent back, as `failureOf` reads it, plus the quorum warning of the decision forms. */
export interface RecordFailure {
	form: string;
	values: Record<string, string>;
	message: string;
	fields: Record<string, string>;
	quorumWarning?: boolean;
}

export const personLabel = (p: { name: string; organisationName: string }) =>
	`${p.name} (${p.organisationName})`;
