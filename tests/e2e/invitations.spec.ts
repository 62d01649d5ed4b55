import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

test('an officer invites a new member, who creates an account and lands in the partnership', async ({
	page,
	browser,
	baseURL,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit('/p/strathmuir/invitations');
	// An officer cannot make someone an admin.
	await expect(page.getByLabel('Role in the partnership').locator('option')).not.toContainText([
		'Partnership admin'
	]);
	await page.getByLabel('Email address').fill('not an email');
	await page.getByLabel('Name', { exact: true }).fill('Morag Dunlop');
	await page.getByRole('button', { name: 'Create invitation link' }).click();
	await expect(page.locator('#field-email-error')).toContainText('Enter an email address');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Morag Dunlop');
	await expectAccessible(page);

	await page.getByLabel('Email address').fill('morag.dunlop@demo.example');
	await page.getByLabel('Role in the partnership').selectOption({ label: 'Member' });
	await page
		.getByLabel('Organisation they come from')
		.selectOption({ label: 'Strathmuir Tenants’ Federation' });
	await page.getByRole('button', { name: 'Create invitation link' }).click();
	const link = await page.getByLabel('Invitation link').inputValue();
	expect(link).toMatch(/\/invitations\/[a-z0-9]+$/);
	await expect(page.getByRole('row', { name: /Morag Dunlop/ })).toBeVisible();
	await expectAccessible(page);

	const context = await browser.newContext({ baseURL });
	const invitee = await context.newPage();
	await invitee.goto(link);
	await ready(invitee);
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(
		'Join Strathmuir Community Planning Partnership'
	);
	await expectAccessible(invitee);
	await invitee.getByLabel('Choose a password').fill('too short');
	await invitee.getByRole('button', { name: 'Create account and join' }).click();
	await expect(invitee.locator('#field-password-error')).toContainText(
		'Password must be at least 12 characters'
	);
	await expect(invitee.getByLabel('Your name')).toHaveValue('Morag Dunlop');
	await invitee.getByLabel('Choose a password').fill('tenants-voice-northfield');
	await invitee.getByRole('button', { name: 'Create account and join' }).click();
	await expect(invitee.getByRole('status')).toContainText(
		'Welcome to Strathmuir Community Planning Partnership'
	);
	await expectAccessible(invitee);

	// The link works once.
	await invitee.goto(link);
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(
		'Sorry, something went wrong'
	);
	await expect(invitee.getByText('This invitation has already been used.')).toBeVisible();
	await expectAccessible(invitee);
	await context.close();

	await visit('/p/strathmuir/members');
	await expect(page.getByRole('row', { name: /Morag Dunlop/ })).toContainText(
		'Strathmuir Tenants’ Federation'
	);
});
