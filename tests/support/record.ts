// A meeting under way for tests of its record: items, seats and people present arranged straight into the
// database (the attendance commands are tested elsewhere), and the decision log's wording written the way
// the chair's page writes it, with the stock y-websocket client.
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { decisionDrafts } from '../../src/lib/collab/decisions.ts';
import type { Fixture } from './factories.ts';
import type { TestDb, TestServer } from './server.ts';
import { connect, waitFor } from './sync.ts';

export const newId = () => 'i' + randomBytes(12).toString('hex');

export async function makeLiveMeeting(
	db: TestDb,
	fx: Fixture,
	data: { bodyId?: string; startsAt?: Date; status?: 'IN_PROGRESS' | 'AGENDA_ISSUED' } = {}
) {
	return db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: data.bodyId ?? fx.bodies.board.id,
			title: 'Partnership board',
			startsAt: data.startsAt ?? new Date('2026-06-04T09:30:00Z'),
			status: data.status ?? 'IN_PROGRESS',
			agendaIssuedAt: new Date('2026-05-28T09:00:00Z'),
			startedAt: data.status === 'AGENDA_ISSUED' ? null : new Date(),
			createdById: fx.members.SECRETARIAT.userId
		}
	});
}

export async function makeItem(
	db: TestDb,
	meetingId: string,
	title = 'Budget',
	presenterOrganisationId: string | null = null
) {
	return db.agendaItem.create({
		data: { id: newId(), meetingId, order: 1, title, purpose: 'DECISION', presenterOrganisationId }
	});
}

export async function seat(
	db: TestDb,
	bodyId: string,
	membershipId: string,
	role: 'CHAIR' | 'MEMBER' | 'ADVISER' = 'MEMBER'
) {
	return db.bodySeat.create({ data: { bodyId, membershipId, role } });
}

export async function markPresent(
	db: TestDb,
	meetingId: string,
	membershipIds: string[],
	by: string
) {
	for (const membershipId of membershipIds)
		await db.attendance.create({
			data: { meetingId, membershipId, status: 'PRESENT', arrivedAt: new Date(), recordedById: by }
		});
}

/**
 * Writes an item's draft wording into the decision log through the sync server, as a person at the
 * meeting would, and waits until the server has stored it.
 */
export async function writeWording(
	server: TestServer,
	cookie: string,
	meetingId: string,
	agendaItemId: string,
	wording: string
) {
	const name = `meeting:${meetingId}:decisions`;
	const stored = () => server.db.docUpdate.count({ where: { docName: name } });
	const before = await stored();
	const client = connect(server.url, name, cookie);
	try {
		await client.synced;
		const drafts = decisionDrafts(client.doc);
		client.doc.transact(() => {
			const text = drafts.get(agendaItemId);
			if (text) {
				text.delete(0, text.length);
				text.insert(0, wording);
			} else drafts.set(agendaItemId, new Y.Text(wording));
		});
		await waitFor(async () => (await stored()) > before, 'the wording to be stored');
	} finally {
		client.destroy();
	}
}

/** The decision log as stored before anyone opens it: for arranging many meetings quickly. */
export async function storeWording(db: TestDb, meetingId: string, drafts: Record<string, string>) {
	const doc = new Y.Doc();
	for (const [id, wording] of Object.entries(drafts))
		decisionDrafts(doc).set(id, new Y.Text(wording));
	await db.docSnapshot.create({
		data: {
			docName: `meeting:${meetingId}:decisions`,
			seq: 0,
			state: Buffer.from(Y.encodeStateAsUpdate(doc))
		}
	});
	doc.destroy();
}
