import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import {
	makeMeeting,
	makeMemberOf,
	makePackPaper,
	makeRestrictedPaper
} from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { connect, waitFor } from '../support/sync.ts';
import { evidenceItems } from '../../src/lib/collab/evidence.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let meetingId: string;
/** Secretariat officer from the council. */
let officer: Client;
/** Admin from the council: named on the restricted paper only because the officer adding it is. */
let admin: Client;
let observer: Client;
/** A member from the health board, which the restricted paper names. */
let health: Client;
/** A member from the third sector interface, which it does not. */
let tsi: Client;
let outsider: Client;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
	meetingId = (await makeMeeting(server.db, fx)).id;
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	admin = await signedIn(server.url, fx.members.ADMIN.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	health = await signedIn(server.url, (await makeMemberOf(server.db, fx, 'health')).email);
	tsi = await signedIn(server.url, (await makeMemberOf(server.db, fx, 'tsi')).email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
});
afterAll(() => server?.stop());

const evidence = (id = meetingId) => `/api/v1/meetings/${id}/evidence`;
const fileOf = (itemId: string, id = meetingId) => `${evidence(id)}/${itemId}/file`;
const restricted = () => ({
	title: 'Safeguarding case review',
	kind: 'LIVED_EXPERIENCE',
	sourceOrganisationId: fx.organisations.health.id,
	allowedOrganisationIds: [fx.organisations.health.id]
});
const evidenceRows = () => server.db.evidenceItem.findMany({ orderBy: { id: 'asc' } });
const idsOf = (list: { id: string }[]) => list.map((e) => e.id);
/**
 * What an upload records on each paper. Not whole rows: papers written straight to the database here are
 * not in the meeting's evidence document, and the projection of an earlier test's edit may mark them
 * withdrawn at any moment.
 */
const fileRows = async () =>
	(await evidenceRows()).map(({ id, fileName, fileType, fileSize, fileSha256 }) => ({
		id,
		fileName,
		fileType,
		fileSize,
		fileSha256
	}));

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

describe('adding a restricted paper', () => {
	it('creates a RESTRICTED row with a server-chosen id and its own document, audited', async () => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await officer.post(evidence(), restricted());
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			id: expect.stringMatching(/^[a-z0-9]{20,32}$/),
			meetingId,
			title: 'Safeguarding case review',
			kind: 'LIVED_EXPERIENCE',
			confidentiality: 'RESTRICTED',
			// The adder's own organisation is named with the others, shown, rather than a hidden exception.
			allowedOrganisationIds: [fx.organisations.health.id, fx.organisations.council.id],
			file: null,
			late: false,
			withdrawn: false
		});
		expect(res.json.document).toBe(`meeting:${meetingId}:evidence:${res.json.id}`);
		expect(await written()).toBe(1);
	});

	it.each([
		['no organisations allowed', { allowedOrganisationIds: [] }, ['allowedOrganisationIds']],
		['no title or kind', { title: '', kind: 'GOSSIP' }, ['kind', 'title']],
		[
			'an organisation of another partnership',
			() => ({ allowedOrganisationIds: [other.organisations.health.id] }),
			['allowedOrganisationIds']
		],
		[
			'a source of another partnership',
			() => ({ sourceOrganisationId: other.organisations.council.id }),
			['sourceOrganisationId']
		]
	])('with %s → 400, nothing written', async (_, change, fields) => {
		const before = await evidenceRows();
		const body = { ...restricted(), ...(typeof change === 'function' ? change() : change) };
		const res = await officer.post(evidence(), body);
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields).sort()).toEqual(fields);
		expect(await evidenceRows()).toEqual(before);
	});

	it('is for those who may edit the meeting: an observer gets 403, another partnership 404', async () => {
		const before = await evidenceRows();
		expect((await observer.post(evidence(), restricted())).status).toBe(403);
		expect((await outsider.post(evidence(), restricted())).status).toBe(404);
		expect(await evidenceRows()).toEqual(before);
	});

	it('is late when added after the agenda was issued', async () => {
		const issued = await makeMeeting(server.db, fx, { status: 'AGENDA_ISSUED' });
		const res = await officer.post(evidence(issued.id), restricted());
		expect(res.json.late).toBe(true);
	});
});

