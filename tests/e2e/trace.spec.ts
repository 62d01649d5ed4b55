// The trace page as a member reads it: two priorities of a demo forum arranged straight into the database
// (one decided on a recorded decision, one stalled at the body it was submitted to), then the flow as a
// picture with its table view, the stalled list, and time from raised to decided; axe checks the page,
// the table view included.
import type { TestDb } from '../support/server.ts';
import { expect, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';
const THEME = 'Trace test theme';
const DAY = 86_400_000;
let db: TestDb;

// The database of this file's own demo server (fixtures.ts), for arranging records and reading them.
test.beforeEach(async ({ server }) => {
	db = server.db;
});

async function arrange() {
	const partnership = await db.partnership.findUniqueOrThrow({ where: { slug: SLUG } });
	const forum = await db.body.findFirstOrThrow({
		where: { partnershipId: partnership.id, kind: 'LOCALITY_FORUM', parentId: { not: null } }
	});
	const officer = await db.user.findUniqueOrThrow({ where: { email: 'officer@demo.example' } });
	const decision = await db.decision.findFirstOrThrow({
		where: { partnershipId: partnership.id },
		orderBy: { createdAt: 'asc' }
	});
	const ago = (days: number) => new Date(Date.now() - days * DAY);
	const priority = (title: string, status: 'DECIDED' | 'SUBMITTED', events: object[]) =>
		db.priority.create({
			data: {
				partnershipId: partnership.id,
				raisedByBodyId: forum.id,
				currentBodyId: forum.parentId!,
				title,
				said: 'What people said at the forum.',
				theme: THEME,
				engagementMethod: 'WORKSHOP',
				status,
				lastEventAt: (events[events.length - 1] as { at: Date }).at,
				createdById: officer.id,
				createdAt: (events[0] as { at: Date }).at,
				events: {
					create: events.map((e) => ({ recordedById: officer.id, ...e })) as never
				}
			}
		});
	await priority('Safer crossings near the school', 'DECIDED', [
		{ type: 'RAISED', at: ago(40), byBodyId: forum.id },
		{ type: 'SUBMITTED', at: ago(38), byBodyId: forum.id, toBodyId: forum.parentId },
		{ type: 'ACCEPTED', at: ago(30), byBodyId: forum.parentId },
		{
			type: 'DECIDED',
			at: ago(12),
			decisionId: decision.id,
			influenceDeclared: 'CONSULT',
			influenceAchieved: 'INVOLVE'
		}
	]);
	await priority('A bench at the bus stop', 'SUBMITTED', [
		{ type: 'RAISED', at: ago(200), byBodyId: forum.id },
		{ type: 'SUBMITTED', at: ago(190), byBodyId: forum.id, toBodyId: forum.parentId }
	]);
	return { forum };
}

test('a member reads the trace: the flow, its table, stalled priorities and time to decision', async ({
	page,
	visit
}) => {
	const { forum } = await arrange();
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/trace?theme=${encodeURIComponent(THEME)}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Trace: from forums’ priorities to decisions'
	);
	await expect(page.getByText('2 priorities found', { exact: true })).toBeVisible();
	const picture = page.getByRole('img', { name: /Flow diagram: 1 forums, 2 priorities/ });
	await expect(picture).toBeVisible();

	const table = page.getByRole('table', { name: /Priorities and where they went/ });
	const crossing = table.getByRole('row', { name: /Safer crossings near the school/ });
	await expect(crossing).toContainText(forum.name);
	await expect(crossing).toContainText('Decided');
	await expect(crossing).toContainText('Promised: Consult; achieved: Involve — more than promised');
	await expect(table.getByRole('row', { name: /A bench at the bus stop/ })).toContainText(
		'Submitted'
	);
	await expect(page.getByRole('link', { name: 'Download this table (CSV)' })).toHaveAttribute(
		'href',
		/trace\.csv\?theme=/
	);

	const stalled = page.getByRole('table', { name: /Stalled priorities/ });
	await expect(stalled.getByRole('row', { name: /A bench at the bus stop/ })).toContainText('190');
	const timing = page.getByRole('table', { name: /Days from raised to decided/ });
	await expect(timing.getByRole('row', { name: /Safer crossings near the school/ })).toContainText(
		'28'
	);

	// The stalled list answers its own setting, keeping the trace's filter.
	await page.getByLabel('Days without an event').fill('365');
	await page.getByRole('button', { name: 'Show stalled priorities' }).click();
	await expect(page).toHaveURL(/days=365/);
	await expect(page).toHaveURL(/theme=/);
	await expect(page.getByRole('table', { name: /Stalled priorities/ })).toHaveCount(0);
});
