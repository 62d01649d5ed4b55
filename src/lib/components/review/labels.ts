// Names for the codes a review's figures carry (sectors, purposes, kinds, DQI categories), and where
// each section's CSV is.
import { DQI } from '$lib/review/dqi';
import { EVIDENCE_KINDS, ITEM_PURPOSES, SECTORS, STANDINGS } from '$lib/vocabulary';

export const sectorName = (sector: string): string =>
	(SECTORS as Record<string, string>)[sector] ?? sector;
export const standingName = (standing: string): string =>
	(STANDINGS as Record<string, string>)[standing] ?? standing;
export const purposeName = (purpose: string): string =>
	(ITEM_PURPOSES as Record<string, string>)[purpose] ?? purpose;
export const kindName = (kind: string): string =>
	(EVIDENCE_KINDS as Record<string, string>)[kind] ?? kind;
export const categoryName = (key: string): string => DQI.find((c) => c.key === key)?.name ?? key;
/** A code as a reader says it: "2 (Qualified justification)", or "not applicable". */
export const levelName = (key: string, value: number | null): string => {
	if (value === null) return 'not applicable';
	const level = DQI.find((c) => c.key === key)?.levels[value];
	return level ? `${value} (${level})` : String(value);
};

export type ReviewSection =
	| 'participation'
	| 'scrutiny'
	| 'evidence'
	| 'forumVoice'
	| 'timeUse'
	| 'dqi'
	| 'agreement'
	| 'survey';

export const measuresCsv = (meetingId: string, section: ReviewSection): string =>
	`/api/v1/meetings/${meetingId}/review/measures.csv?section=${section}`;

/** The review's sections, for the in-page navigation. */
export const REVIEW_SECTIONS = [
	{ href: '#participation', label: 'Participation' },
	{ href: '#scrutiny', label: 'Scrutiny' },
	{ href: '#evidence', label: 'Evidence' },
	{ href: '#forum-voice', label: 'Forum voice' },
	{ href: '#time-use', label: 'Time use' },
	{ href: '#dqi', label: 'Discourse quality' },
	{ href: '#agreement', label: 'Agreement' },
	{ href: '#survey', label: 'Members’ survey' },
	{ href: '#notes', label: 'Notes' }
];
