// Routes beyond the parent: a theme group passes a priority sideways to another theme group, or refers it
// down to a group that reports to it, with a reason; the move is on the timeline, the receiving body's list,
// the trace and the page, and only the holder's chair (or an officer) may make it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { priorityInput, seatedMember, step } from '../support/priorities.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let officer: Client;
let boardChair: Client;
let themeChair: Client;
let transportChair: Client;
let forumMember: Client;
let observer: Client;
let outsider: Client;
/** A theme group beside the health one, under the board. */
let transport: { id: string; name: string };
/** A theme group under an implementation group: sideways reaches it too. */
let housing: { id: string; name: string };
/** A working group that reports to the health theme group. */
let walking: { id: string; name: string };

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'routes');
	other = await makePartnership(server.db, 'routesother');
	const body = (
		name: string,
		kind: 'THEME_GROUP' | 'IMPLEMENTATION_GROUP' | 'OTHER',
		parentId: string
	) =>
		server.db.body.create({
			data: { partnershipId: fx.partnership.id, name, kind, parentId },
			select: { id: true, name: true }
		});
	transport = await body('Routes transport theme group', 'THEME_GROUP', fx.bodies.board.id);
	const delivery = await body('Routes delivery group', 'IMPLEMENTATION_GROUP', fx.bodies.board.id);
	housing = await body('Routes housing theme group', 'THEME_GROUP', delivery.id);
	walking = await body('Routes walking working group', 'OTHER', fx.bodies.theme.id);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	boardChair = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
	themeChair = await signedIn(
		server.url,
		(await seatedMember(server.db, fx, fx.bodies.theme.id, 'CHAIR')).email
	);
	transportChair = await signedIn(
		server.url,
		(await seatedMember(server.db, fx, transport.id, 'CHAIR')).email
	);
	forumMember = await signedIn(
		server.url,
		(await seatedMember(server.db, fx, fx.bodies.forum.id)).email
	);
});
afterAll(() => server?.stop());

