import { expect, expectAccessible, signIn, test } from './fixtures.ts';

test.beforeEach(async ({ page }) => {
	await signIn(page, 'admin@demo.example');
});

test('an admin adds a partner organisation; a bad form keeps what was typed and saves nothing', async ({
	page,
	visit
}) => {
	await visit('/p/strathmuir/organisations');
	const rowsBefore = await page.getByRole('row').count();
	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Add organisation' })
	});
	await form.getByLabel('Sector').selectOption({ label: 'Third sector' });
	await form.getByLabel('Statutory community planning partner').check();
	await form.getByRole('button', { name: 'Add organisation' }).click();

	await expect(page.getByRole('alert')).toContainText('Enter the organisation’s name');
	await expect(page.locator('#field-name-error')).toBeVisible();
	await expect(form.getByLabel('Sector')).toHaveValue('THIRD_SECTOR');
	await expect(form.getByLabel('Statutory community planning partner')).toBeChecked();
	await expect(page.getByRole('row')).toHaveCount(rowsBefore);
	await expectAccessible(page);

	await form.getByLabel('Name').fill('Strathmuir Food Network');
	await form.getByLabel('Statutory community planning partner').uncheck();
	await form.getByRole('button', { name: 'Add organisation' }).click();
	await expect(page.getByRole('status')).toContainText('Strathmuir Food Network has been saved.');
	const row = page.getByRole('row', { name: /Strathmuir Food Network/ });
	await expect(row).toContainText('Third sector');
	await expect(row).toContainText('No');
	await expectAccessible(page);

	await row.getByRole('link', { name: 'Strathmuir Food Network', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Change Strathmuir Food Network'
	);
	await expectAccessible(page);
	await page.getByLabel('Name').fill('Strathmuir Council');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('#field-name-error')).toContainText(
		'There is already an organisation called “Strathmuir Council”'
	);
	await expect(page.getByLabel('Name')).toHaveValue('Strathmuir Council');
});

test('an admin adds a theme group: the lead partner is required, and it appears in the tree', async ({
	page,
	visit
}) => {
	await visit('/p/strathmuir/bodies');
	await page.getByLabel('Name').fill('Climate and Net Zero Theme Group');
	await page.getByLabel('Kind of body').selectOption({ label: 'Theme group' });
	await page.getByLabel('Reports to').selectOption({ label: 'Strathmuir Partnership Board' });
	await page.getByLabel('Quorum (optional)').fill('0');
	await page.getByRole('button', { name: 'Add body' }).click();

	await expect(page.locator('#field-quorum-error')).toContainText(
		'The quorum must be a whole number from 1 to 200'
	);
	await expect(page.getByLabel('Name')).toHaveValue('Climate and Net Zero Theme Group');
	await expect(page.getByLabel('Reports to')).toHaveValue(/.+/);
	await expectAccessible(page);

	await page.getByLabel('Quorum (optional)').fill('4');
	await page.getByRole('button', { name: 'Add body' }).click();
	await expect(page.locator('#field-leadOrganisationId-error')).toContainText(
		'Choose the partner that leads this theme group'
	);
	await page.getByLabel('Lead partner').selectOption({ label: 'Strathmuir College' });
	await page.getByRole('button', { name: 'Add body' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Climate and Net Zero Theme Group'
	);
	await expect(page.getByRole('status')).toContainText('The body has been added.');
	await expectAccessible(page);

	await page
		.getByLabel('Member', { exact: true })
		.selectOption({ label: 'Prof Gordon Mair (Strathmuir College)' });
	await page.getByLabel('Seat', { exact: true }).selectOption({ label: 'Chair' });
	await page.getByRole('button', { name: 'Add seat' }).click();
	await expect(page.getByRole('status')).toContainText('The seat has been added.');
	await expect(page.getByRole('row', { name: /Prof Gordon Mair/ })).toContainText('Chair');

	await visit('/p/strathmuir/structure');
	const theme = page.locator('section', {
		has: page.getByRole('heading', { level: 3, name: 'Climate and Net Zero Theme Group' })
	});
	await expect(theme).toContainText('Led by Strathmuir College');
	await expect(theme.getByRole('row', { name: /Prof Gordon Mair/ })).toContainText('Education');
});

test('a body cannot be made to report to one of its own forums', async ({ page, visit }) => {
	await visit('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Community Safety Theme Group' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community Safety Theme Group');
	await page.getByLabel('Reports to').selectOption({ label: 'Riverside Locality Forum' });
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('#field-parentId-error')).toContainText(
		'A body cannot report to itself or to a body that reports to it'
	);
	await visit('/p/strathmuir/structure');
	await expect(
		page.getByRole('heading', { level: 3, name: 'Community Safety Theme Group' })
	).toBeVisible();
});

test('an admin records a member’s delegated authority and ends a seat', async ({ page, visit }) => {
	await visit('/p/strathmuir/members');
	await page.getByRole('link', { name: 'Ross Kilbride' }).click();
	await expectAccessible(page);
	await page.getByLabel('Has delegated authority to commit their organisation').check();
	await page
		.getByLabel('Limits of their authority (optional)')
		.fill('Prevention visits and home fire safety checks; capital needs the service board');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('The member’s details have been saved.');
	await expect(page.getByText('Prevention visits and home fire safety checks')).toBeVisible();

	const seats = page.getByRole('listitem').filter({ hasText: 'Community Safety Theme Group' });
	await seats.getByRole('button', { name: /End seat/ }).click();
	await expect(page.getByRole('status')).toContainText('The seat has been ended.');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Community Safety Theme Group' })
	).toHaveCount(0);
	await expectAccessible(page);
});
