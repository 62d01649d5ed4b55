import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyNode } from '../../src/lib/server/partnerships.ts';
import { Client } from '../support/client.ts';
import { signedIn } from '../support/people.ts';
import { allBodies } from '../support/records.ts';
import { freshDataDir, startServer, type TestServer } from '../support/server.ts';

const PASSWORD = 'demo-password-2026';
const ACCOUNTS = ['admin', 'officer', 'chair', 'nhs', 'police', 'tsi', 'community', 'reviewer'].map(
	(name) => `${name}@demo.example`
);
const STRUCTURE = '/api/v1/partnerships/strathmuir/structure';

const counts = (server: TestServer) =>
	Promise.all([
		server.db.partnership.count(),
		server.db.user.count(),
		server.db.organisation.count(),
		server.db.body.count(),
		server.db.bodySeat.count(),
		server.db.membership.count()
	]);

describe('the demo partnership, loaded with --demo', () => {
	let dataDir: string;
	let server: TestServer;
	let bodies: BodyNode[];
	beforeAll(async () => {
		dataDir = freshDataDir();
		server = await startServer({ demo: true, dataDir });
		const admin = await signedIn(server.url, 'admin@demo.example', PASSWORD);
		bodies = allBodies((await admin.get(STRUCTURE)).json.bodies);
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it.each(ACCOUNTS)('lets %s sign in with the demo password', async (email) => {
		const res = await new Client(server.url).post('/api/v1/auth/login', {
			email,
			password: PASSWORD
		});
		expect(res.status).toBe(200);
		expect(res.json.user.email).toBe(email);
	});

	it('has a board chaired by the council leader', () => {
		const [board] = bodies.filter((b) => b.kind === 'BOARD');
		const chair = board.seats.find((s) => s.role === 'CHAIR')!;
		expect(chair).toMatchObject({ title: 'Council Leader', organisation: { sector: 'COUNCIL' } });
	});

	it('seats NHS, police, fire, enterprise, college, third sector and two community reps on the board', () => {
		const [board] = bodies.filter((b) => b.kind === 'BOARD');
		const sectors = board.seats.map((s) => s.organisation.sector);
		for (const sector of [
			'HEALTH',
			'POLICE',
			'FIRE_RESCUE',
			'ENTERPRISE',
			'EDUCATION',
			'THIRD_SECTOR'
		])
			expect(sectors).toContain(sector);
		expect(sectors.filter((s) => s === 'COMMUNITY')).toHaveLength(2);
	});

	it('has four theme groups, each led by a different partner', () => {
		const themes = bodies.filter((b) => b.kind === 'THEME_GROUP');
		expect(themes).toHaveLength(4);
		const leads = themes.map((t) => t.lead?.id);
		expect(leads.every(Boolean)).toBe(true);
		expect(new Set(leads).size).toBe(4);
	});

	it('has three locality forums, all reporting into the tree', () => {
		const forums = bodies.filter((b) => b.kind === 'LOCALITY_FORUM');
		expect(forums).toHaveLength(3);
		const roots = bodies.filter((b) => b.kind === 'BOARD');
		expect(roots).toHaveLength(1);
		expect(allBodies(roots)).toHaveLength(bodies.length);
	});

	it('has about 25 people, and the community rep also sits on a locality forum', async () => {
		const community = await signedIn(server.url, 'community@demo.example', PASSWORD);
		const members = (await community.get('/api/v1/partnerships/strathmuir/members')).json;
		expect(members.length).toBeGreaterThanOrEqual(20);
		expect(members.length).toBeLessThanOrEqual(30);
		const { name } = (await community.get('/api/v1/me')).json.user;
		const forums = bodies.filter((b) => b.kind === 'LOCALITY_FORUM');
		expect(forums.some((f) => f.seats.some((s) => s.name === name))).toBe(true);
	});

	it('lets the reviewer use one login across two partnerships', async () => {
		const reviewer = await signedIn(server.url, 'reviewer@demo.example', PASSWORD);
		const slugs = (await reviewer.get('/api/v1/partnerships')).json.map((p: any) => p.slug);
		expect(slugs.sort()).toEqual(['carran-valley', 'strathmuir']);
	});

	it('is not loaded twice when the server restarts on the same data', async () => {
		const before = await counts(server);
		await server.stop();
		server = await startServer({ demo: true, dataDir });
		expect(await counts(server)).toEqual(before);
		expect(await server.db.auditEvent.count({ where: { action: 'demo_loaded' } })).toBe(1);
	});
});

describe('starting without --demo', () => {
	it('in production, without --demo or --no-demo, loads nothing', async () => {
		const server = await startServer({ demo: 'unset', env: { NODE_ENV: 'production' } });
		try {
			expect(await counts(server)).toEqual([0, 0, 0, 0, 0, 0]);
			const res = await new Client(server.url).post('/api/v1/auth/login', {
				email: 'admin@demo.example',
				password: PASSWORD
			});
			expect(res.status).toBe(401);
		} finally {
			await server.stop();
		}
	});

	it('in development, without flags, loads the demo; its cookie is not Secure (plain http)', async () => {
		const server = await startServer({ demo: 'unset', env: { NODE_ENV: 'development' } });
		try {
			expect(await server.db.partnership.count()).toBeGreaterThan(0);
			const res = await new Client(server.url).post('/api/v1/auth/login', {
				email: 'admin@demo.example',
				password: PASSWORD
			});
			expect(res.status).toBe(200);
			const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
			expect(cookie).toMatch(/HttpOnly/i);
			expect(cookie).not.toMatch(/;\s*Secure/i);
		} finally {
			await server.stop();
		}
	});
});
