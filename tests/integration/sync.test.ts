import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { makePartnership, makeUser, type Fixture } from '../support/factories.ts';
import { makeMeeting, makeRestrictedPaper } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { domainOn } from '../support/domain.ts';
import { freshDataDir, startServer, type TestServer, removeDataDir } from '../support/server.ts';
import {
	closeCode,
	connect,
	rawSocket,
	upgradeStatus,
	waitFor,
	type SyncClient
} from '../support/sync.ts';

const SYNC_ENV = { SYNC_COMPACT_AFTER_UPDATES: '50', SYNC_IDLE_UNLOAD_MS: '300' };
let server: TestServer;
let dataDir: string;
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
	dataDir = await freshDataDir();
	server = await startServer({ dataDir, env: SYNC_ENV });
	alpha = await makePartnership(server.db, 'alpha');
	beta = await makePartnership(server.db, 'beta');
	meetingId = (await makeMeeting(server.db, alpha)).id;
	for (const role of ['ADMIN', 'SECRETARIAT', 'MEMBER', 'REVIEWER', 'OBSERVER'] as const) {
		cookies[role] = (await signedIn(server.url, alpha.members[role].email)).cookie;
	}
	cookies.outsider = (await signedIn(server.url, beta.members.MEMBER.email)).cookie;
	// A member of the partnership with no seat on the meeting's board, and two people of the health board.
	const person = async (key: string, role: 'MEMBER' | 'SECRETARIAT' | 'OBSERVER', org: string) => {
		const user = await makeUser(server.db, `${key.toLowerCase()}@alpha.test`, key);
		await server.db.membership.create({
			data: { userId: user.id, partnershipId: alpha.partnership.id, organisationId: org, role }
		});
		cookies[key] = (await signedIn(server.url, user.email)).cookie;
		return user;
	};
	await person('unseated', 'MEMBER', alpha.organisations.council.id);
	await person('healthOfficer', 'SECRETARIAT', alpha.organisations.health.id);
	await person('healthObserver', 'OBSERVER', alpha.organisations.health.id);
});
afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
	await removeDataDir(dataDir);
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

