import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeDecision, makeItem, meetingIn } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let observer: Client;
beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
});
afterAll(() => server?.stop());

/** RFC 4180 parsing, to read the export back as a spreadsheet would. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') (row.push(cell), (cell = ''));
		else if (c === '\r' && text[i + 1] === '\n') {
			(row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
		} else cell += c;
	}
	return rows;
}

describe('CSV exports', () => {
	it('exports each decision as it stands, quoted, with formulas neutralised', async () => {
		const meeting = await meetingIn(server.db, fx, 'CLOSED', '2026-03-05');
		const item = await makeItem(server.db, meeting.id, 1, 'Budget, "revised"');
		const decision = await makeDecision(server.db, fx, meeting.id, item.id, [
			{ wording: 'First wording' },
			{ wording: '=HYPERLINK("http://evil.example","click")\nsecond line' }
		]);
		const res = await observer.get('/api/v1/partnerships/alpha/decisions.csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toContain('alpha-decisions.csv');
		const [header, ...rows] = parseCsv(res.text.replace(/^\uFEFF/, ''));
		expect(header).toEqual([
			'Decision id',
			'Date',
			'Body',
			'Taken by',
			'Meeting',
			'Agenda item',
			'Taken in private',
			'Outcome',
			'Method',
			'Votes for',
			'Votes against',
			'Abstaining',
			'Wording',
			'Subject to ratification by',
			'Version',
			'Hash'
		]);
		expect(rows).toHaveLength(1);
		const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
		expect(row).toMatchObject({
			'Decision id': decision.id,
			Body: 'alpha board',
			Meeting: 'Board 2026-03-05',
			'Agenda item': 'Budget, "revised"',
			'Taken in private': 'no',
			Outcome: 'Agreed',
			Method: 'Consensus',
			Wording: `'=HYPERLINK("http://evil.example","click")\nsecond line`,
			Version: '2'
		});
		expect(row.Hash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('exports actions with owner, due date and status', async () => {
		const meeting = await meetingIn(server.db, fx, 'CLOSED', '2026-04-05');
		const item = await makeItem(server.db, meeting.id, 1, 'Transport');
		const decision = await makeDecision(server.db, fx, meeting.id, item.id, [{ wording: 'Go' }]);
		await server.db.action.create({
			data: {
				partnershipId: fx.partnership.id,
				bodyId: fx.bodies.board.id,
				meetingId: meeting.id,
				decisionId: decision.id,
				text: '+1 survey, then report',
				ownerOrganisationId: fx.organisations.health.id,
				ownerMembershipId: fx.members.MEMBER.membershipId,
				dueOn: new Date('2026-06-30T00:00:00Z'),
				status: 'IN_PROGRESS',
				createdById: fx.members.SECRETARIAT.userId
			}
		});
		const res = await observer.get('/api/v1/partnerships/alpha/actions.csv');
		expect(res.status).toBe(200);
		const [header, ...rows] = parseCsv(res.text.replace(/^\uFEFF/, ''));
		expect(header[0]).toBe('Action id');
		expect(rows).toHaveLength(1);
		const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
		expect(row).toMatchObject({
			'Decision id': decision.id,
			Action: "'+1 survey, then report",
			'Owner organisation': 'Health board (alpha)',
			Owner: 'member of alpha',
			Due: '2026-06-30',
			Status: 'In progress',
			'Agenda item': 'Transport'
		});
	});

	it('is refused outside the partnership and without signing in', async () => {
		await makePartnership(server.db, 'beta');
		const outsider = await signedIn(server.url, 'admin@beta.test');
		expect((await outsider.get('/api/v1/partnerships/alpha/decisions.csv')).status).toBe(404);
		const res = await fetch(`${server.url}/api/v1/partnerships/alpha/actions.csv`);
		expect(res.status).toBe(401);
	});
});
