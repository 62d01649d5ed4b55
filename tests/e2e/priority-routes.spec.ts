// A theme group's chair (here the officer, who may take every step) passes a priority sideways to another
// theme group from the priority's page: the reason is required and kept on refusal, the move shows on the
// timeline, and the page stays accessible.
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';

test('the officer passes a priority sideways to another theme group, with a reason', async ({
	page,
	visit,
	server
}) => {
	const db = server.db;
	const eastwood = await db.body.findFirstOrThrow({ where: { name: 'Eastwood Area Partnership' } });
	const health = await db.body.findFirstOrThrow({
		where: { name: 'Health and Wellbeing Theme Group' }
	});
	await signIn(page, 'officer@demo.example');
	const raised = await page.request.post(`/api/v1/bodies/${eastwood.id}/priorities`, {
		data: {
			title: 'Benches along the riverside walk',
			said: 'Older residents said they cannot walk the river path without somewhere to rest.',
			engagement: { method: 'WORKSHOP' }
		}
	});
	expect(raised.status(), await raised.text()).toBe(201);
	const id = ((await raised.json()) as { id: string }).id;
	const submitted = await page.request.post(`/api/v1/priorities/${id}/events`, {
		data: { type: 'SUBMITTED', toBodyId: health.id }
	});
	expect(submitted.status(), await submitted.text()).toBe(201);

	await visit(`/p/${SLUG}/priorities/${id}`);
	await expect(
		page.getByRole('heading', { name: 'Pass sideways to another theme group' })
	).toBeVisible();
	const form = page.locator('form[action="?/passSideways#next"]');
	await form.getByLabel('Theme group').selectOption({ label: 'Community Safety Theme Group' });
	await form.getByRole('button', { name: 'Pass sideways' }).click();
	await expect(form.getByRole('alert')).toBeVisible();
	await expect(form.getByLabel('Theme group')).toHaveValue(
		(await db.body.findFirstOrThrow({ where: { name: 'Community Safety Theme Group' } })).id
	);
	await form
		.getByLabel('Reason')
		.fill('Safe places to rest on the path are a community safety matter.');
	await form.getByRole('button', { name: 'Pass sideways' }).click();
	await expect(page.locator('.timeline li').last()).toContainText('Passed sideways');
	await expect(page.locator('.timeline li').last()).toContainText(
		'Safe places to rest on the path are a community safety matter.'
	);
	await expectAccessible(page);
});
