// Projects a meeting's shared documents one way into tables: the agenda into AgendaItem rows and the
// evidence pack into EvidenceItem rows, keyed by the ids the documents gave them. Called by the sync
// server after updates to a document are stored (at most once a second while people type); then tells
// the meeting's live pages to reload, for the decision log's wording too. No audit events: the rows are
// derived, and the update log already records who wrote what.
import type * as Y from 'yjs';
import { transaction, type Tx } from '../platform/index.ts';
import {
	readAgenda,
	readEvidencePack,
	readRestrictedPaper,
	type Skipped
} from './document-rows.ts';
import { publishMeetingChange } from './meeting-events.ts';
import { log } from '../platform/index.ts';
import { parseDocumentName } from '../../collab/documents.ts';
import { mailLatePaper } from '../notify/index.ts';

interface MeetingRef {
	id: string;
	partnershipId: string;
	agendaIssuedAt: Date | null;
	partnership: { slug: string };
}

/** Reads the document and brings its rows up to date. Malformed entries are skipped and logged. */
export async function projectDocument(docName: string, doc: Y.Doc): Promise<void> {
	const address = parseDocumentName(docName);
	if (!address || address.kind === 'minutes') return;
	if (address.kind === 'decisions') {
		// No rows, but the chair's console shows the wording a decision will freeze: keep it current.
		publishMeetingChange(address.meetingId, 'decision-wording');
		return;
	}
	await transaction(async (tx) => {
		const meeting = await tx.meeting.findUnique({
			where: { id: address.meetingId },
			select: {
				id: true,
				partnershipId: true,
				agendaIssuedAt: true,
				partnership: { select: { slug: true } }
			}
		});
		if (!meeting) {
			log.warn({ docName }, 'projection: no such meeting; document not projected');
			return;
		}
		const organisations = await tx.organisation.findMany({
			where: { partnershipId: meeting.partnershipId },
			select: { id: true }
		});
		const organisationIds = new Set(organisations.map((o) => o.id));
		if (address.kind === 'agenda') await projectAgenda(tx, docName, doc, meeting, organisationIds);
		else if (address.evidenceItemId)
			await projectRestrictedPaper(
				tx,
				docName,
				doc,
				meeting,
				address.evidenceItemId,
				organisationIds
			);
		else await projectEvidencePack(tx, docName, doc, meeting, organisationIds);
	});
	// Live pages show the agenda and the papers (what a challenge may target).
	publishMeetingChange(address.meetingId, address.kind);
}

function logSkipped(docName: string, skipped: Skipped[]): void {
	for (const { id, problems } of skipped)
		log.warn({ docName, entryId: id, problems }, 'projection: malformed entry skipped');
}

/**
 * Ids the document uses that rows of another meeting already hold: ids are chosen by clients, so one could
 * name another meeting's (or partnership's) record, and those rows must stay as they are.
 */
async function foreignIds(
	tx: Tx,
	table: 'agendaItem' | 'evidenceItem',
	meetingId: string,
	ids: string[]
): Promise<Set<string>> {
	const where = { id: { in: ids }, meetingId: { not: meetingId } };
	const select = { id: true } as const;
	const rows =
		table === 'agendaItem'
			? await tx.agendaItem.findMany({ where, select })
			: await tx.evidenceItem.findMany({ where, select });
	return new Set(rows.map((r) => r.id));
}

async function projectAgenda(
	tx: Tx,
	docName: string,
	doc: Y.Doc,
	meeting: MeetingRef,
	organisationIds: Set<string>
): Promise<void> {
	const { rows, skipped, ids } = readAgenda(doc, organisationIds);
	logSkipped(docName, skipped);
	const foreign = await foreignIds(tx, 'agendaItem', meeting.id, [...ids]);
	for (const { id, ...fields } of rows) {
		if (foreign.has(id)) {
			log.warn({ docName, entryId: id }, 'projection: id belongs to another meeting; skipped');
			continue;
		}
		await tx.agendaItem.upsert({
			where: { id },
			create: { id, meetingId: meeting.id, ...fields },
			update: { ...fields, withdrawn: false }
		});
	}
	await tx.agendaItem.updateMany({
		where: { meetingId: meeting.id, id: { notIn: [...ids] }, withdrawn: false },
		data: { withdrawn: true }
	});
}

/** Whether any of `fields` differs from the row's value (dates by their instant). */
function differs(row: Record<string, unknown>, fields: Record<string, unknown>): boolean {
	return Object.entries(fields).some(([key, value]) => {
		const was = row[key];
		if (value instanceof Date || was instanceof Date)
			return (value as Date | null)?.getTime() !== (was as Date | null)?.getTime();
		return value !== was;
	});
}

async function projectEvidencePack(
	tx: Tx,
	docName: string,
	doc: Y.Doc,
	meeting: MeetingRef,
	organisationIds: Set<string>
): Promise<void> {
	const { rows, skipped, ids } = readEvidencePack(doc, organisationIds);
	logSkipped(docName, skipped);
	const foreign = await foreignIds(tx, 'evidenceItem', meeting.id, [...ids]);
	const existing = new Map(
		(await tx.evidenceItem.findMany({ where: { meetingId: meeting.id } })).map((r) => [r.id, r])
	);
	for (const { id, ...fields } of rows) {
		const current = existing.get(id);
		if (foreign.has(id) || current?.confidentiality === 'RESTRICTED') {
			log.warn({ docName, entryId: id }, 'projection: pack entry names a row it may not change');
			continue;
		}
		const data = { ...fields, withdrawn: false };
		// A row the document still says the same of is left alone, its updatedAt with it.
		// A paper added to the pack after the agenda went out, however it was added (the form, the API,
		// someone editing the pack): those seated are told, as for a restricted paper added late. A paper
		// added in the pack editor starts untitled; it is told of once it has its title (a row's title, once
		// given, is never blanked: document-rows.ts), not as "Untitled paper" the moment it appears.
		const titled = typeof data.title === 'string' && data.title !== '';
		if (current) {
			if (differs(current, data)) await tx.evidenceItem.update({ where: { id }, data });
			if (current.late && current.title === '' && titled)
				await mailLatePaper(tx, meeting.id, meeting.partnership.slug, id);
		} else {
			const late = meeting.agendaIssuedAt !== null;
			await tx.evidenceItem.create({ data: { id, meetingId: meeting.id, ...fields, late } });
			if (late && titled) await mailLatePaper(tx, meeting.id, meeting.partnership.slug, id);
		}
	}
	// Restricted papers are not in the pack, so their absence from it withdraws nothing.
	await tx.evidenceItem.updateMany({
		where: {
			meetingId: meeting.id,
			id: { notIn: [...ids] },
			confidentiality: { not: 'RESTRICTED' },
			withdrawn: false
		},
		data: { withdrawn: true }
	});
}

async function projectRestrictedPaper(
	tx: Tx,
	docName: string,
	doc: Y.Doc,
	meeting: MeetingRef,
	evidenceItemId: string,
	organisationIds: Set<string>
): Promise<void> {
	const row = await tx.evidenceItem.findFirst({
		where: { id: evidenceItemId, meetingId: meeting.id, confidentiality: 'RESTRICTED' },
		select: { id: true }
	});
	if (!row) {
		log.warn({ docName }, 'projection: no restricted paper with this id in the meeting');
		return;
	}
	const read = readRestrictedPaper(doc, organisationIds);
	if ('skipped' in read) {
		logSkipped(docName, [read.skipped]);
		return;
	}
	if (Object.keys(read.fields).length)
		await tx.evidenceItem.update({ where: { id: row.id }, data: read.fields });
}