/** A priority raised by the forum and submitted to the health theme group. */
async function atTheme(title = 'Safer walking routes to school') {
	const res = await forumMember.post(
		`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
		priorityInput({ title })
	);
	expect(res.status, res.text).toBe(201);
	const id = res.json.id as string;
	const sub = await step(forumMember, id, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id });
	expect(sub.status, sub.text).toBe(201);
	return id;
}

const eventCount = (priorityId: string) => server.db.priorityEvent.count({ where: { priorityId } });

describe('passing a priority sideways', () => {
	it('is offered to the holder’s chair with the other theme groups, any in the partnership', async () => {
		const id = await atTheme();
		const view = (await themeChair.get(`/api/v1/priorities/${id}`)).json;
		expect(view.next).toEqual(expect.arrayContaining(['PASSED_SIDEWAYS', 'REFERRED_DOWN']));
		expect(view.routes.sideways.map((b: { id: string }) => b.id).sort()).toEqual(
			[transport.id, housing.id].sort()
		);
		// Down: the working group, not the forum that raised it.
		expect(view.routes.down).toEqual([walking]);
		// The forum's member may not move it on.
		expect((await forumMember.get(`/api/v1/priorities/${id}`)).json.next).not.toContain(
			'PASSED_SIDEWAYS'
		);
	});

	it('moves it to the other theme group with the reason on its timeline and in that group’s list', async () => {
		const id = await atTheme('Crossing patrol on Mill Road');
		const res = await step(themeChair, id, {
			type: 'PASSED_SIDEWAYS',
			toBodyId: transport.id,
			reason: 'A road safety matter for the transport theme.'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json.status).toBe('SUBMITTED');
		expect(res.json.heldBy.id).toBe(transport.id);
		const last = res.json.events.at(-1);
		expect(last).toMatchObject({
			type: 'PASSED_SIDEWAYS',
			byBody: { id: fx.bodies.theme.id },
			toBody: { id: transport.id },
			reason: 'A road safety matter for the transport theme.'
		});
		const list = (await transportChair.get(`/api/v1/bodies/${transport.id}/priorities`)).json;
		expect(list.map((p: { id: string }) => p.id)).toContain(id);
		// The receiving group's chair takes it from there; the sender no longer may.
		expect((await transportChair.get(`/api/v1/priorities/${id}`)).json.next).toContain('ACCEPTED');
		expect((await themeChair.get(`/api/v1/priorities/${id}`)).json.next).toEqual([]);
		// The timeline's own endpoint and the page say the same.
		const page = await observer.get(`/p/routes/priorities/${id}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('Passed sideways');
		expect(page.text).toContain('A road safety matter for the transport theme.');
	});

	it('draws the move on the trace as a sideways link to the receiving body', async () => {
		const id = await atTheme('Bus shelter lighting');
		expect(
			(
				await step(themeChair, id, {
					type: 'PASSED_SIDEWAYS',
					toBodyId: housing.id,
					reason: 'Housing estates own the shelters.'
				})
			).status
		).toBe(201);
		const trace = await observer.get('/api/v1/partnerships/routes/trace');
		expect(trace.status, trace.text).toBe(200);
		const links = trace.json.links as { source: string; target: string; type: string }[];
		expect(links).toContainEqual(
			expect.objectContaining({
				source: `priority:${id}`,
				target: `body:${housing.id}`,
				type: 'passed_sideways'
			})
		);
		expect(trace.json.nodes.map((n: { id: string }) => n.id)).toContain(`body:${housing.id}`);
		const csv = await observer.get('/api/v1/partnerships/routes/trace.csv');
		expect(csv.status).toBe(200);
		expect(csv.text).toContain('Bus shelter lighting');
	});

	it('needs a reason and another theme group, and changes nothing otherwise', async () => {
		const id = await atTheme();
		const before = await eventCount(id);
		const noReason = await step(themeChair, id, {
			type: 'PASSED_SIDEWAYS',
			toBodyId: transport.id
		});
		expect(noReason.status).toBe(400);
		expect(noReason.json.error.fields.reason).toBeTruthy();
		const blank = await step(themeChair, id, {
			type: 'PASSED_SIDEWAYS',
			toBodyId: transport.id,
			reason: '   '
		});
		expect(blank.status).toBe(400);
		for (const toBodyId of [
			fx.bodies.board.id,
			fx.bodies.theme.id,
			walking.id,
			other.bodies.theme.id
		]) {
			const res = await step(themeChair, id, {
				type: 'PASSED_SIDEWAYS',
				toBodyId,
				reason: 'Why not'
			});
			expect(res.status, toBodyId).toBe(400);
			expect(res.json.error.fields.toBodyId).toBeTruthy();
		}
		expect(await eventCount(id)).toBe(before);
		expect((await server.db.priority.findUniqueOrThrow({ where: { id } })).currentBodyId).toBe(
			fx.bodies.theme.id
		);
	});

	it('is only for theme groups: the board refers down instead', async () => {
		const id = await atTheme();
		expect(
			(await step(themeChair, id, { type: 'PASSED_ON', toBodyId: fx.bodies.board.id })).status
		).toBe(201);
		const view = (await boardChair.get(`/api/v1/priorities/${id}`)).json;
		expect(view.next).not.toContain('PASSED_SIDEWAYS');
		expect(view.next).toContain('REFERRED_DOWN');
		const res = await step(boardChair, id, {
			type: 'PASSED_SIDEWAYS',
			toBodyId: transport.id,
			reason: 'Sideways from the board'
		});
		expect(res.status).toBe(400);
		expect(res.json.error.fields.toBodyId).toMatch(/not a theme group/);
	});

	it('is the holder’s chair’s or an officer’s: others are refused, other partnerships see nothing', async () => {
		const id = await atTheme();
		const body = { type: 'PASSED_SIDEWAYS', toBodyId: transport.id, reason: 'Transport' };
		expect((await step(forumMember, id, body)).status).toBe(403);
		expect((await step(observer, id, body)).status).toBe(403);
		expect((await step(transportChair, id, body)).status).toBe(403);
		expect((await step(boardChair, id, body)).status).toBe(403);
		expect((await step(outsider, id, body)).status).toBe(404);
		expect(await eventCount(id)).toBe(2);
		const res = await step(officer, id, body);
		expect(res.status, res.text).toBe(201);
	});
});

