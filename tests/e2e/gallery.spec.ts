// The public gallery: a resident follows the demo board's meeting without signing in while the chair runs
// it from the console in another browser; the gallery moves with the meeting and, on the item taken in
// private, says only that the meeting is in private session.
import { demoMeeting } from './demo-meeting.ts';
import {
	expect,
	expectAccessible,
	expectReflows,
	ready,
	screenshotForDocs,
	signIn,
	test
} from './fixtures.ts';

test('the public gallery follows the meeting live and shows the private-session notice', async ({
	browser,
	baseURL,
	page,
	visit
}) => {
	const chairContext = await browser.newContext({ baseURL });
	const chair = await chairContext.newPage();
	await signIn(chair, 'chair@demo.example');
	const id = await demoMeeting(chair);

	// Before it starts, the public page says where the gallery will be.
	await visit(`/public/strathmuir/meetings/${id}`);
	await page.getByRole('link', { name: /public gallery/ }).click();
	await ready(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Public gallery');
	const now = page.getByRole('region', { name: 'Now' });
	await expect(now).toContainText('The meeting has not started yet');
	await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

	expect((await chair.request.post(`/api/v1/meetings/${id}/start`)).status()).toBe(200);
	// Starting opens the first item.
	await expect(now).toContainText('1. Welcome, apologies and declarations of interest');
	await chair.goto(`/p/strathmuir/meetings/${id}/live?view=chair`);
	await ready(chair);
	await chair
		.getByRole('button', { name: 'Make current: Winter plan for community safety' })
		.click();
	await expect(now).toContainText('Winter plan for community safety');
	await expect(page.getByRole('region', { name: 'Waiting to speak' })).toContainText(
		'No one is waiting to speak'
	);
	await screenshotForDocs(page, 'gallery');
	await expectAccessible(page);

	// The item taken in private: nothing of it reaches the gallery.
	await chair
		.getByRole('button', { name: 'Make current: Northfield community hub: lease negotiations' })
		.click();
	await expect(now).toContainText('The meeting is in private session');
	await expect(page.getByText('lease negotiations')).toHaveCount(0);
	await expectAccessible(page);
	await expectReflows(page);

	await chair
		.getByRole('button', {
			name: 'Make current: Performance report: Local Outcomes Improvement Plan'
		})
		.click();
	await expect(now).toContainText('Performance report: Local Outcomes Improvement Plan');
	await expect(now).not.toContainText('private session');
	await chairContext.close();
});
