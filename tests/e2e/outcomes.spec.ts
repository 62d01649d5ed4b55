// The plan outcomes page: the demo's LOIP outcomes with the priorities and actions tagged with them, and an
// officer adding an outcome, first with the title left blank (refused, what was typed kept) then in full.
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

test('an officer reads the plan outcomes adds one and tags an action with it', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit('/p/strathmuir/outcomes');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan outcomes');

	const loip1 = page.getByRole('listitem').filter({
		has: page.getByRole('heading', {
			name: 'LOIP 1 People in Strathmuir live longer, healthier lives'
		})
	});
	await expect(
		loip1.getByRole('link', {
			name: 'Warm spaces within walking distance, open on weekday evenings'
		})
	).toHaveAttribute('href', /\/p\/strathmuir\/priorities\/[^/]+$/);
	await expect(loip1.getByText('Report how many people used each warm space')).toBeVisible();

	const code = `T${Date.now()}`;
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Add the outcome' }) });
	await form.getByLabel('Code').fill(code);
	await form.getByRole('button', { name: 'Add the outcome' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the outcome');
	await expect(form.getByLabel('Code')).toHaveValue(code);
	await expectAccessible(page);

	await form
		.getByLabel('Outcome', { exact: true })
		.fill('Older people stay warm at home in winter');
	await form.getByRole('button', { name: 'Add the outcome' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: `Outcome ${code} added.` })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { name: `${code} Older people stay warm at home in winter` })
	).toBeVisible();

	const tag = page.locator('form', {
		has: page.getByRole('button', { name: 'Save the action’s outcomes' })
	});
	await tag.getByLabel('Action').selectOption({
		label:
			'Report how many people used each warm space, and on which evenings, by the end of January'
	});
	// Tagging replaces the action's outcomes: keep the demo's two, add the new one.
	await tag.getByLabel('LOIP 1: People in Strathmuir live longer, healthier lives').check();
	await tag.getByLabel('NF 1: Northfield: no one is cold or alone through the winter').check();
	await tag.getByLabel(`${code}: Older people stay warm at home in winter`).check();
	await tag.getByRole('button', { name: 'Save the action’s outcomes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'outcomes are saved' })).toBeVisible();
	const added = page.getByRole('listitem').filter({
		has: page.getByRole('heading', { name: `${code} Older people stay warm at home in winter` })
	});
	await expect(added.getByText('Report how many people used each warm space')).toBeVisible();
});
