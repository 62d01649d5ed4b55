// Meetings at the end of their life, and minutes documents, arranged straight into a test database.
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { LEGACY_MINUTES_TEXT, replaceMinutes } from '../../src/lib/collab/minutes.ts';
import type { Fixture } from './factories.ts';
import type { TestDb } from './server.ts';

type Status = 'DRAFT' | 'AGENDA_ISSUED' | 'IN_PROGRESS' | 'CLOSED' | 'MINUTES_APPROVED';

/** A board meeting in the given state, starting on the given day (later days are later meetings). */
export async function meetingIn(db: TestDb, fx: Fixture, status: Status, day = '2026-06-04') {
	return db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			title: `Board ${day}`,
			startsAt: new Date(`${day}T09:30:00Z`),
			status,
			agendaIssuedAt: status === 'DRAFT' ? null : new Date(`${day}T00:00:00Z`),
			startedAt: ['DRAFT', 'AGENDA_ISSUED'].includes(status) ? null : new Date(`${day}T09:30:00Z`),
			createdById: fx.members.SECRETARIAT.userId
		}
	});
}

/**
 * Stores text in a meeting's minutes document as the sync server would have (one update in the log), as
 * the rich-text nodes the editor writes; only for a document nobody has opened yet.
 */
export async function storeMinutesText(db: TestDb, meetingId: string, text: string) {
	const doc = new Y.Doc();
	replaceMinutes(doc, text);
	await storeMinutesDocument(db, meetingId, doc);
}

/** Stores minutes as they were kept before the rich editor: one plain text. */
export async function storeLegacyMinutesText(db: TestDb, meetingId: string, text: string) {
	const doc = new Y.Doc();
	doc.getText(LEGACY_MINUTES_TEXT).insert(0, text);
	await storeMinutesDocument(db, meetingId, doc);
}

async function storeMinutesDocument(db: TestDb, meetingId: string, doc: Y.Doc) {
	await db.docUpdate.create({
		data: {
			docName: `meeting:${meetingId}:minutes`,
			data: Buffer.from(Y.encodeStateAsUpdate(doc))
		}
	});
}

const hex = (n: number) => randomBytes(n).toString('hex');

/** An agenda item as the projection would have created it. */
export async function makeItem(
	db: TestDb,
	meetingId: string,
	order: number,
	title: string,
	data: { private?: boolean; purpose?: 'DECISION' | 'DISCUSSION' } = {}
) {
	return db.agendaItem.create({
		data: {
			id: `item${hex(10)}`,
			meetingId,
			order,
			title,
			purpose: data.purpose ?? 'DECISION',
			private: data.private ?? false,
			minutes: 20
		}
	});
}

/** A decision with its versions, as the record commands would have stored it (fixture data). */
export async function makeDecision(
	db: TestDb,
	fx: Fixture,
	meetingId: string,
	agendaItemId: string,
	versions: { wording: string; outcome?: 'AGREED' | 'NOTED'; evidenceItemIds?: string[] }[]
) {
	const decision = await db.decision.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId,
			agendaItemId
		}
	});
	let version = 0;
	for (const v of versions) {
		version++;
		await db.decisionVersion.create({
			data: {
				decisionId: decision.id,
				version,
				wording: v.wording,
				outcome: v.outcome ?? 'AGREED',
				method: 'CONSENSUS',
				quorate: true,
				hash: hex(32),
				recordedById: fx.members.SECRETARIAT.userId,
				evidence: {
					create: (v.evidenceItemIds ?? []).map((evidenceItemId) => ({ evidenceItemId }))
				}
			}
		});
	}
	return decision;
}
