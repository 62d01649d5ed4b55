// One load of a meeting's live page asks the database about the person's access once: their membership,
// seats and the meeting's context are built once per request and reused by the layouts, the page's loads
// and every domain function they call. Counted by the server itself: with QUERY_COUNT=1 each answer
// carries `x-db-queries` (every SQL statement it sent, through Prisma or the bulk reader) and
// `x-db-access-queries` (those asked to build the person's access).
//
// Before (2026-12-06, this fixture: a meeting in progress on its first of two items, no records yet):
//   officer  126 statements, 55 of them access (partnership context 14 times, meeting context 8 times,
//            meeting rights 6 times: ~35 Prisma calls, as the issue counted them, each one or two statements)
//   member   118 statements, 60 of them access
// After: access 6 statements for either (session-independent: membership, partnership, meeting, its
// partnership, the seats, the standing-in count); the whole load 76 (officer) and 63 (member). The rest is
// the page's data: Prisma sends a statement per nested relation, even an empty one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeItem, makeSeated, setStatus } from '../support/floor.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

const BEFORE = {
	officer: { queries: 126, access: 55 },
	member: { queries: 118, access: 60 }
};

let server: TestServer;
let fx: Fixture;
const as = {} as Record<keyof typeof BEFORE, Client>;
let meetingId: string;

beforeAll(async () => {
	server = await startServer({ env: { QUERY_COUNT: '1' } });
	fx = await makePartnership(server.db, 'alpha');
	as.officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	as.member = await signedIn(server.url, (await makeSeated(server.db, fx, 'health')).email);
	const meeting = await makeMeeting(server.db, fx, { status: 'AGENDA_ISSUED' });
	const first = await makeItem(server.db, meeting.id, 1);
	await makeItem(server.db, meeting.id, 2);
	await setStatus(server.db, meeting.id, 'IN_PROGRESS', first.id);
	meetingId = meeting.id;
});
afterAll(() => server?.stop());

async function countsOf(client: Client, path: string) {
	const res = await client.get(path);
	expect(res.status, res.text.slice(0, 300)).toBe(200);
	const queries = res.headers.get('x-db-queries');
	const access = res.headers.get('x-db-access-queries');
	expect(queries, 'the server counts queries with QUERY_COUNT=1').not.toBeNull();
	return { queries: Number(queries), access: Number(access) };
}

describe('one load of the live page', () => {
	for (const who of ['officer', 'member'] as const)
		it(`for ${who === 'officer' ? 'an officer' : 'a member'} builds their access once`, async () => {
			const page = `/p/alpha/meetings/${meetingId}/live`;
			for (const path of [page, `${page}/__data.json`]) {
				const counted = await countsOf(as[who], path);
				expect(counted.access, path).toBeLessThanOrEqual(Math.floor(BEFORE[who].access / 3));
				expect(counted.queries, path).toBeLessThanOrEqual(
					Math.floor((BEFORE[who].queries * 2) / 3)
				);
			}
		});
});
