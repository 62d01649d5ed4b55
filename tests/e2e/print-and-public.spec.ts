import { expect, signIn, test } from './fixtures.ts';

test('the public pages open signed out, without a sign-in, and print without the site header', async ({
	page,
	visit
}) => {
	await visit('/public/strathmuir');
	await expect(page).toHaveURL(/\/public\/strathmuir$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Strathmuir Community Planning Partnership'
	);
	await expect(page.getByRole('link', { name: 'Sign out' })).toHaveCount(0);

	await visit('/public/strathmuir/decisions');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decisions register');
	await page.getByLabel('Words in the decision').fill('transport');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/q=transport/);
	await expect(page.getByRole('status')).toContainText('found');

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the board pack and the minutes print cleanly: no header, no buttons, items on their own pages', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await page.goto('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Strathmuir Partnership Board' }).click();
	await page.getByRole('link', { name: /^Partnership Board, / }).click();
	const pack = await page.getByRole('link', { name: 'Board pack to print' }).getAttribute('href');
	const minutes = await page.getByRole('link', { name: 'Minutes to print' }).getAttribute('href');

	await visit(pack!);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board pack: Partnership Board');
	await expect(page.getByRole('table', { name: 'Agenda items with timings' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: /^1\. / })).toBeVisible();
	const print = page.getByRole('button', { name: 'Print the board pack' });
	await expect(print).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Partnership' })).toBeHidden();
	await expect(print).toBeHidden();
	const breaks = await page
		.locator('section.print-item')
		.evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
	expect(breaks.length).toBeGreaterThan(1);
	expect(breaks.every((b) => b === 'page')).toBe(true);
	const colour = await page.locator('body').evaluate((b) => getComputedStyle(b).color);
	expect(colour).toBe('rgb(0, 0, 0)');
	await page.emulateMedia({ media: 'screen' });

	await visit(minutes!);
	await expect(page.getByRole('heading', { level: 2 })).toContainText('DRAFT');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print the minutes' })).toBeHidden();
});
