// Rights follow people while they are connected: each way of taking a right away closes or downgrades
// that person's open documents within a second, and a write sent just after never reaches anyone or the
// store. Presence shows who people are, and one person's open connections and event streams are capped.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Client } from '../support/client.ts';
import { makePartnership, makeUser, type Fixture } from '../support/factories.ts';
import { makeMeeting } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { freshDataDir, startServer, type TestServer, removeDataDir } from '../support/server.ts';
import { closeCode, connect, rawSocket, waitFor, type SyncClient } from '../support/sync.ts';

const SYNC_CAP = 6;
const STREAM_CAP = 3;
const CAPS = {
	SYNC_CONNECTIONS_PER_PERSON: String(SYNC_CAP),
	EVENT_STREAMS_PER_PERSON: String(STREAM_CAP)
};
let server: TestServer;
let dataDir: string;
let alpha: Fixture;
let meetingId: string;
let admin: Client;
const clients: SyncClient[] = [];
const agenda = () => `meeting:${meetingId}:agenda`;

beforeAll(async () => {
	dataDir = await freshDataDir();
	server = await startServer({ dataDir, env: CAPS });
	alpha = await makePartnership(server.db, 'alpha');
	meetingId = (await makeMeeting(server.db, alpha)).id;
	admin = await signedIn(server.url, alpha.members.ADMIN.email);
});
afterEach(() => {
	for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
	await server?.stop();
	await removeDataDir(dataDir);
});

let people = 0;
/** Someone new in the partnership, signed in: their own session, so nobody else's test touches it. */
async function person(
	role: 'MEMBER' | 'SECRETARIAT' | 'OBSERVER',
	organisation: keyof Fixture['organisations'] = 'council',
	name = `person ${++people}`
) {
	const user = await makeUser(server.db, `p${people}-${Date.now()}@alpha.test`, name);
	const membership = await server.db.membership.create({
		data: {
			userId: user.id,
			partnershipId: alpha.partnership.id,
			organisationId: alpha.organisations[organisation].id,
			role
		}
	});
	const client = await signedIn(server.url, user.email);
	return { user, membershipId: membership.id, client };
}

function open(docName: string, cookie: string) {
	const client = connect(server.url, docName, cookie);
	clients.push(client);
	return client;
}

/** A stock client authenticating with a bearer token instead of a cookie. */
async function openWithToken(docName: string, token: string) {
	const { WebsocketProvider } = await import('y-websocket');
	const { socketClass, syncUrl } = await import('../support/sync.ts');
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(syncUrl(server.url), docName, doc, {
		WebSocketPolyfill: socketClass({
			authorization: `Bearer ${token}`
		}) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 200
	});
	const client: SyncClient = {
		doc,
		provider,
		synced: new Promise((resolve) => {
			const on = (state: boolean) => state && (provider.off('sync', on), resolve());
			provider.on('sync', on);
		}),
		destroy: () => {
			provider.destroy();
			doc.destroy();
		}
	};
	clients.push(client);
	return client;
}

/** When and how the client's connection was closed by the server, once it is. */
function closings(client: SyncClient) {
	const seen: { code: number; reason: string; at: number }[] = [];
	client.provider.on('connection-close', (event) => {
		if (event) seen.push({ code: event.code, reason: event.reason, at: Date.now() });
	});
	return seen;
}

/** The document as stored: snapshot plus log. */
async function storedText(docName: string): Promise<string> {
	const doc = new Y.Doc();
	const snapshot = await server.db.docSnapshot.findUnique({ where: { docName } });
	if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
	const rows = await server.db.docUpdate.findMany({ where: { docName }, orderBy: { seq: 'asc' } });
	for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
	return doc.getText('t').toString();
}

/** Follows the meeting's event stream; `ended` resolves when the server ends it. */
async function follow(headers: Record<string, string>) {
	const controller = new AbortController();
	const response = await fetch(`${server.url}/api/v1/meetings/${meetingId}/events`, {
		headers,
		signal: controller.signal
	});
	let text = '';
	let endedAt = 0;
	const ended = (async () => {
		if (!response.body) return;
		const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				text += value;
			}
			endedAt = Date.now();
		} catch {
			// aborted by the test
		}
	})();
	return {
		response,
		text: () => text,
		endedAt: () => endedAt,
		stop: async () => {
			controller.abort();
			await ended;
		}
	};
}

const text = (c: SyncClient) => c.doc.getText('t').toString();

