// An admin removes a member from the partnership on the member's page: it asks to confirm, the member
// loses access at once, and someone named in the record cannot be removed (the page says to make them an
// observer). The member removed is invited by the test, so the demo people other tests use all stay.
import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

test('an admin removes a member who has nothing on record, and their access ends', async ({
	page,
	browser,
	baseURL,
	visit
}) => {
	await signIn(page, 'admin@demo.example');
	await visit('/p/strathmuir/invitations');
	await page.getByLabel('Email address').fill('isla.moncrieff@demo.example');
	await page.getByLabel('Name', { exact: true }).fill('Isla Moncrieff');
	await page.getByLabel('Role in the partnership').selectOption({ label: 'Member' });
	await page
		.getByLabel('Organisation they come from')
		.selectOption({ label: 'Strathmuir Youth Forum' });
	await page.getByRole('button', { name: 'Create invitation link' }).click();
	const link = await page.getByLabel('Invitation link').inputValue();

	const context = await browser.newContext({ baseURL });
	const invitee = await context.newPage();
	await invitee.goto(link);
	await ready(invitee);
	await invitee.getByLabel('Choose a password').fill('youth-forum-voice-2026');
	await invitee.getByRole('button', { name: 'Create account and join' }).click();
	await expect(invitee.getByRole('status')).toContainText(
		'Welcome to Strathmuir Community Planning Partnership'
	);
	await invitee.goto('/p/strathmuir/members');
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Members');
	// A member who is not an admin is not offered the removal.
	await invitee.getByRole('link', { name: 'Isla Moncrieff' }).click();
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Isla Moncrieff');
	await expect(invitee.getByRole('button', { name: 'Remove from the partnership' })).toHaveCount(0);

	await visit('/p/strathmuir/members');
	await page.getByRole('link', { name: 'Isla Moncrieff' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Isla Moncrieff');
	await ready(page);
	await expect(
		page.getByText('Isla Moncrieff loses access to the partnership at once')
	).toBeVisible();
	await expectAccessible(page);

	// Not confirmed: nothing happens, and the box says why.
	const remove = page.getByRole('button', { name: 'Remove from the partnership' });
	await remove.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toContainText(
		'Tick the box to confirm that they are to be removed from the partnership'
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Isla Moncrieff');
	await expectAccessible(page);

	await page
		.getByLabel('I confirm that Isla Moncrieff is to be removed from the partnership')
		.focus();
	await page.keyboard.press('Space');
	await remove.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Members');
	await expect(page.getByRole('status')).toContainText(
		'The member has been removed from the partnership.'
	);
	await expect(page.getByRole('link', { name: 'Isla Moncrieff' })).toHaveCount(0);
	await expectAccessible(page);

	// The removed person's next page in the partnership is not found.
	await invitee.reload();
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await invitee.goto('/p/strathmuir');
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await context.close();
});

test('a member named in the record cannot be removed; the page says to make them an observer', async ({
	page,
	visit
}) => {
	await signIn(page, 'admin@demo.example');
	await visit('/p/strathmuir/members');
	await page.getByRole('link', { name: 'Dr Anwar Qadir' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dr Anwar Qadir');
	await ready(page);
	await page
		.getByLabel('I confirm that Dr Anwar Qadir is to be removed from the partnership')
		.check();
	const remove = page.getByRole('button', { name: 'Remove from the partnership' });
	await remove.click();
	const refusal = page.locator('#remove-refused');
	await expect(refusal).toContainText(
		'This member is named in the record (seats, meetings, challenges or reviews). Make them an observer instead.'
	);
	await expect(remove).toHaveAccessibleDescription(/Make them an observer instead/);
	await expect(
		refusal.getByRole('link', { name: 'Change Dr Anwar Qadir’s role to observer' })
	).toHaveAttribute('href', '#field-role');
	await expectAccessible(page);

	await visit('/p/strathmuir/members');
	await expect(page.getByRole('link', { name: 'Dr Anwar Qadir' })).toBeVisible();
});
