// Reads a meeting's shared documents into validated rows: the pure half of the projection (meetings/projection.ts
// writes them). Anyone who can edit a document can put anything in it, so every entry is checked here and
// a malformed one is reported as skipped, never thrown.
import * as Y from 'yjs';
import { z } from 'zod';
import { AGENDA_FIELDS, agendaItems } from '../../collab/agenda.ts';
import { EVIDENCE_FIELDS, evidenceItems, restrictedEvidenceItem } from '../../collab/evidence.ts';
import { fieldErrors, usableText } from '../platform/index.ts';
import { EVIDENCE_KINDS, ITEM_PURPOSES } from '../../vocabulary.ts';

/** The ids documents give their entries, as the row ids and the sync server's document names take them. */
export const ENTRY_ID = /^[a-z0-9]{16,40}$/;

export interface Skipped {
	id: string;
	problems: Record<string, string>;
}

export interface Read<T> {
	rows: T[];
	skipped: Skipped[];
	/** Every id the document holds, valid or not: an entry that is only malformed is not withdrawn. */
	ids: Set<string>;
}

/** Y.Text or a plain string, as text; editors write Y.Text but a script may write a string. */
function text(max: number) {
	return z.preprocess(
		(v) => (v instanceof Y.Text ? v.toString() : (v ?? '')),
		z
			.string()
			.max(max)
			.refine((v) => usableText(v), 'contains characters that cannot be used')
			.transform((v) => v.normalize('NFC').trim())
	);
}

function organisation(organisationIds: ReadonlySet<string>) {
	return z
		.string()
		.refine((id) => organisationIds.has(id), 'not an organisation of this partnership')
		.nullish()
		.transform((v) => v ?? null);
}

const position = z.number().finite().optional();

function agendaEntry(organisationIds: ReadonlySet<string>) {
	return z.object({
		[AGENDA_FIELDS.title]: text(500),
		[AGENDA_FIELDS.purpose]: z.enum(Object.keys(ITEM_PURPOSES) as [keyof typeof ITEM_PURPOSES]),
		[AGENDA_FIELDS.presenterOrganisationId]: organisation(organisationIds),
		[AGENDA_FIELDS.minutes]: z
			.number()
			.int()
			.min(0)
			.max(600)
			.nullish()
			.transform((v) => v ?? null),
		[AGENDA_FIELDS.notes]: text(20_000),
		// Absent in items written before the flag existed: public, as they were.
		[AGENDA_FIELDS.private]: z
			.boolean()
			.nullish()
			.transform((v) => v ?? false),
		[AGENDA_FIELDS.position]: position
	});
}

export interface AgendaRow {
	id: string;
	order: number;
	title: string;
	purpose: keyof typeof ITEM_PURPOSES;
	presenterOrganisationId: string | null;
	minutes: number | null;
	notes: string;
	private: boolean;
}

const isoDay = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine(
		(v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v),
		'no such day'
	)
	.nullish()
	.transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null));

function paperFields(organisationIds: ReadonlySet<string>) {
	return {
		[EVIDENCE_FIELDS.title]: text(500),
		[EVIDENCE_FIELDS.kind]: z
			.enum(Object.keys(EVIDENCE_KINDS) as [keyof typeof EVIDENCE_KINDS])
			.nullish()
			.transform((v) => v ?? null),
		[EVIDENCE_FIELDS.sourceOrganisationId]: organisation(organisationIds),
		[EVIDENCE_FIELDS.date]: isoDay,
		[EVIDENCE_FIELDS.geography]: text(200),
		[EVIDENCE_FIELDS.agendaItemId]: z
			.string()
			.regex(ENTRY_ID)
			.nullish()
			.transform((v) => v ?? null),
		[EVIDENCE_FIELDS.summary]: text(50_000)
	};
}

