// The page forms for two commands that were only in the API: changing who may see a restricted paper,
// and removing a member. Each calls the same domain function as the API, so the rights and rules are the
// domain's; what the form adds is a ticked confirmation for the step the officer cannot undo themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMeeting, makeMemberOf, makeRestrictedPaper } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let admin: Client;
let officer: Client;
let member: Client;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'forms');
	admin = await signedIn(server.url, fx.members.ADMIN.email);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	member = await signedIn(server.url, fx.members.MEMBER.email);
});
afterAll(() => server?.stop());

function postForm(client: Client, path: string, fields: Record<string, string | string[]>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields))
		for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
	return client.request('POST', path, form, { origin: server.url, accept: 'text/html' });
}

async function namedOn(paperId: string): Promise<string[]> {
	const paper = await server.db.evidenceItem.findUniqueOrThrow({ where: { id: paperId } });
	return paper.allowedOrganisationIds as string[];
}

describe('who may see a restricted paper, from the meeting page', () => {
	async function paperFor(...organisations: (keyof Fixture['organisations'])[]) {
		const meeting = await makeMeeting(server.db, fx);
		const paper = await makeRestrictedPaper(
			server.db,
			meeting.id,
			organisations.map((o) => fx.organisations[o].id)
		);
		return { paper, page: `/p/forms/meetings/${meeting.id}` };
	}

	it('shows officers the form and the names on the paper, and members only the names', async () => {
		const { paper, page } = await paperFor('council', 'health');
		const seen = await officer.get(page);
		expect(seen.text).toContain(`Who may see “${paper.title}”`);
		expect(seen.text).toMatch(/Seen only by:[^<]*Health board \(forms\)/);
		expect(seen.text).toMatch(/loses the paper at once, including a copy they\s+have\s+open/);
		const asMember = await member.get(page);
		expect(asMember.text).toMatch(/Seen only by:[^<]*Council \(forms\)/);
		expect(asMember.text).not.toContain('Who may see “');
	});

	it('changes the organisations named, as the API would', async () => {
		const { paper, page } = await paperFor('council', 'health');
		const done = await postForm(officer, `${page}?/organisations`, {
			evidenceItemId: paper.id,
			allowedOrganisationIds: [fx.organisations.council.id, fx.organisations.tsi.id]
		});
		expect(done.status, done.text).toBe(200);
		expect(done.text).toContain('Who may see the paper has been changed.');
		expect(await namedOn(paper.id)).toEqual([fx.organisations.council.id, fx.organisations.tsi.id]);
	});

	it('takes the officer’s own organisation off only once they confirm', async () => {
		const { paper, page } = await paperFor('council', 'health');
		const unconfirmed = await postForm(officer, `${page}?/organisations`, {
			evidenceItemId: paper.id,
			allowedOrganisationIds: fx.organisations.health.id,
			confirm: 'false'
		});
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.text).toContain('Tick the box to confirm that you lose the paper too');
		expect(await namedOn(paper.id)).toEqual([
			fx.organisations.council.id,
			fx.organisations.health.id
		]);

		const confirmed = await postForm(officer, `${page}?/organisations`, {
			evidenceItemId: paper.id,
			allowedOrganisationIds: fx.organisations.health.id,
			confirm: ['false', 'true']
		});
		expect(confirmed.status, confirmed.text).toBe(200);
		expect(confirmed.text).toContain('Your organisation is no longer named on it');
		expect(confirmed.text).not.toContain(`Who may see “${paper.title}”`);
		expect(await namedOn(paper.id)).toEqual([fx.organisations.health.id]);
	});

	it('keeps the domain’s rules: members cannot, and at least one organisation is named', async () => {
		const { paper, page } = await paperFor('council');
		const byMember = await postForm(member, `${page}?/organisations`, {
			evidenceItemId: paper.id,
			allowedOrganisationIds: [fx.organisations.council.id, fx.organisations.tsi.id]
		});
		expect(byMember.status).toBe(403);
		const none = await postForm(officer, `${page}?/organisations`, { evidenceItemId: paper.id });
		expect(none.status).toBe(400);
		expect(none.text).toContain('Choose at least one organisation that may see this paper');
		expect(await namedOn(paper.id)).toEqual([fx.organisations.council.id]);
	});
});

describe('removing a member, from their page', () => {
	const memberPage = (membershipId: string) => `/p/forms/members/${membershipId}`;
	const exists = async (membershipId: string) =>
		(await server.db.membership.count({ where: { id: membershipId } })) === 1;

	it('offers the removal to admins only, and says what will happen', async () => {
		const someone = await makeMemberOf(server.db, fx, 'tsi');
		const page = await admin.get(memberPage(someone.membershipId));
		expect(page.text).toContain('Remove from the partnership');
		expect(page.text).toContain('loses access to the partnership at once');
		expect((await officer.get(memberPage(someone.membershipId))).text).not.toContain(
			'Remove from the partnership'
		);
		const byOfficer = await postForm(officer, `${memberPage(someone.membershipId)}?/remove`, {
			confirm: ['false', 'true']
		});
		expect(byOfficer.status).toBe(403);
		expect(await exists(someone.membershipId)).toBe(true);
	});

	it('removes a member with nothing on record once confirmed, and their access ends', async () => {
		const someone = await makeMemberOf(server.db, fx, 'community');
		const them = await signedIn(server.url, someone.email);
		expect((await them.get('/p/forms')).status).toBe(200);
		const path = `${memberPage(someone.membershipId)}?/remove`;

		const unconfirmed = await postForm(admin, path, { confirm: 'false' });
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.text).toContain('Tick the box to confirm that they are to be removed');
		expect(await exists(someone.membershipId)).toBe(true);

		const removed = await postForm(admin, path, { confirm: ['false', 'true'] });
		expect(removed.status, removed.text).toBe(303);
		expect(removed.headers.get('location')).toBe('/p/forms/members?removed');
		expect(await exists(someone.membershipId)).toBe(false);
		expect((await admin.get('/p/forms/members?removed')).text).toContain(
			'The member has been removed from the partnership.'
		);
		expect((await them.get('/p/forms')).status).toBe(404);
	});

	it('refuses someone on record with the domain’s advice, beside the button', async () => {
		const refused = await postForm(admin, `${memberPage(fx.members.MEMBER.membershipId)}?/remove`, {
			confirm: ['false', 'true']
		});
		expect(refused.status).toBe(409);
		expect(refused.text).toMatch(
			/id="remove-refused"[^>]*>[^<]*This member is named in the record[^<]*Make them an observer instead\./
		);
		expect(await exists(fx.members.MEMBER.membershipId)).toBe(true);
	});
});
