// Two reviewers code the demo's special meeting on winter pressures (closed, not coded by the demo) by
// keyboard alone, each in their own browser, and then see how far they agree. Before publication neither
// sees the other's codes.
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

const MEETING = 'Partnership Board: special meeting on winter pressures';

async function openCoding(browser: Browser, email: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Strathmuir Partnership Board' }).click();
	await page.getByRole('link', { name: MEETING }).click();
	await page.getByRole('link', { name: 'Code the contributions' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coding the contributions');
	await ready(page);
	return { context, page };
}

/**
 * Codes the contribution on screen without the mouse: participation not applicable, a level of
 * justification backed by its note, then saved and moved on with Ctrl+Enter in the note or, back on the
 * level, Enter.
 */
async function codeByKeyboard(
	page: Page,
	justification: number,
	note: string,
	save: 'Control+Enter in the note' | 'Enter on the level' = 'Control+Enter in the note'
) {
	const position = await page.getByRole('heading', { level: 2, name: /^Contribution \d+ of/ });
	const before = await position.textContent();
	const participation = page.getByRole('group', { name: '1. Participation' });
	await expect(participation.getByRole('radio').first()).toBeFocused();
	await page.keyboard.press('n');
	await expect(participation.getByRole('radio', { name: /Not applicable/ })).toBeChecked();
	await page.keyboard.press('ArrowDown');
	const justified = page.getByRole('group', { name: '2. Level of justification' });
	await expect(justified.getByRole('radio').first()).toBeFocused();
	await page.keyboard.press(String(justification));
	await expect(justified.getByRole('radio').nth(justification)).toBeChecked();
	await expect(justified.getByRole('radio').nth(justification)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Note on level of justification')).toBeFocused();
	await page.keyboard.type(note);
	if (save === 'Enter on the level') {
		await page.keyboard.press('Shift+Tab');
		await expect(justified.getByRole('radio').nth(justification)).toBeFocused();
		await page.keyboard.press('Enter');
	} else await page.keyboard.press('Control+Enter');
	await expect(page.getByRole('status')).toContainText('Codes saved for contribution');
	await expect(position).not.toHaveText(before!);
}

test('two reviewers code the special meeting by keyboard and see their agreement', async ({
	browser
}) => {
	// Two browsers, four saves and two reloads: more than the default time on a busy machine.
	test.slow();
	const helen = await openCoding(browser, 'reviewer@demo.example');
	const owen = await openCoding(browser, 'researcher@demo.example');
	await expect(helen.page.getByText(/^0 of \d+ coded by you\.$/)).toBeVisible();

	await codeByKeyboard(helen.page, 2, 'Gave the discharge figures as the reason');
	await codeByKeyboard(helen.page, 1, 'Offered staff, no reason given');
	await expect(helen.page.getByText(/^2 of \d+ coded by you\.$/)).toBeVisible();

	await codeByKeyboard(owen.page, 2, 'Reasoned from the figures', 'Enter on the level');
	await codeByKeyboard(owen.page, 3, 'Weighed the options in full', 'Enter on the level');

	for (const { page } of [helen, owen]) {
		await page.reload();
		const table = page.getByRole('table', { name: /Agreement between the 2 coders/ });
		await expect(table).toBeVisible();
		const row = table.getByRole('row', { name: /Level of justification/ });
		await expect(row.getByRole('cell').nth(0)).toHaveText(/^-?\d\.\d\d$/);
		await expect(row.getByRole('cell').nth(1)).toHaveText('2');
		// One disagreement to reconcile, its values hidden until the review is published.
		await expect(page.getByRole('link', { name: /^Contribution 2/ })).toBeVisible();
		await expect(page.getByText('shown once the review is published')).toBeVisible();
	}
	await expect(owen.page.getByText('Offered staff, no reason given')).toHaveCount(0);
	await helen.context.close();
	await owen.context.close();
});

test('the coding screen passes the accessibility check, with an error summary too', async ({
	page,
	visit
}) => {
	await signIn(page, 'researcher@demo.example');
	await page.goto('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Strathmuir Partnership Board' }).click();
	await page.getByRole('link', { name: MEETING }).click();
	const href = await page
		.getByRole('link', { name: 'Code the contributions' })
		.getAttribute('href');
	await visit(`${href}?i=3`);
	await expect(page.getByRole('heading', { level: 2, name: /^Contribution 3 of/ })).toBeVisible();
	await page.getByRole('radio', { name: /Sophisticated justification/ }).check();
	await page.getByRole('button', { name: /^Save/ }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Back the code for Level of justification');
	await expect(summary).toBeFocused();
	await expectAccessible(page);
});
