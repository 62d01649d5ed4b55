// Files supporting a priority (a survey's results, a workshop's notes): checked and stored as evidence
// files are, by SHA-256 under the data folder; added by the raising or holding body's members or officers,
// read by everyone in the partnership.
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { checkEvidenceFile, storeFile, type UploadedFile } from '../meetings/index.ts';
import { demand } from '../access/index.ts';
import { mayAddPriorityFile, priorityContext, rightsOf } from '../access/index.ts';
import { fileView, type PriorityFileView } from './views.ts';

export async function addPriorityFile(
	actor: Actor,
	priorityId: string,
	upload: UploadedFile | (() => Promise<UploadedFile>)
): Promise<PriorityFileView> {
	const { ctx, priority } = await priorityContext(actor, priorityId);
	const rights = await rightsOf(ctx);
	demand(
		mayAddPriorityFile(rights, priority),
		'Only members of the body that raised or holds the priority, and officers, add its files.'
	);
	const file = typeof upload === 'function' ? await upload() : upload;
	const checked = checkEvidenceFile(file);
	// Stored before the row points at it; a file left by a failed transaction is harmless (named by content).
	await storeFile(checked, file.bytes);
	return transaction(async (tx) => {
		const row = await tx.priorityFile.create({
			data: {
				priorityId,
				name: checked.name,
				type: checked.type,
				size: checked.size,
				sha256: checked.sha256,
				addedById: actor.userId,
				addedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'file_added',
			entity: 'Priority',
			entityId: priorityId,
			partnershipId: ctx.partnership.id,
			detail: { fileId: row.id, ...checked }
		});
		return fileView(row);
	});
}

export async function priorityFile(actor: Actor, priorityId: string, fileId: string) {
	await priorityContext(actor, priorityId);
	const row = await db().priorityFile.findFirst({ where: { id: fileId, priorityId } });
	if (!row) throw new NotFound('file');
	return { name: row.name, type: row.type, sha256: row.sha256 };
}