interface Case {
	kind: string;
	/** Signs the victim up, opens their document, and gives back how to revoke and what to expect. */
	arrange(): Promise<{
		docName: string;
		victim: SyncClient;
		userId: string;
		/** Another reader of the document who keeps their right. */
		reader: SyncClient;
		/** A writer who keeps their right. */
		witness: SyncClient;
		revoke(): Promise<number>;
		expect: { close: number } | 'read-only';
		stream?: Awaited<ReturnType<typeof follow>>;
	}>;
}

async function onAgenda(
	role: 'MEMBER' | 'SECRETARIAT',
	options: { seat?: boolean } = {}
): Promise<{
	docName: string;
	victim: SyncClient;
	reader: SyncClient;
	witness: SyncClient;
	who: Awaited<ReturnType<typeof person>>;
	seatId?: string;
}> {
	const who = await person(role);
	const seat = options.seat
		? await server.db.bodySeat.create({
				data: { bodyId: alpha.bodies.board.id, membershipId: who.membershipId, role: 'MEMBER' }
			})
		: undefined;
	const observer = await person('OBSERVER');
	return {
		docName: agenda(),
		victim: open(agenda(), who.client.cookie),
		reader: open(agenda(), observer.client.cookie),
		witness: open(agenda(), admin.cookie),
		who,
		seatId: seat?.id
	};
}

const cases: Case[] = [
	{
		kind: 'logout',
		async arrange() {
			const a = await onAgenda('SECRETARIAT');
			const stream = await follow({ cookie: a.who.client.cookie });
			return {
				...a,
				userId: a.who.user.id,
				stream,
				revoke: async () => (await a.who.client.post('/api/v1/auth/logout')).status,
				expect: { close: 4401 }
			};
		}
	},
	{
		kind: 'password change',
		async arrange() {
			const a = await onAgenda('SECRETARIAT');
			const stream = await follow({ cookie: a.who.client.cookie });
			return {
				...a,
				userId: a.who.user.id,
				stream,
				revoke: async () =>
					(
						await a.who.client.post('/api/v1/me/password', {
							currentPassword: 'test-password-1234',
							newPassword: 'a new long password 5678'
						})
					).status,
				expect: { close: 4401 }
			};
		}
	},
	{
		kind: 'session ended from another browser',
		async arrange() {
			const a = await onAgenda('SECRETARIAT');
			const stream = await follow({ cookie: a.who.client.cookie });
			const other = await signedIn(server.url, a.who.user.email);
			const sessionId = a.who.client.cookie.replace(/^session=/, '').split('.')[0];
			const { json: sessions } = await other.get('/api/v1/me/sessions');
			expect(sessions).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ id: sessionId, current: false }),
					expect.objectContaining({ current: true })
				])
			);
			return {
				...a,
				userId: a.who.user.id,
				stream,
				revoke: async () =>
					(await other.request('DELETE', `/api/v1/me/sessions/${sessionId}`)).status,
				expect: { close: 4401 }
			};
		}
	},
	{
		kind: 'token revoked',
		async arrange() {
			const who = await person('SECRETARIAT');
			const { json } = await who.client.post('/api/v1/me/tokens', { name: 'sync script' });
			const observer = await person('OBSERVER');
			const stream = await follow({ authorization: `Bearer ${json.token}` });
			return {
				docName: agenda(),
				victim: await openWithToken(agenda(), json.token),
				reader: open(agenda(), observer.client.cookie),
				witness: open(agenda(), admin.cookie),
				userId: who.user.id,
				stream,
				revoke: async () =>
					(await who.client.request('DELETE', `/api/v1/me/tokens/${json.id}`)).status,
				expect: { close: 4401 }
			};
		}
	},
	{
		kind: 'role changed to observer',
		async arrange() {
			const a = await onAgenda('SECRETARIAT');
			return {
				...a,
				userId: a.who.user.id,
				revoke: async () =>
					(
						await admin.patch(`/api/v1/partnerships/alpha/members/${a.who.membershipId}`, {
							role: 'OBSERVER'
						})
					).status,
				expect: 'read-only'
			};
		}
	},
	{
		kind: 'membership removed',
		async arrange() {
			const a = await onAgenda('SECRETARIAT');
			const stream = await follow({ cookie: a.who.client.cookie });
			return {
				...a,
				userId: a.who.user.id,
				stream,
				revoke: async () =>
					(
						await admin.request(
							'DELETE',
							`/api/v1/partnerships/alpha/members/${a.who.membershipId}`
						)
					).status,
				expect: { close: 4403 }
			};
		}
	},
	{
		kind: 'seat ended',
		async arrange() {
			const a = await onAgenda('MEMBER', { seat: true });
			return {
				...a,
				userId: a.who.user.id,
				revoke: async () =>
					(await admin.request('DELETE', `/api/v1/partnerships/alpha/seats/${a.seatId}`)).status,
				expect: 'read-only'
			};
		}
	},
	{
		kind: 'restricted paper’s organisations changed',
		async arrange() {
			const { json: paper } = await admin.post(`/api/v1/meetings/${meetingId}/evidence`, {
				title: 'Patient-level extract',
				kind: 'STATISTICS',
				allowedOrganisationIds: [alpha.organisations.health.id, alpha.organisations.tsi.id]
			});
			expect(paper.document).toBeTruthy();
			const who = await person('SECRETARIAT', 'health');
			const reader = await person('OBSERVER', 'tsi');
			return {
				docName: paper.document,
				victim: open(paper.document, who.client.cookie),
				reader: open(paper.document, reader.client.cookie),
				witness: open(paper.document, admin.cookie),
				userId: who.user.id,
				revoke: async () =>
					(
						await admin.request(
							'PUT',
							`/api/v1/meetings/${meetingId}/evidence/${paper.id}/organisations`,
							// The admin (council, named as the paper's adder) keeps it, to witness the rest.
							{
								allowedOrganisationIds: [alpha.organisations.tsi.id, alpha.organisations.council.id]
							}
						)
					).status,
				expect: { close: 4403 }
			};
		}
	}
];

