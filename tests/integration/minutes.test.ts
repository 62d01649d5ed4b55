import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	appendMinutes,
	LEGACY_MINUTES_TEXT,
	minutesFragment,
	minutesMarkdown
} from '../../src/lib/collab/minutes.ts';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf, makePackPaper } from '../support/meetings.ts';
import {
	makeDecision,
	makeItem,
	meetingIn,
	storeLegacyMinutesText,
	storeMinutesText
} from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { connect, waitFor } from '../support/sync.ts';

let server: TestServer;
let fx: Fixture;
let chair: Client;
let officer: Client;
let observer: Client;
beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
});
afterAll(() => server?.stop());

const close = (client: Client, id: string) => client.post(`/api/v1/meetings/${id}/close`, {});
const approve = (client: Client, id: string, atMeetingId: unknown) =>
	client.post(`/api/v1/meetings/${id}/minutes/approve`, { atMeetingId });

/** A meeting in progress with a full record, arranged as the floor and record commands would store it. */
async function recordedMeeting() {
	const db = server.db;
	const meeting = await meetingIn(db, fx, 'IN_PROGRESS', '2026-03-05');
	const nhs = await makeMemberOf(db, fx, 'health');
	const deputy = await makeMemberOf(db, fx, 'health');
	const tsi = await makeMemberOf(db, fx, 'tsi');
	await db.bodySeat.createMany({
		data: [
			{ bodyId: fx.bodies.board.id, membershipId: nhs.membershipId, role: 'MEMBER' },
			{ bodyId: fx.bodies.board.id, membershipId: tsi.membershipId, role: 'MEMBER' }
		]
	});
	const by = fx.members.SECRETARIAT.userId;
	const attend = (
		membershipId: string,
		status: 'PRESENT' | 'APOLOGIES' | 'SUBSTITUTE_FOR',
		extra = {}
	) =>
		db.attendance.create({
			data: { meetingId: meeting.id, membershipId, status, recordedById: by, ...extra }
		});
	await attend(fx.members.MEMBER.membershipId, 'PRESENT');
	await attend(nhs.membershipId, 'APOLOGIES', { substituteId: deputy.membershipId });
	await attend(deputy.membershipId, 'SUBSTITUTE_FOR', { substituteForId: nhs.membershipId });
	const transport = await makeItem(db, meeting.id, 1, 'Community transport pilot');
	const staffing = await makeItem(db, meeting.id, 2, 'Staffing restructure', { private: true });
	const survey = await makePackPaper(db, meeting.id, 'PUBLIC');
	await db.declaration.create({
		data: {
			meetingId: meeting.id,
			agendaItemId: transport.id,
			membershipId: tsi.membershipId,
			nature: 'Trustee of a bidder',
			action: 'WITHDREW',
			recordedById: by
		}
	});
	const turn = (membershipId: string, data: object) =>
		db.contribution.create({
			data: {
				meetingId: meeting.id,
				agendaItemId: transport.id,
				membershipId,
				type: 'CONTRIBUTION',
				requestedById: by,
				...data
			}
		});
	await turn(fx.members.MEMBER.membershipId, {
		type: 'PROPOSAL',
		summary: 'Proposed a two-year pilot.',
		startedAt: new Date('2026-03-05T10:00:00Z'),
		endedAt: new Date('2026-03-05T10:03:00Z')
	});
	const speaking = await turn(deputy.membershipId, {
		type: 'QUESTION',
		summary: 'Asked about rural routes.',
		startedAt: new Date('2026-03-05T10:04:00Z')
	});
	const waiting = await turn(fx.members.MEMBER.membershipId, {});
	const challenge = await db.challenge.create({
		data: {
			meetingId: meeting.id,
			agendaItemId: transport.id,
			raisedByMembershipId: deputy.membershipId,
			directedToOrganisationId: fx.organisations.council.id,
			target: 'EVIDENCE',
			evidenceItemId: survey.id,
			quote: 'most residents drive',
			kind: 'EVIDENCE',
			text: 'The survey missed people without cars.',
			recordedById: by
		}
	});
	await db.challengeResponse.create({
		data: {
			challengeId: challenge.id,
			respondedByMembershipId: fx.members.MEMBER.membershipId,
			text: 'A new survey will be run.',
			status: 'ACTION_AGREED',
			effect: 'AMENDED',
			recordedById: by
		}
	});
	const decision = await makeDecision(db, fx, meeting.id, transport.id, [
		{ wording: 'Fund a pilot.' },
		{ wording: 'Fund a pilot, with a new survey.' }
	]);
	await db.action.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			meetingId: meeting.id,
			decisionId: decision.id,
			text: 'Run a new survey',
			ownerOrganisationId: fx.organisations.council.id,
			ownerMembershipId: fx.members.MEMBER.membershipId,
			dueOn: new Date('2026-05-01T00:00:00Z'),
			createdById: by
		}
	});
	await makeDecision(db, fx, meeting.id, staffing.id, [{ wording: 'Restructure the team.' }]);
	return { meeting, speaking, waiting, decision };
}