const stored = (name: string, where: object = {}) =>
	server.db.docUpdate.count({ where: { docName: name, ...where } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('people who may only read', () => {
	it.each(['OBSERVER', 'REVIEWER', 'unseated'])(
		'%s gets the document and presence, but their edits reach nobody and are not stored',
		async (who) => {
			const writer = open('evidence', 'ADMIN');
			await writer.synced;
			writer.doc.getText('t').insert(0, `from admin for ${who}. `);
			writer.provider.awareness.setLocalStateField('user', { name: 'admin' });
			const reader = open('evidence', who);
			await reader.synced;
			await waitFor(() => text(reader).includes(`for ${who}`), 'the reader to get the document');
			await waitFor(
				() =>
					[...reader.provider.awareness.getStates().values()].some(
						(s) => s.user?.name === 'admin of alpha'
					),
				"the writer's presence"
			);
			const before = await stored(doc('evidence'));
			reader.doc.getText('t').insert(0, `reader ${who} wrote this`);
			writer.doc.getText('t').insert(0, 'later. ');
			await waitFor(
				() => text(reader).startsWith('later') || text(reader).includes('later.'),
				'a later edit'
			);
			await sleep(200);
			expect(text(writer)).not.toContain(`reader ${who}`);
			const fresh = open('evidence', 'ADMIN');
			await fresh.synced;
			expect(text(fresh)).not.toContain(`reader ${who}`);
			expect(await stored(doc('evidence'))).toBe(before + 1);
			reader.destroy();
		}
	);
});

describe('refusing the upgrade', () => {
	it('answers 401 without a session, 403 for another partnership, a foreign Origin or an unknown meeting, 404 for a non-document', async () => {
		const name = doc('agenda');
		const origin = server.url;
		expect(await upgradeStatus(server.url, name, { cookie: cookies.MEMBER, origin })).toBe(101);
		expect(await upgradeStatus(server.url, name, { origin })).toBe(401);
		expect(await upgradeStatus(server.url, name, { cookie: 'session=bogus.token', origin })).toBe(
			401
		);
		expect(await upgradeStatus(server.url, name, { cookie: cookies.outsider, origin })).toBe(403);
		expect(
			await upgradeStatus(server.url, name, { cookie: cookies.MEMBER, origin: 'https://evil.test' })
		).toBe(403);
		expect(
			await upgradeStatus(server.url, 'meeting:cunknownmeeting0000000:agenda', {
				cookie: cookies.MEMBER,
				origin
			})
		).toBe(403);
		expect(await upgradeStatus(server.url, 'not-a-document', { cookie: cookies.MEMBER })).toBe(404);
	});

	it('accepts a personal access token as a bearer token', async () => {
		const member = await signedIn(server.url, alpha.members.MEMBER.email);
		const { json } = await member.post('/api/v1/me/tokens', { name: 'sync script' });
		expect(
			await upgradeStatus(server.url, doc('agenda'), { authorization: `Bearer ${json.token}` })
		).toBe(101);
	});
});

describe('a restricted paper', () => {
	it('reaches only people of the organisations allowed to see it', async () => {
		const paper = await makeRestrictedPaper(server.db, meetingId, [alpha.organisations.health.id]);
		const name = `${doc('evidence')}:${paper.id}`;
		const officer = connect(server.url, name, cookies.healthOfficer);
		clients.push(officer);
		await officer.synced;
		officer.doc.getText('t').insert(0, 'confidential figures');
		await waitFor(async () => (await stored(name)) === 1, 'the paper to be stored');
		const allowed = connect(server.url, name, cookies.healthObserver);
		clients.push(allowed);
		await allowed.synced;
		expect(text(allowed)).toBe('confidential figures');
		for (const who of ['MEMBER', 'ADMIN', 'outsider'])
			expect(await upgradeStatus(server.url, name, { cookie: cookies[who] })).toBe(403);
		const open = await makeRestrictedPaper(server.db, meetingId, []);
		await server.db.evidenceItem.update({
			where: { id: open.id },
			data: { confidentiality: 'PARTNERS' }
		});
		expect(
			await upgradeStatus(server.url, `${doc('evidence')}:${open.id}`, { cookie: cookies.ADMIN })
		).toBe(403);
	});
});

describe('working offline', () => {
	it('merges edits made on both sides while one was disconnected', async () => {
		const a = open('decisions', 'SECRETARIAT');
		const b = open('decisions', 'MEMBER');
		await Promise.all([a.synced, b.synced]);
		a.doc.getText('t').insert(0, 'shared start.');
		await waitFor(() => text(b) === 'shared start.', 'the start');
		a.provider.disconnect();
		a.doc.getText('t').insert(text(a).length, ' offline A.');
		b.doc.getText('t').insert(0, 'online B. ');
		await sleep(100);
		expect(text(b)).not.toContain('offline A');
		a.provider.connect();
		await waitFor(
			() => text(a) === text(b) && text(a).includes('offline A') && text(a).includes('online B'),
			'convergence'
		);
		expect(text(a)).toBe('online B. shared start. offline A.');
	});
});

/** A sync update frame carrying `update`. */
function updateFrame(update: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0);
	encoding.writeVarUint(e, 2);
	encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

describe('bad frames', () => {
	it('closes a frame over the limit with 1009 and applies none of it', async () => {
		const big = new Y.Doc();
		big.getText('t').insert(0, 'x'.repeat(2 * 1024 * 1024 + 10));
		const ws = await rawSocket(server.url, doc('minutes'), cookies.SECRETARIAT);
		const closed = closeCode(ws);
		ws.send(updateFrame(Y.encodeStateAsUpdate(big)));
		expect(await closed).toBe(1009);
		const fresh = open('minutes', 'SECRETARIAT');
		await fresh.synced;
		expect(text(fresh)).toBe('');
		expect(await stored(doc('minutes'))).toBe(0);
	});

	it('closes only the connection that sent a malformed frame; other documents keep syncing', async () => {
		const a = open('agenda', 'SECRETARIAT');
		const b = open('agenda', 'MEMBER');
		await Promise.all([a.synced, b.synced]);
		const cases: Array<[Uint8Array | string, number]> = [
			[new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), 1007],
			[new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]), 1007],
			[new Uint8Array([0, 9, 0]), 1003],
			[new Uint8Array([7]), 1003],
			['hello', 1003],
			[new Uint8Array([1, 3, 1, 1]), 1007]
		];
		for (const [frame, code] of cases) {
			const ws = await rawSocket(server.url, doc('minutes'), cookies.SECRETARIAT);
			const closed = closeCode(ws);
			ws.send(frame);
			expect(await closed).toBe(code);
			const mark = `mark ${code} ${Math.random()}`;
			a.doc.getText('t').insert(0, mark);
			await waitFor(() => text(b).includes(mark), 'the other document to sync');
		}
	});
});

