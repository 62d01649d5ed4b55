// The tour: every page of the app, on the demo partnership, at a phone's 320×640 and a laptop's 1366×768,
// each checked with axe, no wider than the screen (a wide table may scroll in its own labelled region),
// and, at 320 px, no word of its text broken across lines. The pages are found from src/routes, so a page
// added later is in the tour unless it is left out below with the reason.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	expectReflows,
	expectWholeWords,
	ready,
	signIn,
	test
} from './fixtures.ts';

const PHONE = { width: 320, height: 640 };
const LAPTOP = { width: 1366, height: 768 };

/** Pages left out of the tour, each with the reason. */
const LEFT_OUT: Record<string, string> = {
	'/invitations/[token=id]':
		'reachable only with an invitation’s secret token; tests/e2e/invitations.spec.ts visits it with the same checks',
	'/residents/confirm/[token]':
		'reachable only with a resident’s emailed one-time link; tests/e2e/residents.spec.ts visits it at 390 px with axe and reflow',
	'/unsubscribe/[token]':
		'reachable only with a signed unsubscribe link; tests/e2e/mail-preferences.spec.ts visits it at 320 px with axe'
};

/** Every page under src/routes, as its route id. */
function pages(): string[] {
	const root = join(process.cwd(), 'src', 'routes');
	const found: string[] = [];
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || entry.name !== '+page.svelte') continue;
		const dir = entry.parentPath ?? (entry as unknown as { path: string }).path;
		found.push('/' + relative(root, dir).split(sep).join('/').replace(/\/$/, ''));
	}
	return found.map((p) => (p === '/' ? '/' : p.replace(/\/$/, ''))).sort();
}

interface Ids {
	board: string;
	forum: string;
	upcoming: string;
	reviewed: string;
	decision: string;
	priority: string;
	member: string;
	organisation: string;
	outcome: string;
	action: string;
	risk: string;
}

async function demoIds(page: Page): Promise<Ids> {
	const get = async (path: string) => (await page.request.get(path)).json();
	const bodies: { id: string; name: string; kind: string }[] = await get(
		'/api/v1/partnerships/strathmuir/bodies'
	);
	const board = bodies.find((b) => b.name === 'Strathmuir Partnership Board')!.id;
	const forum = bodies.find((b) => b.name === 'Northfield Locality Forum')!.id;
	const meetings: { id: string; status: string; startsAt: string }[] = await get(
		`/api/v1/bodies/${board}/meetings`
	);
	const upcoming = meetings.find((m) => m.status === 'AGENDA_ISSUED')!.id;
	const approved = meetings
		.filter((m) => m.status === 'MINUTES_APPROVED')
		.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
	const decisions: { id: string }[] = await get('/api/v1/partnerships/strathmuir/decisions');
	const priorities: { id: string }[] = await get(`/api/v1/bodies/${forum}/priorities`);
	const members: { id: string }[] = await get('/api/v1/partnerships/strathmuir/members');
	const organisations: { id: string }[] = await get(
		'/api/v1/partnerships/strathmuir/organisations'
	);
	const actions: { id: string }[] = await get('/api/v1/partnerships/strathmuir/actions');
	const outcomes: { id: string; code: string }[] = await get(
		'/api/v1/partnerships/strathmuir/outcomes'
	);
	const risks: { id: string; title: string }[] = await get('/api/v1/partnerships/strathmuir/risks');
	return {
		board,
		forum,
		upcoming,
		reviewed: approved[0].id,
		decision: decisions[0].id,
		priority: priorities[0].id,
		member: members[0].id,
		organisation: organisations[0].id,
		// The demo's child poverty outcome: an indicator at risk, with a year of readings.
		outcome: outcomes.find((o) => o.code === 'LOIP 2')!.id,
		action: actions[0].id,
		// The NHS board's risk: its members record its reviews, reviewed at two meetings.
		risk: risks.find((r) => r.title === 'Partners cannot share the data the plan needs')!.id
	};
}

type Visit = { path: string; as: string | null };

