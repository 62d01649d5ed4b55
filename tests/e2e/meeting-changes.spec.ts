import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

test.beforeEach(async ({ page }) => {
	await signIn(page, 'officer@demo.example');
});

test('an officer moves a meeting whose agenda is out, then cancels it through the confirm step', async ({
	page,
	server,
	visit
}) => {
	const board = await server.db.body.findFirstOrThrow({
		where: { name: 'Strathmuir Partnership Board' }
	});
	const scheduled = await page.request.post(`/api/v1/bodies/${board.id}/meetings`, {
		data: { title: 'October board', startsAt: '2027-10-07T10:00', place: 'Council chambers' }
	});
	expect(scheduled.status()).toBe(201);
	const { id } = await scheduled.json();
	const issued = await page.request.post(`/api/v1/meetings/${id}/issue`, {
		data: { issueEmpty: true }
	});
	expect(issued.status()).toBe(200);
	const seated = await server.db.bodySeat.count({ where: { bodyId: board.id, endedAt: null } });

	await visit(`/p/strathmuir/meetings/${id}`);
	const moving = page.locator('.panel', {
		has: page.getByRole('heading', { name: 'Move the meeting' })
	});
	await expect(moving).toContainText(
		`the ${seated} people seated will be notified and sent an updated calendar invitation`
	);
	await expect(moving.getByLabel('New start')).toHaveValue('2027-10-07T10:00');
	await moving.getByLabel('New start').fill('2027-11-04T18:30');
	await moving.getByLabel('Place (optional)').fill('Library meeting room');
	await moving.getByRole('button', { name: 'Move the meeting' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The meeting has been moved.' })
	).toBeVisible();
	await expect(page.getByText(/4 November 2027 at 18:30/).first()).toBeVisible();
	await expect(page.getByText('Library meeting room').first()).toBeVisible();
	await ready(page);
	await expectAccessible(page);

	const cancelling = page.locator('.panel', {
		has: page.getByRole('heading', { name: 'Cancel the meeting' })
	});
	await expect(cancelling).toContainText('Cancelling cannot be undone');
	await expect(cancelling).toContainText(`The ${seated} people seated will be notified`);
	await cancelling.getByLabel('Reason for cancelling').fill('The venue flooded');
	// Without the ticked confirmation nothing happens, and the reason typed is kept.
	await cancelling.getByRole('button', { name: 'Cancel the meeting' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Tick the box to confirm that the meeting is to be cancelled'
	);
	await expect(cancelling.getByLabel('Reason for cancelling')).toHaveValue('The venue flooded');
	expect((await server.db.meeting.findUniqueOrThrow({ where: { id } })).status).toBe(
		'AGENDA_ISSUED'
	);
	await expectAccessible(page);

	await cancelling.getByLabel(/I confirm the meeting is cancelled/).check();
	await cancelling.getByRole('button', { name: 'Cancel the meeting' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The meeting has been cancelled.' })
	).toBeVisible();
	await expect(page.getByText('The venue flooded')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Move the meeting' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Cancel the meeting' })).toHaveCount(0);

	// Those seated were sent the moved invitation, then the cancellation.
	const mail = await server.db.outboundMail.findMany({
		where: { subject: { contains: 'October board' } },
		select: { subject: true, icsMethod: true }
	});
	expect(mail.some((m) => m.subject.startsWith('Moved:') && m.icsMethod === 'REQUEST')).toBe(true);
	expect(mail.some((m) => m.subject.startsWith('Cancelled:') && m.icsMethod === 'CANCEL')).toBe(
		true
	);

	await visit(`/p/strathmuir/meetings/${id}`);
	await expect(page.getByText('Cancelled').first()).toBeVisible();
});