describe('rights taken away from someone with a document open', () => {
	it.each(cases)('$kind: their write after it reaches nobody and is not stored', async (c) => {
		const {
			docName,
			victim,
			reader,
			witness,
			userId,
			revoke,
			expect: outcome,
			stream
		} = await c.arrange();
		const closed = closings(victim);
		await Promise.all([victim.synced, reader.synced, witness.synced]);
		// Before: the victim writes, and it reaches the others and the store.
		const before = `before ${c.kind}. `;
		victim.doc.getText('t').insert(0, before);
		await waitFor(() => text(reader).includes(before), 'the write before to arrive');
		await waitFor(
			async () => (await server.db.docUpdate.count({ where: { docName, userId } })) > 0,
			'the write before to be stored'
		);
		const storedBefore = await server.db.docUpdate.count({ where: { docName, userId } });
		if (stream) expect(stream.response.status).toBe(200);

		expect(await revoke()).toBeLessThan(300);
		const revokedAt = Date.now();
		const after = `after ${c.kind}. `;
		victim.doc.getText('t').insert(0, after);
		victim.provider.awareness.setLocalStateField('probe', c.kind);

		if (outcome === 'read-only') {
			// The victim's frames are handled in order: once their presence after the write has arrived,
			// the write has been dropped or accepted.
			await waitFor(
				() => [...witness.provider.awareness.getStates().values()].some((s) => s.probe === c.kind),
				'the victim’s later presence'
			);
			expect(Date.now() - revokedAt).toBeLessThan(1000);
			expect(closed).toEqual([]);
		} else {
			await waitFor(() => closed.length > 0, 'the victim’s connection to close', 2000);
			expect(closed[0].code).toBe(outcome.close);
			expect(closed[0].reason).toMatch(/signed out|no longer allowed/);
			expect(closed[0].at - revokedAt).toBeLessThan(1000);
		}
		// Anything the victim's write could have been stored and sent ahead of is now through.
		const later = `later ${c.kind}. `;
		witness.doc.getText('t').insert(0, later);
		await waitFor(() => text(reader).includes(later), 'a later write to arrive');
		expect(text(reader)).not.toContain(after);
		expect(text(witness)).not.toContain(after);
		expect(await server.db.docUpdate.count({ where: { docName, userId } })).toBe(storedBefore);
		const storedNow = await storedText(docName);
		expect(storedNow).toContain(later);
		expect(storedNow).not.toContain(after);

		if (stream) {
			await waitFor(() => stream.endedAt() > 0, 'the event stream to end', 2000);
			expect(stream.endedAt() - revokedAt).toBeLessThan(1000);
			expect(stream.text()).toContain('event: closed');
		}
	});

	it('a connection downgraded to read-only still receives the others’ writes', async () => {
		const a = await onAgenda('MEMBER', { seat: true });
		await Promise.all([a.victim.synced, a.witness.synced]);
		await admin.request('DELETE', `/api/v1/partnerships/alpha/seats/${a.seatId}`);
		const mark = `for the reader ${Math.random()}`;
		a.witness.doc.getText('t').insert(0, mark);
		await waitFor(() => text(a.victim).includes(mark), 'the witness’s write to reach the reader');
		expect(a.victim.provider.wsconnected).toBe(true);
	});
});