describe('closing a meeting', () => {
	it('the chair closes it once: turns end, the queue is cancelled, audited, the minutes drafted live', async () => {
		const { meeting, speaking, waiting } = await recordedMeeting();
		const watcher = connect(server.url, `meeting:${meeting.id}:minutes`, officer.cookie!);
		await watcher.synced;
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await close(chair, meeting.id);
		expect(res.status, res.text).toBe(200);
		expect(await written()).toBe(1);
		expect(res.json).toMatchObject({ meetingId: meeting.id, status: 'CLOSED', versions: [] });
		const row = await server.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
		expect(row.status).toBe('CLOSED');
		expect(row.closedAt).toBeInstanceOf(Date);
		const turn = await server.db.contribution.findUniqueOrThrow({ where: { id: speaking.id } });
		expect(turn.endedAt).toEqual(row.closedAt);
		const queued = await server.db.contribution.findUniqueOrThrow({ where: { id: waiting.id } });
		expect(queued).toMatchObject({ startedAt: null, cancelledAt: row.closedAt });

		const draft: string = res.json.draft;
		expect(draft).toContain('# Minutes: Board 2026-03-05');
		expect(draft).toMatch(/Present: member of alpha \(Council \(alpha\)\)/);
		expect(draft).toMatch(
			/Substitutes: health-member-\w+ \(Health board \(alpha\)\) for health-member-\w+/
		);
		expect(draft).toMatch(
			/Declarations of interest\n\n- Item 1, Community transport pilot: tsi-member-\w+ \(Voluntary action \(alpha\)\): Trustee of a bidder\. Withdrew from the item\./
		);
		expect(draft).toContain('proposal: Proposed a two-year pilot.');
		expect(draft).toContain('question: Asked about rural routes.');
		expect(draft).toContain('challenged Council (alpha) (evidence, on “Performance report”)');
		expect(draft).toContain('Quoted: “most residents drive”');
		expect(draft).toContain('(Action agreed; decision amended): A new survey will be run.');
		expect(draft).toContain('Wording: Fund a pilot.');
		expect(draft).toContain('Wording: Fund a pilot, with a new survey.');
		expect(draft).toContain(
			'- Run a new survey. Owner: Council (alpha) (member of alpha), due 1 May 2026. Open.'
		);
		expect(draft.indexOf('## Private business')).toBeLessThan(
			draft.indexOf('Staffing restructure')
		);
		// The sync server sent the server's change to the open editor.
		await waitFor(() => minutesMarkdown(watcher.doc) === draft, 'the draft to arrive');
		watcher.destroy();

		const again = await auditCounter(server.db);
		expect((await close(chair, meeting.id)).status).toBe(409);
		expect(await again()).toBe(0);
	});

	it('keeps what the officer already wrote and adds the draft after it under a heading', async () => {
		const meeting = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-03-06');
		await storeMinutesText(server.db, meeting.id, 'Notes taken on the day.');
		const res = await close(officer, meeting.id);
		expect(res.status, res.text).toBe(200);
		expect(res.json.draft).toMatch(
			/^Notes taken on the day\.\n\n## Drafted from the record when the meeting closed, .+\n\n# Minutes: Board 2026-03-06/
		);
		expect((await officer.get(`/api/v1/meetings/${meeting.id}/minutes`)).json.draft).toBe(
			res.json.draft
		);
	});

	it('puts the draft in place of a template with nothing written under it', async () => {
		const meeting = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-03-13');
		await storeMinutesText(
			server.db,
			meeting.id,
			'Present:\n\nApologies:\n\n1. Welcome\n## Actions\n'
		);
		const res = await close(officer, meeting.id);
		expect(res.status, res.text).toBe(200);
		expect(res.json.draft).toMatch(/^# Minutes: Board 2026-03-13/);
		expect(res.json.draft).not.toContain('Drafted from the record');
		expect(res.json.draft).not.toContain('1. Welcome\n## Actions');
	});

	it('moves minutes kept as plain text before the rich editor into it, drafting over a template', async () => {
		const meeting = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-03-20');
		await storeLegacyMinutesText(server.db, meeting.id, 'Present:\n\nApologies:\n\n1. Welcome\n');
		expect((await officer.get(`/api/v1/meetings/${meeting.id}/minutes`)).json.draft).toBe(
			'Present:\n\nApologies:\n\n1. Welcome\n'
		);
		const res = await close(officer, meeting.id);
		expect(res.status, res.text).toBe(200);
		expect(res.json.draft).toMatch(/^# Minutes: Board 2026-03-20/);
		expect(res.json.draft).not.toContain('Welcome');
		const watcher = connect(server.url, `meeting:${meeting.id}:minutes`, officer.cookie!);
		await watcher.synced;
		expect(minutesMarkdown(watcher.doc)).toBe(res.json.draft);
		expect(minutesFragment(watcher.doc).length).toBeGreaterThan(1);
		expect(watcher.doc.getText(LEGACY_MINUTES_TEXT).length).toBe(0);
		watcher.destroy();
	});

	it('only a meeting in progress can be closed, and only by the chair or an officer', async () => {
		const issued = await meetingIn(server.db, fx, 'AGENDA_ISSUED');
		expect((await close(officer, issued.id)).status).toBe(409);
		const running = await meetingIn(server.db, fx, 'IN_PROGRESS');
		const written = await auditCounter(server.db);
		expect((await close(observer, running.id)).status).toBe(403);
		expect(await written()).toBe(0);
		expect((await server.db.meeting.findUniqueOrThrow({ where: { id: running.id } })).status).toBe(
			'IN_PROGRESS'
		);
	});
});

describe('approving the minutes at the next meeting', () => {
	it('freezes the text as a hashed version and marks the meeting approved; amended text adds a version', async () => {
		const closed = await meetingIn(server.db, fx, 'CLOSED', '2026-01-10');
		await storeMinutesText(server.db, closed.id, 'The board met and agreed the plan.');
		const next = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-02-10');
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await approve(chair, closed.id, next.id);
		expect(res.status, res.text).toBe(200);
		expect(await written()).toBe(1);
		const text = 'The board met and agreed the plan.';
		expect(res.json).toMatchObject({ status: 'MINUTES_APPROVED' });
		expect(res.json.versions).toEqual([
			{
				version: 1,
				text,
				hash: createHash('sha256').update(`${closed.id}\n1\n${text}`).digest('hex'),
				approvedAt: expect.any(String),
				approvedBy: 'member of alpha',
				approvedAtMeetingId: next.id
			}
		]);
		const row = await server.db.minutesVersion.findFirstOrThrow({
			where: { meetingId: closed.id }
		});
		expect(row.approvedById).toBe(fx.members.MEMBER.userId);

		// Unchanged: nothing to approve again.
		expect((await approve(officer, closed.id, next.id)).status).toBe(409);

		// A correction agreed later is a new version; the first stays as it was.
		const editor = connect(server.url, `meeting:${closed.id}:minutes`, officer.cookie!);
		await editor.synced;
		appendMinutes(editor.doc, 'Correction: two abstained.');
		await waitFor(
			async () =>
				(await officer.get(`/api/v1/meetings/${closed.id}/minutes`)).json.draft.includes(
					'Correction'
				),
			'the edit to be stored'
		);
		editor.destroy();
		const amended = await approve(officer, closed.id, next.id);
		expect(amended.status, amended.text).toBe(200);
		expect(amended.json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
		expect(amended.json.versions[0].text).toBe(text);
		expect(amended.json.versions[1].text).toBe(`${text}\n\nCorrection: two abstained.`);
	});

	it('approves minutes still kept as plain text from before the rich editor as they read', async () => {
		const closed = await meetingIn(server.db, fx, 'CLOSED', '2026-01-17');
		await storeLegacyMinutesText(server.db, closed.id, '## Minutes\n\nThe board met.\n');
		const next = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-02-17');
		const res = await approve(chair, closed.id, next.id);
		expect(res.status, res.text).toBe(200);
		expect(res.json.versions[0].text).toBe('## Minutes\n\nThe board met.');
	});

	it('answers 400 on atMeetingId unless it is a later meeting of the same body in progress', async () => {
		const closed = await meetingIn(server.db, fx, 'CLOSED', '2026-04-10');
		await storeMinutesText(server.db, closed.id, 'Minutes.');
		const earlier = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-04-01');
		const notStarted = await meetingIn(server.db, fx, 'AGENDA_ISSUED', '2026-05-10');
		const otherBody = await server.db.meeting.create({
			data: {
				partnershipId: fx.partnership.id,
				bodyId: fx.bodies.theme.id,
				title: 'Theme group',
				startsAt: new Date('2026-05-11T10:00:00Z'),
				status: 'IN_PROGRESS',
				createdById: fx.members.SECRETARIAT.userId
			}
		});
		const written = await auditCounter(server.db);
		for (const at of [
			earlier.id,
			notStarted.id,
			otherBody.id,
			closed.id,
			'z'.repeat(24),
			'nonsense'
		]) {
			const res = await approve(officer, closed.id, at);
			expect(res.status, at).toBe(400);
			expect(res.json.error.fields).toHaveProperty('atMeetingId');
		}
		expect(await written()).toBe(0);
		expect(await server.db.minutesVersion.count({ where: { meetingId: closed.id } })).toBe(0);
	});

	it('answers 409 unless the meeting is closed, and 403 to those who do not run the meeting', async () => {
		const running = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-07-01');
		const next = await meetingIn(server.db, fx, 'IN_PROGRESS', '2026-08-01');
		expect((await approve(officer, running.id, next.id)).status).toBe(409);
		const closed = await meetingIn(server.db, fx, 'CLOSED', '2026-07-02');
		await storeMinutesText(server.db, closed.id, 'Minutes.');
		expect((await approve(observer, closed.id, next.id)).status).toBe(403);
		const empty = await meetingIn(server.db, fx, 'CLOSED', '2026-07-03');
		expect((await approve(officer, empty.id, next.id)).status).toBe(409);
	});
});