describe('compaction', () => {
	it('folds the log into a snapshot; a new client and a restarted server get everything', async () => {
		const a = open('minutes', 'SECRETARIAT');
		await a.synced;
		for (let i = 0; i < 120; i++) a.doc.getText('t').insert(text(a).length, `w${i} `);
		await waitFor(
			async () => (await server.db.docSnapshot.count({ where: { docName: doc('minutes') } })) === 1,
			'a snapshot'
		);
		await waitFor(async () => (await stored(doc('minutes'))) < 120, 'fewer log rows');
		const full = text(a);
		const fresh = open('minutes', 'MEMBER');
		await fresh.synced;
		expect(text(fresh)).toBe(full);

		// Edits after the last compaction stay in the log, so the restart must read snapshot + log.
		const beyondSnapshot = async () => {
			const snapshot = await server.db.docSnapshot.findUnique({
				where: { docName: doc('minutes') }
			});
			return stored(doc('minutes'), { seq: { gt: snapshot!.seq } });
		};
		for (let i = 0; i < 5 && (await beyondSnapshot()) === 0; i++) {
			a.doc.getText('t').insert(0, `tail${i} `);
			await waitFor(() => text(fresh) === text(a), 'the tail');
			await sleep(50);
		}
		expect(await beyondSnapshot()).toBeGreaterThan(0);
		const final = text(a);
		expect(final).toContain(full);
		// Killed, not stopped: nothing gets to compact on the way out.
		for (const c of clients.splice(0)) c.destroy();
		server.process.kill('SIGKILL');
		await new Promise((r) => server.process.once('exit', r));
		await server.db.$disconnect();
		server = await startServer({ dataDir, env: SYNC_ENV });
		const again = open('minutes', 'MEMBER');
		await again.synced;
		expect(text(again)).toBe(final);
	});

	it('compacts a document nobody has open any more and keeps its editing history', async () => {
		for (const c of clients.splice(0)) c.destroy();
		await waitFor(async () => (await stored(doc('minutes'))) === 0, 'the log to be folded', 5000);
		const domain = await domainOn(dataDir);
		const { documentHistory } = await import('../../src/lib/server/meetings/index.ts');
		const history = await documentHistory(
			await domain.actorOf(cookies.OBSERVER),
			meetingId,
			'minutes'
		);
		expect(history.map((h) => h.name)).toContain('secretariat of alpha');
		expect(history.find((h) => h.name === 'secretariat of alpha')!.updates).toBeGreaterThanOrEqual(
			120
		);
		await expect(
			documentHistory(await domain.actorOf(cookies.outsider), meetingId, 'minutes')
		).rejects.toThrow(/No such meeting/);
		await domain.disconnect();
	});
});

describe('shutting down', () => {
	it('on SIGTERM stores what is pending and compacts before exiting', async () => {
		const a = open('agenda', 'SECRETARIAT');
		const b = open('agenda', 'MEMBER');
		await Promise.all([a.synced, b.synced]);
		a.doc.getText('t').insert(0, 'before shutdown. ');
		await waitFor(() => text(b).startsWith('before shutdown'), 'the edit to arrive');
		for (let i = 0; i < 20; i++) a.doc.getText('t').insert(0, `burst ${i}. `);
		const exited = new Promise<number | null>((r) => server.process.once('exit', r));
		server.process.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(await stored(doc('agenda'))).toBe(0);
		const snapshot = await server.db.docSnapshot.findUnique({ where: { docName: doc('agenda') } });
		const saved = new Y.Doc();
		Y.applyUpdate(saved, new Uint8Array(snapshot!.state));
		expect(saved.getText('t').toString()).toContain('before shutdown');
		// Whatever the other person had received was stored too.
		for (const word of text(b).split('. ')) expect(saved.getText('t').toString()).toContain(word);
		for (const c of clients.splice(0)) c.destroy();
	});
});
