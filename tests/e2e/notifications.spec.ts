import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from './fixtures.ts';

/** The officer schedules a board meeting and issues its agenda, which notifies everyone on the board. */
async function issueBoardAgenda(request: APIRequestContext, title: string): Promise<void> {
	const login = await request.post('/api/v1/auth/login', {
		data: { email: 'officer@demo.example', password: DEMO_PASSWORD }
	});
	expect(login.status()).toBe(200);
	const bodies: { id: string; name: string }[] = await (
		await request.get('/api/v1/partnerships/strathmuir/bodies')
	).json();
	const board = bodies.find((body) => body.name === 'Strathmuir Partnership Board')!;
	// After the demo's next board meeting (two weeks ahead), so it never becomes the meeting before it,
	// whose minutes whole-meeting.spec.ts approves.
	const startsAt = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10) + 'T10:00';
	const meeting = await request.post(`/api/v1/bodies/${board.id}/meetings`, {
		data: { title, startsAt }
	});
	expect(meeting.status()).toBe(201);
	const issued = await request.post(`/api/v1/meetings/${(await meeting.json()).id}/issue`, {
		data: { issueEmpty: true }
	});
	expect(issued.status()).toBe(200);
}

test('a board member sees the issued agenda in their notifications and marks it read', async ({
	page,
	playwright,
	baseURL,
	visit
}) => {
	const officer = await playwright.request.newContext({ baseURL });
	const title = `December board ${Date.now()}`;
	await issueBoardAgenda(officer, title);
	await officer.dispose();

	await signIn(page, 'chair@demo.example');
	const link = page.getByRole('navigation', { name: 'Account' }).getByRole('link', {
		name: /^Notifications \d+ unread$/
	});
	await expect(link).toBeVisible();
	const before = Number((await link.textContent())!.match(/\d+/)![0]);
	await link.click();
	await visit('/notifications');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');

	const item = page.getByRole('listitem').filter({ hasText: title });
	await expect(item).toContainText('Unread');
	await expect(item.getByRole('link', { name: new RegExp(title) })).toHaveAttribute(
		'href',
		/^\/p\/strathmuir\/meetings\//
	);
	await item.getByRole('button', { name: /Mark as read/ }).click();
	await expect(item).not.toContainText('Unread');
	await expect(item.getByRole('button', { name: /Mark as read/ })).toHaveCount(0);
	const after = page.getByRole('navigation', { name: 'Account' }).getByRole('link', {
		name: /^Notifications/
	});
	await expect(after).toHaveText(
		before - 1 ? new RegExp(`^Notifications\\s*${before - 1}\\s*unread$`) : /^Notifications$/
	);
	await expectAccessible(page);
});

test('marking a notification read works without JavaScript', async ({
	browser,
	baseURL,
	playwright
}) => {
	const officer = await playwright.request.newContext({ baseURL });
	const title = `Board without scripts ${Date.now()}`;
	await issueBoardAgenda(officer, title);
	await officer.dispose();

	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const login = await context.request.post('/api/v1/auth/login', {
		data: { email: 'nhs@demo.example', password: DEMO_PASSWORD }
	});
	expect(login.status()).toBe(200);
	const page = await context.newPage();
	// axe needs scripts, so the page's accessibility is checked in the test above.
	await page.goto('/notifications');
	const item = page.getByRole('listitem').filter({ hasText: title });
	await expect(item).toContainText('Unread');
	await item.getByRole('button', { name: /Mark as read/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
	await expect(item).not.toContainText('Unread');
	await context.close();
});
