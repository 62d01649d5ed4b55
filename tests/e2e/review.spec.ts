// The review's pages as people read them: the officer opens the review of the demo board's annual review
// (fully recorded) from the meeting page, with the participation figures, the who-challenged-whom matrix
// and the members' survey beside them, then the printable report, the board's trends and the
// partnership summary; a member is refused a review nobody has published and reads a published one.
// axe checks every page visited.
import type { TestDb } from '../support/server.ts';
import { expect, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';
const ANNUAL = 'Partnership Board: annual review';
let db: TestDb;

// Each page is a long one for axe to check, on a small shared machine.
test.describe.configure({ timeout: 120_000 });

// The database of this file's own demo server (fixtures.ts), for arranging records and reading them.
test.beforeEach(async ({ server }) => {
	db = server.db;
});

const meetingId = async (title: string) =>
	(await db.meeting.findFirstOrThrow({ where: { title }, select: { id: true } })).id;

test('an officer reads a meeting’s review, its report, the board’s trends and the partnership summary', async ({
	page,
	visit
}) => {
	const id = await meetingId(ANNUAL);
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/meetings/${id}`);
	await page.getByRole('link', { name: 'Review', exact: true }).last().click();
	await expect(page).toHaveURL(new RegExp(`/meetings/${id}/review$`));
	await visit(`/p/${SLUG}/meetings/${id}/review`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review: ${ANNUAL}`);

	// Participation: the chart is an image named by its caption, with the same figures in a table.
	const bySector = 'Seats, turns and speaking time by sector';
	await expect(page.getByRole('img', { name: bySector })).toBeVisible();
	const sectors = page.getByRole('table', { name: bySector });
	await expect(sectors.getByRole('columnheader', { name: 'Share of speaking time' })).toBeVisible();
	const council = sectors.getByRole('row', { name: /^Council/ });
	await expect(council).toContainText(/\d+%/);
	await expect(page.getByText('Gini of speaking time')).toBeVisible();
	// Officers have the full figures, and are told members see small groups merged (issue 17).
	await expect(page.getByText('Full figures.', { exact: true })).toBeVisible();
	await expect(page.getByText(/Members and observers reading the published review/)).toBeVisible();
	await expect(page.getByRole('link', { name: `Download “${bySector}” (CSV)` })).toHaveAttribute(
		'href',
		/review\/measures\.csv\?section=participation$/
	);

	// Scrutiny: who challenged whom, counts in the cells and in the table.
	const matrix = 'Who challenged whom, by sector';
	await expect(page.getByRole('img', { name: matrix })).toBeVisible();
	const grid = page.getByRole('table', { name: new RegExp(matrix) });
	await expect(grid.getByRole('columnheader', { name: 'No one in particular' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Scrutiny', level: 2 })).toBeVisible();

	// The members' survey, and what members said beside the scrutiny figures.
	await expect(page.getByRole('heading', { name: 'Members’ survey', level: 2 })).toBeVisible();
	const said = page
		.locator('#scrutiny')
		.locator('..')
		.getByRole('complementary', { name: 'What members said about scrutiny' });
	await expect(said).toContainText('The board properly scrutinises policies and decisions.');
	await expect(said).toContainText(/\d+ of \d+ agreed; mean \d\.\d out of 5\./);
	await expect(
		page.getByText('Codes are private to each reviewer until the review is published.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publish the review' })).toBeVisible();

	await page.getByRole('link', { name: 'Printable report' }).click();
	await expect(page).toHaveURL(/\/review\/report$/);
	await visit(`/p/${SLUG}/meetings/${id}/review/report`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review report: ${ANNUAL}`);
	await expect(page.getByRole('table', { name: bySector })).toBeVisible();
	// Before publication the codes are their coders' own: no codes export for the officer yet.
	await expect(page.getByRole('link', { name: 'Measures (CSV)' })).toBeVisible();
	await expect(page.getByRole('link', { name: /codes, pseudonymised/ })).toHaveCount(0);

	const board = (await db.meeting.findUniqueOrThrow({ where: { id } })).bodyId;
	await visit(`/p/${SLUG}/bodies/${board}/review`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Review trends: /);
	const meetings = page.getByRole('table', { name: 'Meetings reviewed' });
	await expect(meetings.getByRole('link', { name: ANNUAL })).toHaveAttribute(
		'href',
		`/p/${SLUG}/meetings/${id}/review`
	);
	await expect(page.getByRole('img', { name: /Challenges per decision item/ })).toBeVisible();
	const dqi = page.getByRole('table', { name: /Mean DQI codes/ });
	await expect(dqi.getByRole('columnheader', { name: 'Level of justification' })).toBeVisible();

	await page
		.getByRole('navigation', { name: 'Partnership' })
		.getByRole('link', { name: 'Review' })
		.click();
	await expect(page).toHaveURL(new RegExp(`/p/${SLUG}/review$`));
	await visit(`/p/${SLUG}/review`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review summary');
	await expect(
		page.getByText(/^Across \d+ meetings? of \d+ bod(y|ies) in the partnership, /)
	).toBeVisible();
});

test('a reviewer sees their own codes before publication, and no review before a meeting closes', async ({
	page,
	visit
}) => {
	const id = await meetingId(ANNUAL);
	await signIn(page, 'reviewer@demo.example');
	await visit(`/p/${SLUG}/meetings/${id}/review`);
	await expect(page.getByText('Your codes only until the review is published.')).toBeVisible();
	const codes = page.getByRole('table', { name: 'Codes per level, by DQI category' });
	await expect(codes.getByRole('columnheader', { name: 'Not applicable' })).toBeVisible();
	await expect(codes.getByRole('row', { name: /^Level of justification/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Code contributions' })).toHaveAttribute(
		'href',
		`/p/${SLUG}/meetings/${id}/review/coding`
	);

	const upcoming = await db.meeting.findFirstOrThrow({
		where: { status: { in: ['DRAFT', 'AGENDA_ISSUED'] } },
		select: { id: true }
	});
	await visit(`/p/${SLUG}/meetings/${upcoming.id}/review`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'This meeting has not closed yet'
	);
});

test('a member reads a review once an officer has published it, its figures but not the individual codes', async ({
	page,
	visit
}) => {
	// The demo codes the annual review but leaves it unpublished.
	const id = await meetingId(ANNUAL);
	await signIn(page, 'community@demo.example');
	await visit(`/p/${SLUG}/meetings/${id}/review`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'This review has not been published yet'
	);

	await page.context().clearCookies();
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/meetings/${id}/review`);
	// Before publishing, the officer reads how far the coding has got: the demo codes all of it twice.
	await expect(
		page.getByText(/^All \d+ spoken contributions are coded by two reviewers\.$/)
	).toBeVisible();
	await expect(page.getByLabel(/Publish it as it is/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Publish the review' }).click();
	await expect(page.getByRole('status')).toContainText('The review has been published');

	await page.context().clearCookies();
	await signIn(page, 'community@demo.example');
	await visit(`/p/${SLUG}/meetings/${id}/review`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review: ${ANNUAL}`);
	await expect(page.getByText(/^Published on /)).toBeVisible();
	const sectors = page.getByRole('table', { name: 'Seats, turns and speaking time by sector' });
	await expect(sectors).toBeVisible();
	// Members read organisations and sectors where fewer than 3 people took part merged, with the rule.
	await expect(page.getByText('Small groups merged.', { exact: true })).toBeVisible();
	await expect(sectors.getByRole('row', { name: /^Other \(small groups merged\)/ })).toBeVisible();
	await expect(page.getByText('All reviewers’ codes (2 reviewers).')).toBeVisible();
	const agreement = page.getByRole('table', { name: 'Agreement per DQI category' });
	await expect(agreement.getByRole('columnheader', { name: 'κ (kappa)' })).toBeVisible();
	await expect(agreement.getByRole('row', { name: /^Level of justification/ })).toContainText(
		/\d\.\d\d/
	);
	await expect(page.getByRole('button', { name: 'Publish the review' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Add the note' })).toHaveCount(0);
	// Issue 17: members read the figures, not the individual codes behind them.
	await expect(page.getByText(/^The reviewers’ codes differed in \d+ places?/)).toBeVisible();
	await expect(page.getByRole('link', { name: /Codes, pseudonymised/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Key to the export’s pseudonyms' })).toHaveCount(0);

	// The officer, once it is published, exports the codes under pseudonyms and reads the key.
	await page.context().clearCookies();
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/meetings/${id}/review`);
	const csv = page.getByRole('link', { name: 'Codes, pseudonymised (CSV)' });
	await expect(csv).toHaveAttribute('href', `/api/v1/meetings/${id}/codes.csv`);
	const exported = await page.request.get(`/api/v1/meetings/${id}/codes.csv`);
	expect(exported.status()).toBe(200);
	expect(await exported.text()).toMatch(/Speaker \d\d,Organisation [A-Z]+,/);
	await page.getByRole('link', { name: 'Key to the export’s pseudonyms' }).click();
	await expect(page).toHaveURL(new RegExp(`/meetings/${id}/review/pseudonyms$`));
	await visit(`/p/${SLUG}/meetings/${id}/review/pseudonyms`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Key to the export’s pseudonyms'
	);
	await expect(
		page.getByRole('table', { name: 'Coders and their pseudonyms' }).getByRole('row', {
			name: /^Coder A /
		})
	).toBeVisible();
});
