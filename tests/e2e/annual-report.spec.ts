// The annual outcome report: a board member reads last year's, with the partners' statements side by side,
// chooses the year under way, and prints it; and a partner's page saying whether each commitment was kept.
import { dayInUk, reportingYear, reportingYearOf } from '../../src/lib/dates.ts';
import { expect, expectAccessible, expectReflows, signIn, test } from './fixtures.ts';

const THIS_YEAR = reportingYearOf(dayInUk(new Date()));

test('a board member reads the annual outcome report, chooses the year under way and prints it', async ({
	page,
	visit
}) => {
	await signIn(page, 'nhs@demo.example');
	await visit('/p/strathmuir/annual-report');
	const last = reportingYear(THIS_YEAR - 1);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Annual outcome report ${last}`);

	// The partners' statements for the year, and who has not written one.
	const council = page.getByRole('region', { name: 'Strathmuir Council' });
	await expect(council).toContainText('The council plan takes the LOIP’s four outcomes');
	await expect(page.getByText(`No statement for ${last} from:`).locator('..')).toContainText(
		'Police Service, Strathmuir Division'
	);
	const partners = page.getByRole('table', { name: `Partners side by side, ${last}` });
	await expect(partners.getByRole('row', { name: /^Strathmuir Council/ })).toContainText('Written');

	// The year under way: its indicators to today, with the actions that served them.
	await page.getByLabel('Reporting year').selectOption({ label: reportingYear(THIS_YEAR) });
	await page.getByRole('button', { name: 'Show the year' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Annual outcome report ${reportingYear(THIS_YEAR)}`
	);
	await expect(page.getByText('The year has not ended: its figures run to today.')).toBeVisible();
	const health = page.getByRole('region', {
		name: 'LOIP 1 People in Strathmuir live longer, healthier lives'
	});
	await expect(health.getByRole('heading', { name: 'Adults who smoke', level: 4 })).toBeVisible();
	await expect(
		health.getByRole('table', { name: /Adults who smoke: readings against the trajectory/ })
	).toBeVisible();
	await expect(health.getByText('Report how many people used each warm space')).toBeVisible();
	await expectAccessible(page);
	await expectReflows(page);

	// On paper: the year's form, the print button and the partnership's sections are left off.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Show the year' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Partnership' })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Partners’ statements' })).toBeVisible();
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('a partner’s page says whether each commitment was kept', async ({ page, visit }) => {
	await signIn(page, 'tsi@demo.example');
	await visit('/p/strathmuir/annual-report');
	await page
		.getByRole('table', { name: /^Partners side by side/ })
		.getByRole('link', { name: 'Strathmuir Enterprise' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strathmuir Enterprise');
	await expect(page.getByText('Whether they were kept (read from the actions')).toBeVisible();
	const placements = page.getByRole('listitem').filter({ hasText: 'Fund 20 paid placements' });
	await expect(placements).toContainText(
		/(Kept|In hand|Overdue|Awaiting ratification|Not kept|No action recorded)\. /
	);
	await expectAccessible(page);
});
