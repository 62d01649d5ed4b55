// Schemes of delegation: an officer changes a theme group's scheme (a new version, the earlier kept), and
// records the board's ratification of the theme group's decision taken over its money limit.
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

test.beforeEach(async ({ page }) => {
	await signIn(page, 'officer@demo.example');
});

test('an officer changes a theme group’s scheme of delegation: a new version, the earlier one kept', async ({
	page,
	visit
}) => {
	await visit('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Health and Wellbeing Theme Group' }).first().click();
	const section = page.locator('section', {
		has: page.getByRole('heading', { name: 'Scheme of delegation', level: 2 })
	});
	await expect(section).toContainText('£50,000 by one decision');
	await expect(section).toContainText('Changes to the Local Outcomes Improvement Plan');

	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Save the scheme as a new version' })
	});
	await form.getByLabel('What the body may decide').fill('');
	await form.getByLabel('Financial limit, in pounds (optional)').fill('75000');
	await form.getByRole('button', { name: 'Save the scheme as a new version' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter what the body may decide');
	await expect(form.getByLabel('Financial limit, in pounds (optional)')).toHaveValue('75000');
	await expectAccessible(page);

	await form
		.getByLabel('What the body may decide')
		.fill('Agree the theme’s delivery plan and commit funds set aside for the theme.');
	await form.getByRole('button', { name: 'Save the scheme as a new version' }).click();
	await expect(page.getByRole('status')).toContainText('saved as a new version');
	await expect(section).toContainText('Version 2, in force');
	await expect(section).toContainText('£75,000 by one decision');
	await expect(section.getByText('Version 1, written by Callum Rennie')).toBeVisible();
	await expectAccessible(page);
});

test('the board’s ratification of a theme group decision outside its scheme is recorded beside it', async ({
	page,
	visit
}) => {
	const [decision] = await (
		await page.request.get('/api/v1/partnerships/strathmuir/decisions?q=link workers')
	).json();
	await visit(`/p/strathmuir/decisions/${decision.id}`);
	await expect(
		page.getByText('Pending: ratification by Strathmuir Partnership Board')
	).toBeVisible();
	await expect(page.getByText(/Outside Health and Wellbeing Theme Group’s scheme/)).toBeVisible();
	await expect(page.getByText('It commits £80,000, over the limit of £50,000.')).toBeVisible();

	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Record the ratification' })
	});
	await form
		.getByLabel('Whose ratification')
		.selectOption({ label: 'Strathmuir Partnership Board' });
	const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
	await form.getByLabel('Date ratified').fill(yesterday);
	await form.getByLabel('Ratified by', { exact: true }).fill('Partnership board, special meeting');
	await form.getByLabel('I confirm the partner or parent body has ratified the decision').check();
	await form.getByRole('button', { name: 'Record the ratification' }).click();
	await expect(page.getByRole('status')).toContainText('The decision’s versions are unchanged.');
	await expect(page.locator('.ratifications')).toContainText(
		'Ratified by Strathmuir Partnership Board (parent body): Partnership board, special meeting'
	);
	await expect(page.getByText(/Pending: ratification by/)).toHaveCount(0);
	await expect(page.getByText('Verified: every version’s fingerprint matches')).toBeVisible();
	await expectAccessible(page);
});