describe('managing sessions', () => {
	it('is refused with an access token, and another person’s session is not found', async () => {
		const who = await person('OBSERVER');
		const { json } = await who.client.post('/api/v1/me/tokens', { name: 'script' });
		const res = await fetch(`${server.url}/api/v1/me/sessions`, {
			headers: { authorization: `Bearer ${json.token}` }
		});
		expect(res.status).toBe(403);
		const someoneElse = admin.cookie.replace(/^session=/, '').split('.')[0];
		expect((await who.client.request('DELETE', `/api/v1/me/sessions/${someoneElse}`)).status).toBe(
			404
		);
		expect((await admin.get('/api/v1/me')).status).toBe(200);
	});
});

describe('presence', () => {
	it('shows the name and organisation from the session, whatever the client claims', async () => {
		const spoofer = await person('OBSERVER', 'tsi', 'Robin Example');
		const watcher = await person('OBSERVER');
		const a = open(agenda(), spoofer.client.cookie);
		const b = open(agenda(), watcher.client.cookie);
		await Promise.all([a.synced, b.synced]);
		a.provider.awareness.setLocalState({
			name: 'Leader of the council',
			organisation: 'Council (alpha)',
			user: { name: 'Leader of the council' },
			colour: '#1d70b8',
			field: 'agenda:1:title'
		});
		const theirs = () => b.provider.awareness.getStates().get(a.doc.clientID);
		await waitFor(() => theirs()?.field === 'agenda:1:title', 'the spoofer’s presence');
		expect(theirs()).toMatchObject({
			name: 'Robin Example',
			organisation: 'Voluntary action (alpha)',
			user: { name: 'Robin Example', organisation: 'Voluntary action (alpha)' },
			colour: '#1d70b8'
		});
		const names = [...b.provider.awareness.getStates().values()].map((s) => s.name);
		expect(names).not.toContain('Leader of the council');
	});
});

describe('caps on one person’s connections', () => {
	it('refuses a sync connection over the cap with 4429 and a reason, and frees the place on close', async () => {
		const who = await person('OBSERVER');
		const sockets = [];
		for (let i = 0; i < SYNC_CAP; i++)
			sockets.push(await rawSocket(server.url, agenda(), who.client.cookie));
		const over = await rawSocket(server.url, agenda(), who.client.cookie);
		const reason = new Promise<string>((resolve) =>
			over.once('close', (_code, why) => resolve(why.toString()))
		);
		expect(await closeCode(over)).toBe(4429);
		expect(await reason).toBe('too many open connections');
		// Someone else is not affected.
		const other = await person('OBSERVER');
		const theirs = await rawSocket(server.url, agenda(), other.client.cookie);
		expect(theirs.readyState).toBe(theirs.OPEN);
		const first = sockets.shift()!;
		const firstClosed = closeCode(first);
		first.close();
		await firstClosed;
		await waitFor(async () => {
			const again = await rawSocket(server.url, agenda(), who.client.cookie);
			const code = await Promise.race([
				closeCode(again),
				new Promise<number>((r) => setTimeout(() => r(0), 200))
			]);
			if (code === 0) sockets.push(again);
			return code === 0;
		}, 'a place to be free again');
		for (const ws of [...sockets, theirs]) ws.close();
	});

	it('answers an event stream over the cap with 429 in the error shape', async () => {
		const who = await person('OBSERVER');
		const streams = [];
		for (let i = 0; i < STREAM_CAP; i++) {
			const s = await follow({ cookie: who.client.cookie });
			expect(s.response.status).toBe(200);
			streams.push(s);
		}
		const over = await fetch(`${server.url}/api/v1/meetings/${meetingId}/events`, {
			headers: { cookie: who.client.cookie }
		});
		expect(over.status).toBe(429);
		expect(await over.json()).toEqual({
			error: { code: 'too_many_connections', message: expect.stringMatching(/live pages open/) }
		});
		await streams.shift()!.stop();
		await waitFor(async () => {
			const s = await follow({ cookie: who.client.cookie });
			if (s.response.status === 200) streams.push(s);
			else await s.stop();
			return s.response.status === 200;
		}, 'a stream place to be free again');
		for (const s of streams) await s.stop();
	});
});