describe('adding a paper for all partners or the public', () => {
	it('joins the shared pack: an open editor receives it, the row exists at once, audited', async () => {
		const meeting = await makeMeeting(server.db, fx);
		const editor = connect(server.url, `meeting:${meeting.id}:evidence`, officer.cookie!);
		await editor.synced;
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await officer.post(evidence(meeting.id), {
			title: 'Bus route survey results',
			kind: 'STATISTICS',
			confidentiality: 'PUBLIC'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			title: 'Bus route survey results',
			kind: 'STATISTICS',
			confidentiality: 'PUBLIC',
			allowedOrganisationIds: [],
			document: null
		});
		// Listed for a partner the paper names nobody for, and in the pack every editor has open.
		expect(idsOf((await tsi.get(evidence(meeting.id))).json)).toContain(res.json.id);
		await waitFor(
			() =>
				String(evidenceItems(editor.doc).get(res.json.id)?.get('title')) ===
				'Bus route survey results',
			'the paper to reach the open editor'
		);
		expect(evidenceItems(editor.doc).get(res.json.id)?.get('confidentiality')).toBe('PUBLIC');
		expect(await written()).toBe(1);
		editor.destroy();
	});

	it('asks for a choice of who may see it; organisations named for a pack paper are ignored', async () => {
		const before = await evidenceRows();
		const res = await officer.post(evidence(), { ...restricted(), confidentiality: 'EVERYONE' });
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields)).toEqual(['confidentiality']);
		expect(await evidenceRows()).toEqual(before);

		const shared = await officer.post(evidence(), { ...restricted(), confidentiality: 'PARTNERS' });
		expect(shared.json).toMatchObject({ confidentiality: 'PARTNERS', allowedOrganisationIds: [] });
	});

	it('without a choice, as from callers of earlier versions, is restricted', async () => {
		const { allowedOrganisationIds: _, ...unnamed } = restricted();
		const res = await officer.post(evidence(), unnamed);
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields)).toEqual(['allowedOrganisationIds']);
	});
});

describe('who sees which papers', () => {
	let secret: string;
	let pack: string;
	beforeAll(async () => {
		secret = (await officer.post(evidence(), restricted())).json.id;
		pack = (await makePackPaper(server.db, meetingId)).id;
	});

	it('everyone in the partnership sees the pack; only the named organisations see restricted papers', async () => {
		// Added by the council's officer for the health board: both are named, nobody else.
		for (const who of [officer, admin, observer, health])
			expect(idsOf((await who.get(evidence())).json)).toContain(secret);
		for (const who of [tsi]) {
			const res = await who.get(evidence());
			expect(res.status).toBe(200);
			expect(idsOf(res.json)).toContain(pack);
			expect(idsOf(res.json)).not.toContain(secret);
		}
	});

	it('whoever added a paper sees it only through an organisation named on it', async () => {
		const healthOnly = await makeRestrictedPaper(server.db, meetingId, [
			fx.organisations.health.id
		]);
		await server.db.evidenceItem.update({
			where: { id: healthOnly.id },
			data: { createdById: fx.members.SECRETARIAT.userId }
		});
		expect(idsOf((await health.get(evidence())).json)).toContain(healthOnly.id);
		expect(idsOf((await officer.get(evidence())).json)).not.toContain(healthOnly.id);
	});

	it('another partnership sees none of it', async () => {
		expect((await outsider.get(evidence())).status).toBe(404);
	});
});

