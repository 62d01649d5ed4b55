// A meeting's evidence: restricted papers added through the API (their confidentiality and the
// organisations allowed are never taken from a shared document), the papers an actor may see, and files
// attached to papers.
import { getRandomValues } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import * as Y from 'yjs';
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { mailLatePaper } from '../notify/index.ts';
import { audit } from '../platform/index.ts';
import { db, transaction } from '../platform/index.ts';
import { Forbidden, Invalid, NotFound } from '../platform/index.ts';
import { checkEvidenceFile, storeFile, type UploadedFile } from './evidence-files.ts';
import { publishMeetingChange } from './meeting-events.ts';
import { canSeeEvidence, idList, meetingContext, type MeetingContext } from '../access/index.ts';
import { choice, optionalId, parse, reference, requiredText } from '../platform/index.ts';
import { restrictedEvidenceName } from '../../collab/documents.ts';
import {
	EVIDENCE_FIELDS,
	fillEvidenceItem,
	restrictedEvidenceItem
} from '../../collab/evidence.ts';
import { CONFIDENTIALITIES, EVIDENCE_KINDS } from '../../vocabulary.ts';

export const AddRestrictedEvidenceInput = z.object({
	title: requiredText('the paper’s title', 300),
	kind: choice(EVIDENCE_KINDS, 'Choose what kind of evidence this is'),
	sourceOrganisationId: optionalId('Choose the organisation the paper comes from'),
	allowedOrganisationIds: z
		.array(reference('Choose the organisations that may see this paper'), {
			error: 'Choose at least one organisation that may see this paper'
		})
		.min(1, 'Choose at least one organisation that may see this paper')
		.max(100, 'Choose at most 100 organisations')
		.transform((ids) => [...new Set(ids)])
});

const FileView = z.object({
	name: z.string(),
	type: z.string(),
	size: z.number(),
	sha256: z.string()
});

export const EvidenceView = z.object({
	id: z.string(),
	meetingId: z.string(),
	agendaItemId: z.string().nullable(),
	title: z.string(),
	kind: z.enum(Object.keys(EVIDENCE_KINDS) as [keyof typeof EVIDENCE_KINDS]).nullable(),
	sourceOrganisationId: z.string().nullable(),
	date: z.iso.date().nullable(),
	geography: z.string(),
	summary: z.string(),
	confidentiality: z.enum(Object.keys(CONFIDENTIALITIES) as [keyof typeof CONFIDENTIALITIES]),
	/** For a restricted paper, the organisations that may see it; empty otherwise. */
	allowedOrganisationIds: z.array(z.string()),
	/** The restricted paper's own shared document; null for papers in the pack. */
	document: z.string().nullable(),
	file: FileView.nullable(),
	late: z.boolean(),
	withdrawn: z.boolean(),
	createdAt: z.iso.datetime()
});
export type EvidenceView = z.infer<typeof EvidenceView>;

type EvidenceRow = NonNullable<
	Awaited<ReturnType<ReturnType<typeof db>['evidenceItem']['findFirst']>>
>;

export function evidenceView(row: EvidenceRow): EvidenceView {
	const restricted = row.confidentiality === 'RESTRICTED';
	return {
		id: row.id,
		meetingId: row.meetingId,
		agendaItemId: row.agendaItemId,
		title: row.title,
		kind: row.kind,
		sourceOrganisationId: row.sourceOrganisationId,
		date: row.date?.toISOString().slice(0, 10) ?? null,
		geography: row.geography,
		summary: row.summary,
		confidentiality: row.confidentiality,
		allowedOrganisationIds: restricted ? idList(row.allowedOrganisationIds) : [],
		document: restricted ? restrictedEvidenceName(row.meetingId, row.id) : null,
		file:
			row.fileSha256 && row.fileName
				? {
						name: row.fileName,
						type: row.fileType ?? 'application/octet-stream',
						size: row.fileSize ?? 0,
						sha256: row.fileSha256
					}
				: null,
		late: row.late,
		withdrawn: row.withdrawn,
		createdAt: row.createdAt.toISOString()
	};
}

/** A cuid-like id (a letter, then base32), for records whose id the server chooses. */
function newId(): string {
	const bytes = new Uint8Array(15);
	getRandomValues(bytes);
	return `e${encodeBase32LowerCaseNoPadding(bytes)}`;
}

export function demandWrite(ctx: MeetingContext): void {
	if (ctx.access !== 'write')
		throw new Forbidden('Only the secretariat and members of this body can change its papers.');
}