describe('the commands that take rights away', () => {
	it('removes only a member with nothing on record, by an admin, and audits it', async () => {
		const secretariat = await signedIn(server.url, alpha.members.SECRETARIAT.email);
		const fresh = await person('OBSERVER');
		const path = (id: string) => `/api/v1/partnerships/alpha/members/${id}`;
		expect((await secretariat.request('DELETE', path(fresh.membershipId))).status).toBe(403);
		const chair = await admin.request('DELETE', path(alpha.members.MEMBER.membershipId));
		expect(chair.status).toBe(409);
		expect(chair.json.error.message).toMatch(/observer instead/);
		expect((await admin.request('DELETE', path(fresh.membershipId))).status).toBe(204);
		expect((await admin.request('DELETE', path(fresh.membershipId))).status).toBe(404);
		expect((await fresh.client.get('/api/v1/partnerships/alpha')).status).toBe(404);
		expect(
			await server.db.auditEvent.count({
				where: { entity: 'Membership', entityId: fresh.membershipId, action: 'removed' }
			})
		).toBe(1);
	});

	it('changes a restricted paper’s organisations for officers who may see it, and audits it', async () => {
		const { json: paper } = await admin.post(`/api/v1/meetings/${meetingId}/evidence`, {
			title: 'Waiting list extract',
			kind: 'STATISTICS',
			allowedOrganisationIds: [alpha.organisations.health.id]
		});
		const path = `/api/v1/meetings/${meetingId}/evidence/${paper.id}/organisations`;
		const body = { allowedOrganisationIds: [alpha.organisations.council.id] };
		const healthMember = await person('MEMBER', 'health');
		const healthOfficer = await person('SECRETARIAT', 'health');
		const councilOfficer = await person('SECRETARIAT', 'council');
		expect((await healthMember.client.request('PUT', path, body)).status).toBe(403);
		const unknown = await admin.request('PUT', path, {
			allowedOrganisationIds: ['cnotanorg00000000']
		});
		expect(unknown.status).toBe(400);
		expect(Object.keys(unknown.json.error.fields).join()).toMatch(/allowedOrganisationIds/);
		// The admin added it, so the council was named too; now the health board alone.
		const healthOnly = { allowedOrganisationIds: [alpha.organisations.health.id] };
		expect((await admin.request('PUT', path, healthOnly)).status).toBe(204);
		// An officer kept from the paper cannot name their own organisation onto it.
		expect((await councilOfficer.client.request('PUT', path, body)).status).toBe(404);
		expect((await healthOfficer.client.request('PUT', path, body)).status).toBe(204);
		const seen = async (who: Client) =>
			((await who.get(`/api/v1/meetings/${meetingId}/evidence`)).json as { id: string }[]).some(
				(p) => p.id === paper.id
			);
		expect(await seen(councilOfficer.client)).toBe(true);
		expect(await seen(healthMember.client)).toBe(false);
		const audited = await server.db.auditEvent.findFirst({
			where: { entity: 'EvidenceItem', entityId: paper.id, action: 'organisations_changed' },
			orderBy: { at: 'desc' }
		});
		expect(audited!.detail).toMatchObject({
			from: [alpha.organisations.health.id],
			to: [alpha.organisations.council.id]
		});
	});
});

describe('a session that ends without a signal', () => {
	let swept: TestServer;
	afterAll(() => swept?.stop());

	it('still closes its connections at the next periodic check', async () => {
		swept = await startServer({ env: { SYNC_RECHECK_EVERY_MS: '200' } });
		const beta = await makePartnership(swept.db, 'beta');
		const meeting = await makeMeeting(swept.db, beta);
		const officer = await signedIn(swept.url, beta.members.SECRETARIAT.email);
		const client = connect(swept.url, `meeting:${meeting.id}:agenda`, officer.cookie);
		clients.push(client);
		const closed = closings(client);
		await client.synced;
		// Expired, as a session left alone for two weeks would be; no command published anything.
		await swept.db.session.updateMany({
			where: { userId: beta.members.SECRETARIAT.userId },
			data: { expiresAt: new Date(Date.now() - 1000) }
		});
		await waitFor(() => closed.length > 0, 'the periodic check to close it', 3000);
		expect(closed[0].code).toBe(4401);
	});
});
