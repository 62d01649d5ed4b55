// The one rule for restricted material. Every text or figure the product composes from the record asks
// here what its reader may see of a paper, so a restricted paper cannot leak through a composer that
// forgot the rule.
//
// The rule:
// - A PUBLIC or PARTNERS paper is seen whole by everyone in the partnership.
// - A RESTRICTED paper's title, summary, file and any passage quoted from it are seen only by readers in
//   the organisations named on it (`allowedOrganisationIds`). There is no per-person exception: whoever
//   adds a restricted paper has their own organisation named on it when it is added (shown with the
//   others), so who may see it is always the list people can read.
// - Everyone else reads it by a generic name, RESTRICTED_PAPER, and never its quote. That it exists
//   and was cited or challenged is part of the record; what it says is not.
// - Text stored where others can read it (the shared minutes document, response drafts, anything that
//   can become public) is composed for the reader SHARED: every restricted paper is named generically
//   there, whoever wrote it, since the text outlives the writer's rights and travels to readers the
//   writer cannot choose.
// A search answers for its reader too: matching a title the reader may not see would itself tell them
// what the paper says, so searches match only on what `paperFor` returns.
import { db, type Db, type Tx } from '../platform/index.ts';
import type { PartnershipContext } from './actor.ts';

/** The name of a restricted paper for those not named on it, and in text others can read. */
export const RESTRICTED_PAPER = 'a paper restricted to named partners';

/** The reader of text stored where others can read it, or that can become public. */
export const SHARED = 'shared' as const;

export type Reader = Pick<PartnershipContext, 'membership'> | typeof SHARED;

/** The columns the rule needs; select them with the paper. */
export const PAPER_ACCESS = { confidentiality: true, allowedOrganisationIds: true } as const;

export interface PaperAccess {
	confidentiality: string;
	/** A JSON array of organisation ids, as stored (jsonb). */
	allowedOrganisationIds: unknown;
}

/** The organisations named on a restricted paper (empty for other papers). */
export function namedOrganisations(paper: PaperAccess): string[] {
	if (paper.confidentiality !== 'RESTRICTED') return [];
	return idList(paper.allowedOrganisationIds);
}

/** The strings of a stored JSON array (none if it is not one). */
export function idList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** Whether the reader may see what the paper says: its title, summary, file and quotes from it. */
export function maySeePaper(reader: Reader, paper: PaperAccess): boolean {
	if (paper.confidentiality !== 'RESTRICTED') return true;
	if (reader === SHARED) return false;
	return namedOrganisations(paper).includes(reader.membership.organisationId);
}

export interface PaperAsSeen {
	/** False when the reader gets only the generic name. */
	visible: boolean;
	title: string;
	summary: string;
	fileName: string | null;
}

/** A paper as its reader may see it: whole, or by the generic name with nothing of what it says. */
export function paperFor(
	reader: Reader,
	paper: PaperAccess & { title: string; summary?: string; fileName?: string | null }
): PaperAsSeen {
	if (!maySeePaper(reader, paper))
		return { visible: false, title: RESTRICTED_PAPER, summary: '', fileName: null };
	return {
		visible: true,
		title: paper.title,
		summary: paper.summary ?? '',
		fileName: paper.fileName ?? null
	};
}

/** A paper's title for its reader: the title, or the generic name. */
export function paperTitleFor(reader: Reader, paper: PaperAccess & { title: string }): string {
	return paperFor(reader, paper).title;
}

/**
 * A passage quoted from a paper, for its reader: empty unless the reader may see the paper. A quote
 * with no paper (or a paper no longer found) is withheld too, since where it came from is unknown.
 */
export function quoteFor(reader: Reader, paper: PaperAccess | null | undefined, quote: string) {
	return paper && maySeePaper(reader, paper) ? quote : '';
}

/** What restricted papers of some meetings say: their titles and summaries, and passages quoted from them. */
export interface RestrictedText {
	titles: string[];
	passages: string[];
}

/**
 * The restricted material of some meetings that the reader may not see, to withhold from text written
 * before this rule or by hand (an officer's edit of the minutes, a response's "we did"): everything
 * restricted for SHARED readers, the papers not naming their organisation for a member.
 */
export async function restrictedTextOf(
	meetingIds: string[],
	reader: Reader = SHARED,
	/** The caller's transaction, when it is inside one (so it holds one connection, not two). */
	client: Db | Tx = db()
): Promise<RestrictedText> {
	if (!meetingIds.length) return { titles: [], passages: [] };
	const found = await client.evidenceItem.findMany({
		where: { meetingId: { in: [...new Set(meetingIds)] }, confidentiality: 'RESTRICTED' },
		select: { id: true, title: true, summary: true, ...PAPER_ACCESS }
	});
	const papers = found.filter((paper) => !maySeePaper(reader, paper));
	const quotes = papers.length
		? await client.challenge.findMany({
				where: { evidenceItemId: { in: papers.map((p) => p.id) }, quote: { not: '' } },
				select: { quote: true }
			})
		: [];
	return {
		titles: papers.map((p) => p.title),
		passages: [...papers.map((p) => p.summary), ...quotes.map((q) => q.quote)]
	};
}

/** Shorter strings are too likely to be ordinary words of the text to be withheld wherever they occur. */
const MIN_WITHHELD = 4;

/** The text with every restricted title named generically and every restricted passage left out. */
export function withholdRestricted(text: string, material: RestrictedText): string {
	const replace = (from: string, strings: string[], by: string) =>
		strings
			.map((s) => s.trim())
			.filter((s) => s.length >= MIN_WITHHELD)
			// Longest first, so a title that contains another is withheld whole.
			.sort((a, b) => b.length - a.length)
			.reduce((out, s) => out.split(s).join(by), from);
	const withoutPassages = replace(text, material.passages, '[passage withheld]');
	return replace(withoutPassages, material.titles, RESTRICTED_PAPER);
}

/**
 * The restricted material of every meeting of a partnership that the reader may not see: for text that may
 * quote any of its papers (a forum's reason, a step's reason, a notification).
 */
export async function restrictedTextOfPartnership(
	partnershipId: string,
	reader: Reader = SHARED,
	client: Db | Tx = db()
): Promise<RestrictedText> {
	const meetings = await client.evidenceItem.findMany({
		where: { confidentiality: 'RESTRICTED', meeting: { partnershipId } },
		select: { meetingId: true },
		distinct: ['meetingId']
	});
	return restrictedTextOf(
		meetings.map((m) => m.meetingId),
		reader,
		client
	);
}
