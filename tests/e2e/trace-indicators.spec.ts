// The trace to the end, in the demo as a board member finds it: Northfield's warm spaces priority, decided
// at the board's annual review, whose action serves LOIP 1, whose indicator (adults who smoke) has a
// reading since the decision. From the forum's priority in the trace's table to the indicator's chart on
// the outcome page; axe and reflow on both pages.
import { expect, expectAccessible, expectReflows, signIn, test } from './fixtures.ts';

const WARM = 'Warm spaces within walking distance, open on weekday evenings';
const JOBS = 'Paid work and training for young people in Eastwood, designed with them';

test('a board member follows the trace from a forum priority to an indicator’s chart', async ({
	page,
	visit
}) => {
	await signIn(page, 'tsi@demo.example');
	await visit('/p/strathmuir/trace');
	await page.getByLabel('Raised by').selectOption({ label: 'Northfield Locality Forum' });
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/forum=/);
	await expectAccessible(page);

	// The diagram runs on to the outcomes and their indicators; the table says the same in words.
	await expect(
		page.getByRole('img', { name: /Flow diagram: .*outcomes, \d+ indicators/ })
	).toBeVisible();
	const table = page.getByRole('table', { name: /Priorities and where they went/ });
	const warm = table.getByRole('row', { name: new RegExp(WARM) });
	await expect(warm).toContainText('Report how many people used each warm space');
	await expect(warm).toContainText('LOIP 1');
	await expect(warm).toContainText('Adults who smoke: on track');
	await expect(warm).toContainText(
		/Better: Down 0\.3 percentage points since the decision of .+, from 14\.7% on .+ to 14\.4% on .+: better, as down is better\./
	);
	// Outcomes no forum has raised are listed on the page (none in the demo) and linked from the top.
	await expect(page.getByRole('link', { name: 'Outcomes no forum has raised' })).toHaveAttribute(
		'href',
		'#unraised'
	);
	await expect(page.locator('#unraised ~ p').nth(1)).toHaveText(
		'Every outcome has at least one forum priority tagged with it.'
	);

	await warm.getByRole('link', { name: 'Adults who smoke' }).click();
	await expect(page).toHaveURL(/\/p\/strathmuir\/outcomes\/[^/#]+#indicator-[^/]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'LOIP 1 People in Strathmuir live longer, healthier lives'
	);
	const indicator = page.getByRole('region', { name: 'Adults who smoke', exact: true });
	// The address's anchor brings the indicator's section, its chart with it, into view.
	await expect(indicator.getByRole('heading', { name: 'Adults who smoke' })).toBeInViewport();
	await expect(
		indicator.getByRole('img', { name: /readings against the trajectory/ })
	).toBeVisible();
	// The reading since the decision is in the chart's table.
	await expect(indicator.getByRole('table')).toContainText('14.4%');
	await expectAccessible(page);
	await expectReflows(page);
});

test('the trace shows an indicator that got worse since the decision, and downloads it as CSV', async ({
	page,
	visit
}) => {
	await signIn(page, 'tsi@demo.example');
	await visit('/p/strathmuir/trace');
	const jobs = page
		.getByRole('table', { name: /Priorities and where they went/ })
		.getByRole('row', { name: new RegExp(JOBS) });
	await expect(jobs).toContainText('School leavers in a positive destination: off track');
	await expect(jobs).toContainText(/Worse: Down 0\.2 percentage points since the decision of/);

	const csv = await page.request.get('/api/v1/partnerships/strathmuir/trace.csv');
	const text = await csv.text();
	expect(text).toContain('Movement since the decision');
	expect(text).toMatch(/School leavers in a positive destination[^\r\n]*-0\.2 \(worse\)/);
});