describe('referring a priority down', () => {
	it('sends it to a group that reports to the holder, with the reason, into that group’s list', async () => {
		const id = await atTheme('Walking buses');
		const res = await step(themeChair, id, {
			type: 'REFERRED_DOWN',
			toBodyId: walking.id,
			reason: 'The working group runs the walking buses.'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json.heldBy.id).toBe(walking.id);
		expect(res.json.events.at(-1)).toMatchObject({
			type: 'REFERRED_DOWN',
			byBody: { id: fx.bodies.theme.id },
			toBody: { id: walking.id },
			reason: 'The working group runs the walking buses.'
		});
		const list = (await officer.get(`/api/v1/bodies/${walking.id}/priorities`)).json;
		expect(list.map((p: { id: string }) => p.id)).toContain(id);
		const trace = (await observer.get('/api/v1/partnerships/routes/trace')).json;
		expect(trace.links).toContainEqual(
			expect.objectContaining({
				source: `priority:${id}`,
				target: `body:${walking.id}`,
				type: 'referred_down'
			})
		);
		// The working group reports back up to the theme group as any body does.
		const back = (await officer.get(`/api/v1/priorities/${id}`)).json;
		expect(back.reportsTo.id).toBe(fx.bodies.theme.id);
	});

	it('needs a reason and one of the holder’s own groups, not the forum that raised it', async () => {
		const id = await atTheme();
		const before = await eventCount(id);
		const noReason = await step(themeChair, id, { type: 'REFERRED_DOWN', toBodyId: walking.id });
		expect(noReason.status).toBe(400);
		expect(noReason.json.error.fields.reason).toBeTruthy();
		const forum = await step(themeChair, id, {
			type: 'REFERRED_DOWN',
			toBodyId: fx.bodies.forum.id,
			reason: 'Back to you'
		});
		expect(forum.status).toBe(400);
		expect(forum.json.error.fields.toBodyId).toMatch(/decline/);
		for (const toBodyId of [transport.id, fx.bodies.board.id]) {
			const res = await step(themeChair, id, { type: 'REFERRED_DOWN', toBodyId, reason: 'Down' });
			expect(res.status, toBodyId).toBe(400);
		}
		expect(await eventCount(id)).toBe(before);
		expect(
			(await step(forumMember, id, { type: 'REFERRED_DOWN', toBodyId: walking.id, reason: 'x' }))
				.status
		).toBe(403);
	});
});

describe('the page’s forms', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.append(k, v);
		return data;
	};

	it('offer the routes with labelled fields and keep what was typed when refused', async () => {
		const id = await atTheme();
		const page = await themeChair.get(`/p/routes/priorities/${id}`);
		expect(page.text).toContain('Pass sideways to another theme group');
		expect(page.text).toContain('for="passSideways-toBodyId"');
		expect(page.text).toContain('for="passSideways-reason"');
		expect(page.text).toContain('Refer down to a group');
		const refused = await themeChair.request(
			'POST',
			`/p/routes/priorities/${id}?/passSideways`,
			form({ toBodyId: transport.id, reason: '' }),
			{ origin: server.url, accept: 'text/html' }
		);
		expect(refused.status).toBe(400);
		expect(refused.text).toMatch(new RegExp(`value="${transport.id}"[^>]*selected`));
		expect(await eventCount(id)).toBe(2);
		const done = await themeChair.request(
			'POST',
			`/p/routes/priorities/${id}?/passSideways`,
			form({ toBodyId: transport.id, reason: 'Typed in the form' }),
			{ origin: server.url, accept: 'text/html' }
		);
		expect(done.status).toBe(200);
		const view = (await officer.get(`/api/v1/priorities/${id}`)).json;
		expect(view.events.at(-1)).toMatchObject({
			type: 'PASSED_SIDEWAYS',
			reason: 'Typed in the form'
		});
	});
});

describe('the forum’s public page', () => {
	it('shows a move beside a priority it already names, and nothing of priorities it does not', async () => {
		const id = await atTheme('Lollipop crossing on Station Road');
		const hidden = await atTheme('A priority the public page does not name');
		for (const p of [id, hidden])
			expect(
				(
					await step(themeChair, p, {
						type: 'PASSED_SIDEWAYS',
						toBodyId: transport.id,
						reason: `Crossings are the transport group’s (${p === id ? 'shown' : 'unseen'})`
					})
				).status
			).toBe(201);
		// Accepted by the transport group with a hear-back day long past (a fixture row, as the accept
		// command stored it then): the page names it as overdue.
		await server.db.priorityEvent.create({
			data: {
				priorityId: id,
				type: 'ACCEPTED',
				byBodyId: transport.id,
				leadOrganisationId: fx.organisations.council.id,
				influenceDeclared: 'CONSULT',
				hearBackBy: new Date('2020-01-01T00:00:00Z'),
				recordedById: fx.members.SECRETARIAT.userId,
				at: new Date()
			}
		});
		const page = await new Client(server.url).get(`/public/routes/forums/${fx.bodies.forum.id}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('Passed to other groups');
		expect(page.text).toContain('Lollipop crossing on Station Road');
		expect(page.text).toContain('Crossings are the transport group’s (shown)');
		expect(page.text).not.toContain('(unseen)');
		expect(page.text).not.toContain('A priority the public page does not name');
	});
});
