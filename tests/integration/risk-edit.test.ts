// Editing a risk after it is defined, and filtering the register: officers reword a risk and change its
// links (each edit a new version, the earlier wording kept and shown on its page, audited), with the same
// checks as at definition; the register's API takes the page's owner and band filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { fromToday, makeOutcome } from '../support/outcomes.ts';
import { signedIn } from '../support/people.ts';
import { boardDecision, boardItem } from '../support/priorities.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let officer: Client;
let admin: Client;
let council: Client;
let observer: Client;
let outsider: Client;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	admin = await signedIn(server.url, fx.members.ADMIN.email);
	council = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
});
afterAll(() => server?.stop());

let named = 0;
async function define(change: Record<string, unknown> = {}) {
	const res = await officer.post('/api/v1/partnerships/alpha/risks', {
		title: `Volunteers drift away from the warm spaces ${++named}`,
		description: 'Fewer volunteers each month since the summer.',
		ownerOrganisationId: fx.organisations.council.id,
		likelihood: 3,
		impact: 3,
		controls: 'A volunteer coordinator in each locality.',
		nextReviewOn: fromToday(90),
		...change
	});
	expect(res.status, res.text).toBe(201);
	return res.json as { id: string; title: string; description: string };
}
const edit = (riskId: string, body: unknown, who = officer) =>
	who.request('PATCH', `/api/v1/risks/${riskId}`, body);
const stored = async (riskId: string) => ({
	risk: await server.db.risk.findUnique({
		where: { id: riskId },
		include: { outcomes: true, decisions: true, actions: true }
	}),
	versions: await server.db.riskVersion.count({ where: { riskId } }),
	events: await server.db.auditEvent.count({ where: { entityId: riskId } })
});

