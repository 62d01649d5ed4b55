import { expect, expectAccessible, signIn, test } from './fixtures.ts';

test('a person creates a personal access token, uses it on the API, and revokes it', async ({
	page,
	request,
	visit
}) => {
	await signIn(page, 'reviewer@demo.example');
	await visit('/settings');
	await page.getByRole('button', { name: 'Create token' }).click();
	await expect(page.locator('#field-name-error')).toContainText('Enter a name for the token');
	await expectAccessible(page);

	await page.getByLabel('Name for a new token').fill('Review notebook');
	await page.getByLabel('What the token may do').selectOption({ label: 'Read only' });
	await page.getByLabel('Days until it expires').fill('30');
	await page.getByRole('button', { name: 'Create token' }).click();
	const token = await page.getByLabel('Your new token').inputValue();
	expect(token).toMatch(/^pat_/);
	await expectAccessible(page);
	const expires = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(
		new Date(Date.now() + 30 * 24 * 60 * 60 * 1000)
	);
	const row = page.getByRole('row', { name: /Review notebook/ });
	await expect(row).toContainText('Read only');
	await expect(row).toContainText(expires);

	const headers = { authorization: `Bearer ${token}` };
	const me = await request.get('/api/v1/me', { headers });
	expect(me.status()).toBe(200);
	expect((await me.json()).user.email).toBe('reviewer@demo.example');
	const write = await request.post('/api/v1/me/tokens', { headers, data: { name: 'Another' } });
	expect(write.status()).toBe(403);

	await visit('/settings');
	await expect(page.getByLabel('Your new token')).toHaveCount(0);
	await page
		.getByRole('row', { name: /Review notebook/ })
		.getByRole('button', { name: /Revoke/ })
		.click();
	await expect(page.getByRole('row', { name: /Review notebook/ })).toHaveCount(0);
	expect((await request.get('/api/v1/me', { headers })).status()).toBe(401);
});

test('changing the password asks for the current one and keeps this browser signed in', async ({
	page,
	visit
}) => {
	await signIn(page, 'tsi@demo.example');
	await visit('/settings');
	await page.getByLabel('Current password').fill('wrong-password-here');
	await page.getByLabel('New password').fill('short');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.locator('#field-newPassword-error')).toContainText('at least 12 characters');
	await expectAccessible(page);
	await page.getByLabel('Current password').fill('wrong-password-here');
	await page.getByLabel('New password').fill('third-sector-equal-partner');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.locator('#field-currentPassword-error')).toContainText(
		'Your current password is not right'
	);
	await page.getByLabel('Current password').fill('demo-password-2026');
	await page.getByLabel('New password').fill('third-sector-equal-partner');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password has been changed.');
	await visit('/p/strathmuir/structure');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'How the partnership is organised'
	);
});