/** The addresses each page is visited at, and as whom (null: signed out). */
function addresses(i: Ids): Record<string, Visit[]> {
	const p = '/p/strathmuir';
	const officer = (path: string): Visit => ({ path, as: 'officer@demo.example' });
	const out = (path: string): Visit => ({ path, as: null });
	const meeting = `${p}/meetings/${i.upcoming}`;
	const reviewed = `${p}/meetings/${i.reviewed}`;
	return {
		'/': [out('/'), officer('/')],
		'/login': [out('/login')],
		'/notifications': [officer('/notifications')],
		'/settings': [officer('/settings')],
		'/p/[slug=slug]': [officer(p), { path: p, as: 'community@demo.example' }],
		'/p/[slug=slug]/actions': [officer(`${p}/actions`)],
		'/p/[slug=slug]/actions/[id=id]': [officer(`${p}/actions/${i.action}`)],
		'/p/[slug=slug]/bodies': [officer(`${p}/bodies`)],
		'/p/[slug=slug]/bodies/[id=id]': [officer(`${p}/bodies/${i.board}`)],
		'/p/[slug=slug]/bodies/[id=id]/priorities': [officer(`${p}/bodies/${i.forum}/priorities`)],
		'/p/[slug=slug]/bodies/[id=id]/review': [officer(`${p}/bodies/${i.board}/review`)],
		'/p/[slug=slug]/decisions': [officer(`${p}/decisions`)],
		'/p/[slug=slug]/decisions/[id=id]': [officer(`${p}/decisions/${i.decision}`)],
		'/p/[slug=slug]/invitations': [{ path: `${p}/invitations`, as: 'admin@demo.example' }],
		'/p/[slug=slug]/outbox': [{ path: `${p}/outbox`, as: 'admin@demo.example' }],
		'/p/[slug=slug]/meetings/[id=id]': [officer(meeting), officer(`${meeting}?doc=decisions`)],
		'/p/[slug=slug]/meetings/[id=id]/live': [
			{ path: `${meeting}/live?view=chair`, as: 'chair@demo.example' },
			officer(`${meeting}/live?view=recorder`),
			{ path: `${meeting}/live?view=members`, as: 'nhs@demo.example' }
		],
		'/p/[slug=slug]/meetings/[id=id]/minutes': [officer(`${reviewed}/minutes`)],
		// The annual review's pack has a risk review item's paper.
		'/p/[slug=slug]/meetings/[id=id]/pack': [
			officer(`${meeting}/pack`),
			officer(`${reviewed}/pack`)
		],
		'/p/[slug=slug]/meetings/[id=id]/review': [officer(`${reviewed}/review`)],
		'/p/[slug=slug]/meetings/[id=id]/review/coding': [
			{ path: `${reviewed}/review/coding`, as: 'reviewer@demo.example' }
		],
		'/p/[slug=slug]/meetings/[id=id]/review/report': [officer(`${reviewed}/review/report`)],
		// The key to the export's pseudonyms: officers only (empty until the codes are exported).
		'/p/[slug=slug]/meetings/[id=id]/review/pseudonyms': [officer(`${reviewed}/review/pseudonyms`)],
		'/p/[slug=slug]/meetings/[id=id]/survey': [
			{ path: `${reviewed}/survey`, as: 'community@demo.example' }
		],
		'/p/[slug=slug]/members': [officer(`${p}/members`)],
		'/p/[slug=slug]/members/[id=id]': [officer(`${p}/members/${i.member}`)],
		'/p/[slug=slug]/organisations': [officer(`${p}/organisations`)],
		// Editing an organisation is the admin's.
		'/p/[slug=slug]/organisations/[id=id]': [
			{ path: `${p}/organisations/${i.organisation}`, as: 'admin@demo.example' }
		],
		'/p/[slug=slug]/organisations/[id=id]/account': [
			{ path: `${p}/organisations/${i.organisation}/account`, as: 'tsi@demo.example' }
		],
		'/p/[slug=slug]/outcomes': [officer(`${p}/outcomes`)],
		'/p/[slug=slug]/outcomes/[id=id]': [
			officer(`${p}/outcomes/${i.outcome}`),
			{ path: `${p}/outcomes/${i.outcome}`, as: 'tsi@demo.example' }
		],
		'/p/[slug=slug]/risks': [
			officer(`${p}/risks`),
			{ path: `${p}/risks?band=MEDIUM`, as: 'community@demo.example' }
		],
		'/p/[slug=slug]/risks/[id=id]': [
			officer(`${p}/risks/${i.risk}`),
			{ path: `${p}/risks/${i.risk}`, as: 'nhs@demo.example' },
			{ path: `${p}/risks/${i.risk}`, as: 'reviewer@demo.example' }
		],
		'/p/[slug=slug]/residents': [officer(`${p}/residents`)],
		'/p/[slug=slug]/priorities': [officer(`${p}/priorities`)],
		'/p/[slug=slug]/priorities/[id=id]': [officer(`${p}/priorities/${i.priority}`)],
		'/p/[slug=slug]/review': [officer(`${p}/review`)],
		'/p/[slug=slug]/annual-report': [officer(`${p}/annual-report`)],
		'/p/[slug=slug]/structure': [officer(`${p}/structure`)],
		'/p/[slug=slug]/trace': [officer(`${p}/trace`)],
		'/public/[slug=slug]': [out('/public/strathmuir')],
		'/public/[slug=slug]/decisions': [out('/public/strathmuir/decisions')],
		'/public/[slug=slug]/forums': [out('/public/strathmuir/forums')],
		'/public/[slug=slug]/forums/[bodyId=id]': [out(`/public/strathmuir/forums/${i.forum}`)],
		'/public/[slug=slug]/meetings/[id=id]': [out(`/public/strathmuir/meetings/${i.upcoming}`)],
		'/public/[slug=slug]/meetings/[id=id]/live': [
			out(`/public/strathmuir/meetings/${i.upcoming}/live`)
		]
	};
}

