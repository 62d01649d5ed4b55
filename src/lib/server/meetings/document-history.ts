// Who edited a meeting's shared document and when: its editing sessions, oldest first, kept when the
// update log is compacted. Anyone who may read the meeting may read its history.
import type { Actor } from '../access/index.ts';
import { documentName, type DocumentKind } from '../../collab/documents.ts';
import { db } from '../platform/index.ts';
import { meetingContext } from '../access/index.ts';

export interface EditSessionView {
	userId: string;
	name: string;
	startedAt: Date;
	endedAt: Date;
	updates: number;
}

export async function documentHistory(
	actor: Actor,
	meetingId: string,
	kind: DocumentKind
): Promise<EditSessionView[]> {
	await meetingContext(actor, meetingId);
	const sessions = await db().docEditSession.findMany({
		where: { docName: documentName(meetingId, kind) },
		orderBy: [{ startedAt: 'asc' }, { id: 'asc' }]
	});
	const users = await db().user.findMany({
		where: { id: { in: [...new Set(sessions.map((s) => s.userId))] } },
		select: { id: true, name: true }
	});
	const names = new Map(users.map((u) => [u.id, u.name]));
	return sessions.map(({ userId, startedAt, endedAt, updates }) => ({
		userId,
		name: names.get(userId) ?? '',
		startedAt,
		endedAt,
		updates
	}));
}