export async function addRestrictedEvidence(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<EvidenceView> {
	const ctx = await meetingContext(actor, meetingId);
	demandWrite(ctx);
	const parsed = parse(AddRestrictedEvidenceInput, input);
	// Whoever adds the paper keeps seeing it through their organisation, named with the others (see
	// access/restricted-material.ts: no hidden per-person exception).
	const data = {
		...parsed,
		allowedOrganisationIds: [
			...new Set([...parsed.allowedOrganisationIds, ctx.membership.organisationId])
		]
	};
	const paper = await transaction(async (tx) => {
		const referenced = [...data.allowedOrganisationIds, data.sourceOrganisationId ?? []].flat();
		const found = await tx.organisation.findMany({
			where: { id: { in: referenced }, partnershipId: ctx.partnership.id },
			select: { id: true }
		});
		const known = new Set(found.map((o) => o.id));
		const fields: Record<string, string> = {};
		if (data.allowedOrganisationIds.some((id) => !known.has(id)))
			fields.allowedOrganisationIds = 'Choose organisations of this partnership';
		if (data.sourceOrganisationId && !known.has(data.sourceOrganisationId))
			fields.sourceOrganisationId = 'Choose one of this partnership’s organisations';
		if (Object.keys(fields).length) throw new Invalid(fields);
		const created = await tx.evidenceItem.create({
			data: {
				id: newId(),
				meetingId,
				title: data.title,
				kind: data.kind,
				sourceOrganisationId: data.sourceOrganisationId ?? null,
				confidentiality: 'RESTRICTED',
				allowedOrganisationIds: data.allowedOrganisationIds,
				late: ctx.meeting.agendaIssuedAt !== null,
				createdById: actor.userId
			}
		});
		// The paper's own document starts with what was given here, so its editors have fields to write in.
		await tx.docSnapshot.create({
			data: {
				docName: restrictedEvidenceName(meetingId, created.id),
				seq: 0,
				state: Buffer.from(restrictedPaperDocument(data))
			}
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'EvidenceItem',
			entityId: created.id,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, ...data, confidentiality: 'RESTRICTED' }
		});
		// A paper added after the agenda went out: those seated are told, by name only if they may see it.
		if (created.late) await mailLatePaper(tx, meetingId, ctx.partnership.slug, created.id);
		return evidenceView(created);
	});
	// The papers listed on the meeting's page follow for everyone looking at it.
	publishMeetingChange(meetingId, 'evidence');
	return paper;
}

/** A restricted paper's own document as it starts: the shared fields, filled with what was given. */
function restrictedPaperDocument(data: {
	title: string;
	kind: string;
	sourceOrganisationId?: string | null;
}): Uint8Array {
	const doc = new Y.Doc();
	const item = restrictedEvidenceItem(doc);
	fillEvidenceItem(item);
	(item.get(EVIDENCE_FIELDS.title) as Y.Text).insert(0, data.title);
	item.set(EVIDENCE_FIELDS.kind, data.kind);
	item.set(EVIDENCE_FIELDS.sourceOrganisationId, data.sourceOrganisationId ?? null);
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

/** The papers of a meeting the actor may see, in the order they were added. */
export async function listEvidence(actor: Actor, meetingId: string): Promise<EvidenceView[]> {
	const ctx = await meetingContext(actor, meetingId);
	const rows = await db().evidenceItem.findMany({
		where: { meetingId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	return rows.filter((row) => canSeeEvidence(ctx, row)).map(evidenceView);
}

/** A paper of the meeting that the actor may see; one they may not see does not exist for them. */
async function visibleItem(ctx: MeetingContext, evidenceItemId: string) {
	const row = await db().evidenceItem.findFirst({
		where: { id: evidenceItemId, meetingId: ctx.meeting.id }
	});
	if (!row || !canSeeEvidence(ctx, row)) throw new NotFound('evidence item');
	return row;
}

/**
 * Attaches a file to a paper (replacing any earlier one); the file is checked, stored, then recorded. The
 * file may be given as a function that reads it, which is called only once the rights are checked.
 */
export async function attachEvidenceFile(
	actor: Actor,
	meetingId: string,
	evidenceItemId: string,
	upload: UploadedFile | (() => Promise<UploadedFile>)
): Promise<EvidenceView> {
	const ctx = await meetingContext(actor, meetingId);
	await visibleItem(ctx, evidenceItemId);
	demandWrite(ctx);
	const file = typeof upload === 'function' ? await upload() : upload;
	const checked = checkEvidenceFile(file);
	// Stored before the row points at it; a file left behind by a failed transaction is harmless, as
	// files are named by their content.
	await storeFile(checked, file.bytes);
	const paper = await transaction(async (tx) => {
		const updated = await tx.evidenceItem.update({
			where: { id: evidenceItemId },
			data: {
				fileName: checked.name,
				fileType: checked.type,
				fileSize: checked.size,
				fileSha256: checked.sha256
			}
		});
		await audit(tx, actor.userId, {
			action: 'file_attached',
			entity: 'EvidenceItem',
			entityId: evidenceItemId,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, ...checked }
		});
		return evidenceView(updated);
	});
	// The papers listed on the meeting's page follow for everyone looking at it.
	publishMeetingChange(meetingId, 'evidence');
	return paper;
}

export interface EvidenceFile {
	name: string;
	type: string;
	size: number;
	sha256: string;
}

/** A paper's file (read from the file store by its hash), for those who may see the paper. */
export async function evidenceFile(
	actor: Actor,
	meetingId: string,
	evidenceItemId: string
): Promise<EvidenceFile> {
	const ctx = await meetingContext(actor, meetingId);
	const file = evidenceView(await visibleItem(ctx, evidenceItemId)).file;
	if (!file) throw new NotFound('file');
	return file;
}
