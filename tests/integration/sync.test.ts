import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
	makeMeeting,
	makePartnership,
	makeRestrictedPaper,
	type Fixture
} from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';
import {
	closeCode,
	connect,
	rawSocket,
	upgradeStatus,
	waitFor,
	type SyncClient
} from '../support/sync.ts';

let server: TestServer;
let alpha: Fixture;
let beta: Fixture;
let meetingId: string;
const cookies = {} as Record<string, string>;
const clients: SyncClient[] = [];

const doc = (kind: string) => `meeting:${meetingId}:${kind}`;
function open(kind: string, who: string, options: Parameters<typeof connect>[3] = {}) {
	const client = connect(server.url, doc(kind), cookies[who], options);
	clients.push(client);
	return client;
}
const text = (c: SyncClient) => c.doc.getText('t').toString();

beforeAll(async () => {
	server = await startServer({
		env: { SYNC_COMPACT_AFTER_UPDATES: '50', SYNC_IDLE_UNLOAD_MS: '300' }
	});
	alpha = await makePartnership(server.db, 'alpha');
	beta = await makePartnership(server.db, 'beta');
	meetingId = (await makeMeeting(server.db, alpha)).id;
	for (const role of ['ADMIN', 'SECRETARIAT', 'MEMBER', 'REVIEWER', 'OBSERVER'] as const) {
		cookies[role] = (await signedIn(server.url, alpha.members[role].email)).cookie;
	}
	cookies.outsider = (await signedIn(server.url, beta.members.MEMBER.email)).cookie;
});
afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
});

describe('two people editing one document', () => {
	it('converge, and each update is stored before the other receives it', async () => {
		const a = open('agenda', 'SECRETARIAT');
		const b = open('agenda', 'MEMBER');
		await Promise.all([a.synced, b.synced]);
		let storedWhenSeen: number | undefined;
		b.doc.getText('t').observe((event) => {
			if (event.transaction.origin !== b.provider || storedWhenSeen !== undefined) return;
			storedWhenSeen = -1;
			void server.db.docUpdate
				.count({ where: { docName: doc('agenda') } })
				.then((n) => (storedWhenSeen = n));
		});
		a.doc.getText('t').insert(0, 'alpha ');
		b.doc.getText('t').insert(0, 'beta ');
		await waitFor(() => text(a).length === 11 && text(a) === text(b), 'convergence');
		expect(text(a)).toContain('alpha');
		expect(text(a)).toContain('beta');
		await waitFor(() => (storedWhenSeen ?? -1) >= 0, 'stored count');
		expect(storedWhenSeen).toBeGreaterThanOrEqual(1);
	});
});
