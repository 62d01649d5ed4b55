// Reopening a published review, as people see it: the reader sees it published and the reviewer's codes
// frozen; the officer reopens it after confirming, with a reason; the reader is told and sees the reason;
// republishing freezes it again and the report says so. axe checks every page visited. (Apart from
// review.spec.ts, so the two long files run side by side.)
import { expect, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';

// Each page is a long one for axe to check, on a small shared machine.
test.describe.configure({ timeout: 120_000 });

test('an officer reopens a published review after confirming; its reader is told, and republishing freezes it again', async ({
	page,
	visit,
	server
}) => {
	// One of the year's earlier meetings, whose review the demo published.
	const title = 'Partnership Board: budget and community safety';
	const { id } = await server.db.meeting.findFirstOrThrow({
		where: { title },
		select: { id: true }
	});
	const review = `/p/${SLUG}/meetings/${id}/review`;
	const reason = 'A reviewer’s codes on the budget item were entered against the wrong turns.';

	await signIn(page, 'community@demo.example');
	await visit(review);
	await expect(page.getByText(/^Published on /)).toBeVisible();

	await page.context().clearCookies();
	await signIn(page, 'reviewer@demo.example');
	await visit(`${review}/coding`);
	await expect(
		page.getByText('This review is published, so its codes and notes are frozen.')
	).toBeVisible();
	await expect(page.getByRole('group', { name: '1. Participation' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Add the note' })).toHaveCount(0);

	await page.context().clearCookies();
	await signIn(page, 'officer@demo.example');
	await visit(review);
	await expect(page.getByRole('heading', { name: 'Reopen the review' })).toBeVisible();
	await page.getByLabel('Why it is reopened').fill(reason);
	await page.getByRole('button', { name: 'Reopen the review' }).click();
	await expect(
		page.getByText('Tick the box to confirm that the review is to be reopened').first()
	).toBeVisible();
	await page.getByLabel('I confirm the review is to be reopened and its readers told').check();
	await page.getByRole('button', { name: 'Reopen the review' }).click();
	await expect(page.getByRole('status')).toContainText('The review has been reopened');
	await visit(review);
	await expect(page.getByText(reason)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add the note' })).toBeVisible();

	await page.context().clearCookies();
	await signIn(page, 'community@demo.example');
	await visit('/notifications');
	await expect(
		page.getByRole('link', { name: new RegExp(`^The review of ${title} has been reopened`) })
	).toBeVisible();
	await visit(review);
	await expect(page.getByText('Reopened:')).toBeVisible();
	await expect(page.getByText(/^Reopened on .* by /)).toBeVisible();

	await page.context().clearCookies();
	await signIn(page, 'officer@demo.example');
	await visit(review);
	await page.getByRole('button', { name: 'Republish the review' }).click();
	await expect(page.getByRole('status')).toContainText('The review has been republished');
	await visit(`${review}/report`);
	await expect(page.getByText(/^Republished on /)).toBeVisible();
	await expect(page.getByText(/^Reopened on /)).toContainText(reason);
});