describe('attaching and downloading files', () => {
	let secret: string;
	let pack: string;
	beforeAll(async () => {
		secret = (await officer.post(evidence(), restricted())).json.id;
		pack = (await makePackPaper(server.db, meetingId, 'PUBLIC')).id;
	});

	it('stores the file under its SHA-256, records it, and serves it back as an attachment', async () => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await officer.upload(fileOf(secret), 'Case review – März.pdf', PDF);
		expect(res.status, res.text).toBe(200);
		const sha256 = createHash('sha256').update(PDF).digest('hex');
		expect(res.json.file).toEqual({
			name: 'Case review – März.pdf',
			type: 'application/pdf',
			size: PDF.length,
			sha256
		});
		expect(await written()).toBe(1);
		const row = await server.db.evidenceItem.findUnique({ where: { id: secret } });
		expect(row!.fileSha256).toBe(sha256);
		// Stored in the database by its hash, so any instance serves it.
		const stored = await server.db.fileContent.findUnique({ where: { sha256 } });
		expect(stored?.size).toBe(PDF.length);
		expect(new Uint8Array(stored!.bytes)).toEqual(PDF);

		const download = await fetch(server.url + fileOf(secret), {
			headers: { cookie: health.cookie }
		});
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(download.headers.get('x-content-type-options')).toBe('nosniff');
		expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
		expect(download.headers.get('content-disposition')).toContain(
			`filename*=UTF-8''${encodeURIComponent('Case review – März.pdf')}`
		);
		expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
	});

	it('takes an upload from an API client with a bearer token and no Origin header', async () => {
		const token = (await officer.post('/api/v1/me/tokens', { name: 'Papers script' })).json.token;
		const form = new FormData();
		form.append('file', new File([PNG as Uint8Array<ArrayBuffer>], 'map.png'));
		const res = await fetch(server.url + fileOf(pack), {
			method: 'POST',
			headers: { authorization: `Bearer ${token}` },
			body: form
		});
		expect(res.status).toBe(200);
		expect((await res.json()).file.name).toBe('map.png');
	});

	it('refuses a form posted from another site on the session cookie, and stores nothing', async () => {
		const before = await server.db.evidenceItem.findUnique({ where: { id: pack } });
		const form = new FormData();
		form.append('file', new File([PDF as Uint8Array<ArrayBuffer>], 'forged.pdf'));
		const res = await fetch(server.url + fileOf(pack), {
			method: 'POST',
			headers: { cookie: officer.cookie, origin: 'https://elsewhere.example' },
			body: form
		});
		expect(res.status).toBe(403);
		expect((await res.json()).error.code).toBe('forbidden');
		const after = await server.db.evidenceItem.findUnique({ where: { id: pack } });
		expect(after!.fileName).toBe(before!.fileName);
	});

	it('downloads only for those who may see the paper: others get 404', async () => {
		await officer.upload(fileOf(secret), 'review.pdf', PDF);
		for (const who of [tsi, outsider]) expect((await who.get(fileOf(secret))).status).toBe(404);
		// The council is named on it, as the officer adding it is from the council.
		for (const who of [health, observer]) expect((await who.get(fileOf(secret))).status).toBe(200);
	});

	it('a paper without a file, or no such paper, is 404', async () => {
		const bare = await makePackPaper(server.db, meetingId);
		expect((await observer.get(fileOf(bare.id))).status).toBe(404);
		expect((await officer.upload(fileOf('q'.repeat(24)), 'a.pdf', PDF)).status).toBe(404);
	});

	it.each([
		['an image', 'chart.png', PNG],
		['a Word document', 'report.docx', ZIP],
		['an OpenDocument spreadsheet', 'figures.ods', ZIP],
		['a CSV file', 'figures.csv', new TextEncoder().encode('area,rate\nNorth,12\n')]
	])('accepts %s', async (_, name, bytes) => {
		const res = await officer.upload(fileOf(pack), name, bytes);
		expect(res.status, res.text).toBe(200);
		expect(res.json.file.name).toBe(name);
	});

	it.each([
		['a program', 'setup.exe', EXE],
		['a program renamed to .pdf', 'minutes.pdf', EXE],
		['a PDF renamed to .png', 'chart.png', PDF],
		['binary data renamed to .txt', 'notes.txt', new Uint8Array([0x41, 0, 0x42])],
		['a web page', 'page.html', new TextEncoder().encode('<script>alert(1)</script>')],
		['an empty file', 'empty.pdf', new Uint8Array()]
	])('refuses %s with 400, nothing recorded', async (_, name, bytes) => {
		const before = await fileRows();
		const res = await officer.upload(fileOf(pack), name, bytes);
		expect(res.status, res.text).toBe(400);
		expect(Object.keys(res.json.error.fields)).toEqual(['file']);
		expect(await fileRows()).toEqual(before);
	});

	it('refuses a file over 20 MiB with 413', async () => {
		const big = new Uint8Array(20 * 1024 * 1024 + 1);
		big.set(PDF);
		const res = await officer.upload(fileOf(pack), 'huge.pdf', big);
		expect(res.status).toBe(413);
		expect(res.json.error.code).toBe('too_large');
		// the refused body was read off the connection, so the next request on it is answered
		expect((await officer.get(evidence())).status).toBe(200);
	});

	it('refuses a body that is not multipart, or has no file field, with 400', async () => {
		expect((await officer.post(fileOf(pack), { file: 'x' })).status).toBe(400);
		expect((await officer.upload(fileOf(pack), 'a.pdf', PDF, 'attachment')).status).toBe(400);
	});

	it('is for writers: an observer who can see the paper gets 403; one who cannot see it gets 404', async () => {
		const before = await fileRows();
		expect((await observer.upload(fileOf(pack), 'a.pdf', PDF)).status).toBe(403);
		expect((await observer.upload(fileOf(secret), 'a.pdf', PDF)).status).toBe(403);
		expect((await tsi.upload(fileOf(secret), 'a.pdf', PDF)).status).toBe(404);
		expect((await outsider.upload(fileOf(pack), 'a.pdf', PDF)).status).toBe(404);
		expect(await fileRows()).toEqual(before);
	});
});
