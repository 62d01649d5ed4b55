// Adding a paper, with its file if there is one: one form whatever its audience. A paper for all partners
// or for the public goes into the shared pack, where everyone editing it sees it at once; a restricted
// paper is created on the server with a document of its own, so its content only ever reaches the
// organisations named.
import * as Y from 'yjs';
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { meetingContext } from '../access/index.ts';
import { audit, choice, parse, reference, transaction } from '../platform/index.ts';
import { documentName } from '../../collab/documents.ts';
import { EVIDENCE_FIELDS, addEvidenceItem, evidenceItems } from '../../collab/evidence.ts';
import { CONFIDENTIALITIES } from '../../vocabulary.ts';
import { checkEvidenceFile, type UploadedFile } from './evidence-files.ts';
import {
	AddRestrictedEvidenceInput,
	addRestrictedEvidence,
	attachEvidenceFile,
	demandWrite,
	evidenceView,
	type EvidenceView
} from './evidence.ts';
import { withDocument } from './open-documents.ts';
import { projectDocument } from './projection.ts';

const CHOOSE_ORGANISATIONS = 'Choose at least one organisation that may see this paper';

/**
 * A paper and who may see it. Without a choice (callers of the API from before there was one), a paper is
 * restricted: it never goes wider than asked.
 */
export const AddPaperInput = AddRestrictedEvidenceInput.extend({
	confidentiality: choice(CONFIDENTIALITIES, 'Choose who may see the paper').default('RESTRICTED'),
	/** Only for a restricted paper; ignored otherwise. */
	allowedOrganisationIds: z
		.array(reference('Choose the organisations that may see this paper'), {
			error: CHOOSE_ORGANISATIONS
		})
		.max(100, 'Choose at most 100 organisations')
		.default([])
}).refine(
	(paper) => paper.confidentiality !== 'RESTRICTED' || paper.allowedOrganisationIds.length,
	{
		path: ['allowedOrganisationIds'],
		message: CHOOSE_ORGANISATIONS
	}
);

/**
 * Adds a paper to a meeting and, when `upload` is given, attaches its file. The file is checked before
 * anything is written, so a file that would be refused adds no paper either.
 */
export async function addPaper(
	actor: Actor,
	meetingId: string,
	input: unknown,
	upload?: UploadedFile
): Promise<EvidenceView> {
	const ctx = await meetingContext(actor, meetingId);
	demandWrite(ctx);
	const paper = parse(AddPaperInput, input);
	if (upload) checkEvidenceFile(upload);
	const { confidentiality, ...fields } = paper;
	const added =
		confidentiality === 'RESTRICTED'
			? await addRestrictedEvidence(actor, meetingId, fields)
			: await addToPack(actor, ctx.partnership.id, meetingId, { ...fields, confidentiality });
	return upload ? attachEvidenceFile(actor, meetingId, added.id, upload) : added;
}

/**
 * Writes the paper into the shared pack through the sync server (which stores it and sends it to everyone
 * editing), then projects the pack at once, so the paper's row exists for its file and the lists.
 */
async function addToPack(
	actor: Actor,
	partnershipId: string,
	meetingId: string,
	paper: {
		title: string;
		kind: string;
		sourceOrganisationId?: string | null;
		confidentiality: 'PUBLIC' | 'PARTNERS';
	}
): Promise<EvidenceView> {
	const docName = documentName(meetingId, 'evidence');
	const id = await withDocument(docName, async (doc) => {
		let added = '';
		doc.transact(() => {
			added = addEvidenceItem(doc);
			const item = evidenceItems(doc).get(added)!;
			(item.get(EVIDENCE_FIELDS.title) as Y.Text).insert(0, paper.title);
			item.set(EVIDENCE_FIELDS.kind, paper.kind);
			item.set(EVIDENCE_FIELDS.sourceOrganisationId, paper.sourceOrganisationId ?? null);
			item.set(EVIDENCE_FIELDS.confidentiality, paper.confidentiality);
		});
		await projectDocument(docName, doc);
		return added;
	});
	return transaction(async (tx) => {
		const row = await tx.evidenceItem.findUniqueOrThrow({ where: { id } });
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'EvidenceItem',
			entityId: id,
			partnershipId,
			detail: { meetingId, ...paper }
		});
		return evidenceView(row);
	});
}