async function tour(page: Page, visits: Visit[]) {
	for (const { path } of visits) {
		await page.setViewportSize(LAPTOP);
		const res = await page.goto(path);
		expect(res?.status(), path).toBeLessThan(400);
		await ready(page);
		await expectAccessible(page);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		expect(wide, `${path} is wider than 1366 px`).toBeLessThanOrEqual(1);

		await page.setViewportSize(PHONE);
		await expectReflows(page);
		await expectWholeWords(page);
		await expectAccessible(page);
	}
}

test.describe.configure({ mode: 'parallel' });

test('every page of the app is in the tour, or left out with a reason', async ({ page }) => {
	const listed = Object.keys(addresses({} as Ids));
	const missing = pages().filter((p) => !listed.includes(p) && !(p in LEFT_OUT));
	expect(missing, 'pages neither in the tour nor left out with a reason').toEqual([]);
	expect(
		listed.filter((p) => !pages().includes(p)),
		'tour pages that no longer exist'
	).toEqual([]);
	await page.close();
});

for (const who of [
	null,
	'officer@demo.example',
	'chair@demo.example',
	'nhs@demo.example',
	'community@demo.example',
	'reviewer@demo.example',
	'admin@demo.example'
])
	test(`the tour at 320×640 and 1366×768, ${who ?? 'signed out'}`, async ({ browser, baseURL }) => {
		// Two axe runs a page: the officer's share of the tour takes a minute or two.
		test.setTimeout(240_000);
		const context = await browser.newContext({ baseURL });
		const page = await context.newPage();
		const officer = await context.newPage();
		await signIn(officer, 'officer@demo.example');
		const ids = await demoIds(officer);
		await officer.close();
		await context.clearCookies();
		if (who) await signIn(page, who);
		const visits = Object.values(addresses(ids))
			.flat()
			.filter((v) => v.as === who);
		expect(visits.length).toBeGreaterThan(0);
		await tour(page, visits);
		await context.close();
	});