export interface PaperRow {
	id: string;
	title: string;
	kind: keyof typeof EVIDENCE_KINDS | null;
	sourceOrganisationId: string | null;
	date: Date | null;
	geography: string;
	agendaItemId: string | null;
	summary: string;
	confidentiality: 'PUBLIC' | 'PARTNERS';
}

function packEntry(organisationIds: ReadonlySet<string>) {
	return z.object({
		...paperFields(organisationIds),
		[EVIDENCE_FIELDS.confidentiality]: z
			.enum(['PUBLIC', 'PARTNERS'], {
				error:
					'a paper in the pack is public or for partners; restricted papers are added through the API'
			})
			.nullish()
			.transform((v) => v ?? 'PARTNERS'),
		[EVIDENCE_FIELDS.position]: position
	});
}

/** Validates each entry of a map of Y.Maps; entries that are not maps or have a bad id are skipped. */
function readEntries<T extends z.ZodType>(map: Y.Map<Y.Map<unknown>>, schema: T) {
	const ids = new Set<string>();
	const valid: { id: string; value: z.output<T> }[] = [];
	const skipped: Skipped[] = [];
	for (const [id, entry] of map.entries()) {
		ids.add(id);
		if (!ENTRY_ID.test(id)) {
			skipped.push({ id, problems: { id: 'not an id of lower-case letters and digits' } });
			continue;
		}
		if (!(entry instanceof Y.Map)) {
			skipped.push({ id, problems: { _: 'not a map of fields' } });
			continue;
		}
		const parsed = schema.safeParse(entry.toJSON());
		// toJSON turns Y.Text into strings, which `text` takes as they are.
		if (parsed.success) valid.push({ id, value: parsed.data });
		else skipped.push({ id, problems: fieldErrors(parsed.error) });
	}
	return { ids, valid, skipped };
}

/** The agenda's items, ranked by position then id (items without a position last). */
export function readAgenda(doc: Y.Doc, organisationIds: ReadonlySet<string>): Read<AgendaRow> {
	const { ids, valid, skipped } = readEntries(agendaItems(doc), agendaEntry(organisationIds));
	const ranked = valid.sort(
		(a, b) =>
			(a.value.position ?? Infinity) - (b.value.position ?? Infinity) ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	const rows = ranked.map(({ id, value }, at) => ({
		id,
		order: at + 1,
		title: value.title,
		purpose: value.purpose,
		presenterOrganisationId: value.presenterOrganisationId,
		minutes: value.minutes,
		notes: value.notes,
		private: value.private
	}));
	return { rows, skipped, ids };
}

/** The evidence pack's papers: public and partners-only; an entry claiming to be restricted is skipped. */
export function readEvidencePack(doc: Y.Doc, organisationIds: ReadonlySet<string>): Read<PaperRow> {
	const { ids, valid, skipped } = readEntries(evidenceItems(doc), packEntry(organisationIds));
	const rows = valid.map(({ id, value }) => {
		const { position: _, ...fields } = value;
		return { id, ...fields };
	});
	return { rows, skipped, ids };
}

export type RestrictedPaperFields = Partial<Omit<PaperRow, 'id' | 'confidentiality'>>;

/**
 * A restricted paper's own document: only the fields it holds, so an empty document (just opened) changes
 * nothing, and a blank title keeps the one the paper was added with. Confidentiality is never read from it.
 */
export function readRestrictedPaper(
	doc: Y.Doc,
	organisationIds: ReadonlySet<string>
): { fields: RestrictedPaperFields } | { skipped: Skipped } {
	const map = restrictedEvidenceItem(doc);
	const present = Object.fromEntries(
		Object.entries(paperFields(organisationIds)).filter(([key]) => map.has(key))
	);
	const parsed = z.object(present).safeParse(map.toJSON());
	if (!parsed.success) return { skipped: { id: 'item', problems: fieldErrors(parsed.error) } };
	const fields = parsed.data as RestrictedPaperFields;
	if (fields.title === '') delete fields.title;
	return { fields };
}
