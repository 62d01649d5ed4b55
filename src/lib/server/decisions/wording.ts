// The wording a decision freezes: the item's draft in the server's copy of the decision log.
import { Invalid } from '../platform/index.ts';
import { withDocument } from '../meetings/index.ts';
import { decisionDrafts } from '../../collab/decisions.ts';
import { meetingDocuments } from '../../collab/documents.ts';

/** An item's draft wording as the server's copy of the decision log has it now ('' if none). */
export async function readDraftWording(meetingId: string, agendaItemId: string): Promise<string> {
	const text = await withDocument(meetingDocuments(meetingId).decisions, (doc) =>
		decisionDrafts(doc).get(agendaItemId)?.toString()
	);
	return (text ?? '').trim();
}

/** The draft wording to freeze, or Invalid on `wording` when there is none. */
export async function draftWording(meetingId: string, agendaItemId: string): Promise<string> {
	const wording = await readDraftWording(meetingId, agendaItemId);
	if (!wording)
		throw new Invalid({
			wording: 'The decision log has no wording for this item; write it before recording'
		});
	if (wording.length > 20_000)
		throw new Invalid({ wording: 'The wording must be 20,000 characters or fewer' });
	return wording;
}
