import { expect, signIn, test } from './fixtures.ts';

test('a board member reads the structure: who reports to whom, who leads, who sits where', async ({
	page,
	visit
}) => {
	await signIn(page, 'nhs@demo.example');
	await visit('/p/strathmuir/structure');
	await expect(
		page.getByRole('heading', { level: 1, name: 'How the partnership is organised' })
	).toBeVisible();

	const board = page.locator('section', {
		has: page.getByRole('heading', { level: 2, name: 'Strathmuir Partnership Board' })
	});
	const chair = board.getByRole('row', { name: /Cllr Morven Drysdale/ });
	await expect(chair).toContainText('Chair');
	await expect(chair).toContainText('Strathmuir Council');
	await expect(chair).toContainText('Council');
	for (const sector of ['Health', 'Police', 'Fire and rescue', 'Enterprise', 'Education']) {
		await expect(board.getByRole('cell', { name: sector, exact: true }).first()).toBeVisible();
	}
	await expect(board.getByRole('row', { name: /Priya Lindsay/ })).toContainText('Third sector');
	// She sits from the third sector: she brings its perspective and does not speak for it.
	const priya = board.getByRole('row', { name: /Priya Lindsay/ });
	await expect(priya).toContainText('Brings their sector’s perspective, without speaking for it');
	await expect(priya).not.toContainText(/speaks for|for their sector/i);
	await expect(chair).toContainText('Represents their organisation');

	// Theme groups sit one level down, each with its lead partner.
	const health = page.locator('section', {
		has: page.getByRole('heading', { level: 3, name: 'Health and Wellbeing Theme Group' })
	});
	await expect(health).toContainText('Reports to Strathmuir Partnership Board');
	await expect(health).toContainText('Led by NHS Strathmuir');
	// A forum below a theme group is one level further down.
	await expect(
		page.getByRole('heading', { level: 4, name: 'Riverside Locality Forum' })
	).toBeVisible();
	await expect(
		page.locator('section', {
			has: page.getByRole('heading', { name: 'Northfield Locality Forum' })
		})
	).toContainText('Tam Baird');
});

test('members, bodies and a member’s page are readable by every member', async ({
	page,
	visit
}) => {
	await signIn(page, 'community@demo.example');
	await visit('/p/strathmuir/members');
	await expect(page.getByRole('row', { name: /Tam Baird/ })).toContainText(
		'Northfield Locality Forum'
	);
	// Each member's standing: the council leader is an elected member, a forum's member a community one.
	await expect(page.getByRole('row', { name: /Cllr Morven Drysdale/ })).toContainText(
		'Elected member'
	);
	await expect(page.getByRole('row', { name: /Tam Baird/ })).toContainText(
		'Community representative'
	);
	await page.getByRole('link', { name: 'Tam Baird' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tam Baird' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
	await visit('/p/strathmuir/bodies');
	await expect(page.getByRole('row', { name: /^Community Safety Theme Group/ })).toContainText(
		'Police Service, Strathmuir Division'
	);
	await visit('/p/strathmuir/organisations');
	await expect(page.getByRole('row', { name: /Strathmuir Voluntary Action/ })).toContainText(
		'Third sector'
	);
	await expect(page.getByRole('heading', { name: 'Add an organisation' })).toHaveCount(0);
});

test('a member of one partnership finds nothing of another', async ({ page, visit }) => {
	await signIn(page, 'community@demo.example');
	await visit('/p/carran-valley');
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await page.goto('/p/carran-valley/structure');
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expect(page.getByText('Carran Valley Partnership Board')).toHaveCount(0);
});

test('the invitations page is for admins and officers only', async ({ page, visit }) => {
	await signIn(page, 'police@demo.example');
	await expect(page.getByRole('link', { name: 'Invitations' })).toHaveCount(0);
	await visit('/p/strathmuir/invitations');
	await expect(page.getByRole('heading', { level: 1, name: 'You cannot do this' })).toBeVisible();
});