describe('editing a risk', () => {
	it('an officer rewords it: a new version, the earlier wording kept and shown, audited', async () => {
		const risk = await define();
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await edit(risk.id, {
			title: 'Volunteers leave the warm spaces faster than they join',
			description: 'Two in five volunteers left over the autumn.'
		});
		expect(res.status, res.text).toBe(200);
		expect(res.json).toMatchObject({
			title: 'Volunteers leave the warm spaces faster than they join',
			description: 'Two in five volunteers left over the autumn.',
			// Its scores are untouched: they change only by a review.
			likelihood: 3,
			impact: 3
		});
		expect(res.json.versions).toHaveLength(2);
		expect(res.json.versions[0]).toMatchObject({ version: 1, title: risk.title, changes: [] });
		expect(res.json.versions[1]).toMatchObject({
			version: 2,
			recordedBy: expect.any(String),
			changes: [
				{
					field: 'TITLE',
					change: 'REWORDED',
					before: risk.title,
					after: 'Volunteers leave the warm spaces faster than they join'
				},
				{
					field: 'DESCRIPTION',
					change: 'REWORDED',
					before: 'Fewer volunteers each month since the summer.',
					after: 'Two in five volunteers left over the autumn.'
				}
			]
		});
		expect(await written()).toBe(1);
		const event = await server.db.auditEvent.findFirst({
			where: { entity: 'Risk', entityId: risk.id, action: 'edited' }
		});
		expect(event?.detail).toMatchObject({ version: 2 });

		// What is left out stays: a second edit of the description alone keeps the new title.
		const again = await edit(risk.id, { description: 'Half the volunteers left.' }, admin);
		expect(again.status, again.text).toBe(200);
		expect(again.json.title).toBe('Volunteers leave the warm spaces faster than they join');
		expect(again.json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);

		// The risk's page shows the earlier wording beside the new.
		const page = await council.get(`/p/alpha/risks/${risk.id}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('History of its wording and links');
		expect(page.text).toContain('Fewer volunteers each month since the summer.');
		expect(page.text).toContain('Two in five volunteers left over the autumn.');
		expect(page.text).toContain('Half the volunteers left.');
		// Only officers are offered the form.
		expect(page.text).not.toContain('Edit the risk');
		expect((await officer.get(`/p/alpha/risks/${risk.id}`)).text).toContain('Edit the risk');
	});

	it('an officer adds and removes links: the risk’s links follow, each change in its history', async () => {
		const kept = await makeOutcome(server.db, fx);
		const dropped = await makeOutcome(server.db, fx);
		const { decision, action } = await boardDecision(server.db, fx, await boardItem(server.db, fx));
		const risk = await define({ outcomeIds: [kept.id, dropped.id] });
		const res = await edit(risk.id, {
			outcomeIds: [kept.id],
			decisionIds: [decision.id],
			actionIds: [action.id]
		});
		expect(res.status, res.text).toBe(200);
		expect(res.json.outcomes.map((o: { id: string }) => o.id)).toEqual([kept.id]);
		expect(res.json.decisions.map((d: { id: string }) => d.id)).toEqual([decision.id]);
		expect(res.json.actions.map((a: { id: string }) => a.id)).toEqual([action.id]);
		const changes = res.json.versions[1].changes;
		expect(changes).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ field: 'OUTCOME', change: 'UNLINKED', id: dropped.id }),
				expect.objectContaining({ field: 'DECISION', change: 'LINKED', id: decision.id }),
				expect.objectContaining({
					field: 'ACTION',
					change: 'LINKED',
					id: action.id,
					after: 'Recruit the patrol'
				})
			])
		);
		expect(changes).toHaveLength(3);
		// The removed outcome is named in the history, and it no longer lists the risk.
		expect(changes[0].before).toBe(`${dropped.code}: Arranged outcome`);
		const { risk: row } = await stored(risk.id);
		expect(row?.outcomes.map((o) => o.outcomeId)).toEqual([kept.id]);
		const cites = await officer.get(`/p/alpha/outcomes/${dropped.id}`);
		expect(cites.text).not.toContain(risk.title);

		// Taking every link away is an edit too.
		const none = await edit(risk.id, { outcomeIds: [], decisionIds: [], actionIds: [] });
		expect(none.status, none.text).toBe(200);
		expect([none.json.outcomes, none.json.decisions, none.json.actions]).toEqual([[], [], []]);
	});

	it.each([
		[
			'an outcome of another partnership',
			async () => ({ outcomeIds: [(await makeOutcome(server.db, other)).id] }),
			['outcomeIds']
		],
		[
			'a decision of another partnership',
			async () => ({
				decisionIds: [
					(await boardDecision(server.db, other, await boardItem(server.db, other))).decision.id
				]
			}),
			['decisionIds']
		],
		[
			'an action of another partnership',
			async () => ({
				actionIds: [
					(await boardDecision(server.db, other, await boardItem(server.db, other))).action.id
				]
			}),
			['actionIds']
		],
		['a blank title', async () => ({ title: '  ' }), ['title']],
		['no description', async () => ({ description: null }), ['description']],
		['a title the register already has', async () => ({ title: (await define()).title }), ['title']]
	])('with %s → 400, nothing changed', async (_, change, fields) => {
		const risk = await define();
		const body = await change();
		const before = await stored(risk.id);
		const res = await edit(risk.id, body);
		expect(res.status, res.text).toBe(400);
		expect(Object.keys(res.json.error.fields).sort()).toEqual(fields);
		expect(await stored(risk.id)).toEqual(before);
	});

	it('an edit that changes nothing → 400 saying so, no version written', async () => {
		const risk = await define();
		const before = await stored(risk.id);
		for (const body of [{}, { title: risk.title, outcomeIds: [] }]) {
			const res = await edit(risk.id, body);
			expect(res.status).toBe(400);
			expect(res.json.error.message).toMatch(/Nothing has changed/);
		}
		expect(await stored(risk.id)).toEqual(before);
	});

	it('is for officers: the owner’s member or an observer gets 403, another partnership 404', async () => {
		const risk = await define();
		const before = await stored(risk.id);
		expect((await edit(risk.id, { title: 'Renamed by a member' }, council)).status).toBe(403);
		expect((await edit(risk.id, { title: 'Renamed by an observer' }, observer)).status).toBe(403);
		expect((await edit(risk.id, { title: 'Renamed from outside' }, outsider)).status).toBe(404);
		expect(await stored(risk.id)).toEqual(before);
	});

	it('versions are never changed or deleted: the database refuses it', async () => {
		const risk = await define();
		await expect(
			server.db.riskVersion.updateMany({ where: { riskId: risk.id }, data: { title: 'Rewritten' } })
		).rejects.toThrow(/append-only/);
		await expect(server.db.riskVersion.deleteMany({ where: { riskId: risk.id } })).rejects.toThrow(
			/append-only/
		);
	});
});

describe('the edit form on the risk’s page, without scripts', () => {
	const postForm = (who: Client, path: string, fields: [string, string][]) => {
		const form = new FormData();
		for (const [k, v] of fields) form.append(k, v);
		return who.request('POST', path, form, { origin: server.url, accept: 'text/html' });
	};

	it('keeps what was typed after an error, then saves; a group with nothing ticked links none', async () => {
		const outcome = await makeOutcome(server.db, fx);
		const risk = await define({ outcomeIds: [outcome.id] });
		const page = `/p/alpha/risks/${risk.id}?/edit`;
		const refused = await postForm(officer, page, [
			['title', ''],
			['description', 'Typed before the error.'],
			['outcomeIds', outcome.id]
		]);
		expect(refused.status).toBe(400);
		expect(refused.text).toContain('There is a problem');
		expect(refused.text).toContain('Enter the risk’s title');
		expect(refused.text).toContain('Typed before the error.');
		expect((await stored(risk.id)).versions).toBe(1);

		const saved = await postForm(officer, page, [
			['title', `${risk.title}, reworded`],
			['description', 'Typed before the error.']
		]);
		expect(saved.status, saved.text).toBe(200);
		expect(saved.text).toContain('The risk has been edited: this is its version 2.');
		const { risk: row, versions } = await stored(risk.id);
		expect(row?.title).toBe(`${risk.title}, reworded`);
		expect(row?.outcomes).toEqual([]);
		expect(versions).toBe(2);

		const member = await postForm(council, page, [
			['title', 'Renamed by a member'],
			['description', 'Typed before the error.']
		]);
		expect(member.status).toBe(403);
		expect((await stored(risk.id)).versions).toBe(2);
	});
});

describe('filtering the register through the API', () => {
	const titles = (res: { json: { title: string }[] }) => res.json.map((r) => r.title);

	it('by owner and by band, as the page does', async () => {
		const health = await define({ ownerOrganisationId: fx.organisations.health.id, impact: 5 });
		const low = await define({ likelihood: 1, impact: 2 });
		const byOwner = await observer.get(
			`/api/v1/partnerships/alpha/risks?owner=${fx.organisations.health.id}`
		);
		expect(byOwner.status, byOwner.text).toBe(200);
		expect(titles(byOwner)).toEqual([health.title]);
		const byBand = await observer.get('/api/v1/partnerships/alpha/risks?band=LOW');
		expect(byBand.status, byBand.text).toBe(200);
		expect(titles(byBand)).toContain(low.title);
		expect(byBand.json.every((r: { band: string }) => r.band === 'LOW')).toBe(true);
		const both = await observer.get(
			`/api/v1/partnerships/alpha/risks?owner=${fx.organisations.health.id}&band=LOW`
		);
		expect(both.json).toEqual([]);
		// The page filters the same way.
		const page = await observer.get(`/p/alpha/risks?owner=${fx.organisations.health.id}`);
		expect(page.text).toContain(health.title);
		expect(page.text).not.toContain(low.title);
	});

	it.each([
		['a band not in the list', 'band=SEVERE', 'band'],
		['a band in words', 'band=High', 'band'],
		['an owner that is not an id', 'owner=council', 'owner'],
		['an owner of another partnership', () => `owner=${other.organisations.council.id}`, 'owner'],
		['a blank owner', 'owner=', 'owner']
	])('with %s → 400 naming the filter', async (_, query, field) => {
		const res = await observer.get(
			`/api/v1/partnerships/alpha/risks?${typeof query === 'function' ? query() : query}`
		);
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields)).toEqual([field]);
		expect(res.json.error.fields[field]).toMatch(/Choose a (band|partner)/);
	});

	it('the page shows every risk and the message beside the filter for a bad one', async () => {
		const page = await observer.get('/p/alpha/risks?band=SEVERE');
		expect(page.status).toBe(200);
		expect(page.text).toContain('The filter could not be used: every risk is shown.');
		expect(page.text).toContain('Choose a band');
	});
});
