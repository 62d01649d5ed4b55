// A joint meeting of the Health and Wellbeing Theme Group and the Northfield Locality Forum, in progress:
// the live view shows each body's quorum, counted from its own seats, accessible and reflowing at 320 px.
import type { Page } from '@playwright/test';
import { makeItem, storeWording } from '../support/record.ts';
import type { TestServer } from '../support/server.ts';
import { expect, expectAccessible, expectReflows, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';

/**
 * A joint meeting of the two bodies in progress, with the Health group quorate (3 of 5) and the Northfield
 * forum not (1 of 3); with `decide`, an item for decision taken now, its wording in the decision log.
 */
async function jointMeetingUnderWay(page: Page, server: TestServer, decide?: string) {
	const db = server.db;
	const health = await db.body.findFirstOrThrow({
		where: { name: 'Health and Wellbeing Theme Group' }
	});
	const northfield = await db.body.findFirstOrThrow({
		where: { name: 'Northfield Locality Forum' }
	});
	await signIn(page, 'officer@demo.example');
	const scheduled = await page.request.post(`/api/v1/bodies/${health.id}/meetings`, {
		data: {
			title: 'Joint meeting on winter wellbeing',
			startsAt: new Date(Date.now() + 3_600_000).toISOString(),
			jointBodyIds: [northfield.id]
		}
	});
	expect(scheduled.status(), await scheduled.text()).toBe(201);
	const id = ((await scheduled.json()) as { id: string }).id;
	const item = decide ? await makeItem(db, id, decide) : null;
	if (item) await storeWording(db, id, { [item.id]: `The bodies agree: ${decide}.` });
	for (const [path, data] of [
		[`/api/v1/meetings/${id}/issue`, { issueEmpty: true }],
		[`/api/v1/meetings/${id}/start`, {}]
	] as const) {
		const res = await page.request.post(path, { data });
		expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
	}
	for (const local of ['nhs', 'hscp', 'health.improvement', 'northfield']) {
		const member = await db.membership.findFirstOrThrow({
			where: { user: { email: `${local}@demo.example` }, partnership: { slug: SLUG } }
		});
		const res = await page.request.post(`/api/v1/meetings/${id}/attendance`, {
			data: { membershipId: member.id, status: 'PRESENT' }
		});
		expect(res.status(), await res.text()).toBe(200);
	}
	if (item) {
		const res = await page.request.post(`/api/v1/meetings/${id}/current-item`, {
			data: { agendaItemId: item.id }
		});
		expect(res.status(), await res.text()).toBe(200);
	}
	return id;
}

test('the live view of a joint meeting shows each body’s quorum', async ({
	page,
	visit,
	server
}) => {
	const id = await jointMeetingUnderWay(page, server);
	await visit(`/p/${SLUG}/meetings/${id}/live`);
	const summary = page.locator('.quorum-summary');
	await expect(summary).toContainText('Health and Wellbeing Theme Group: quorate, 3 of 5 present');
	await expect(summary).toContainText('Northfield Locality Forum: not quorate, 1 of 3 present');
	await expectAccessible(page);
	await expectReflows(page);
});

test('the chair names the bodies that took a joint meeting’s decision; the record lists them', async ({
	page,
	visit,
	server
}) => {
	const id = await jointMeetingUnderWay(page, server, 'Winter warmth hubs');
	await visit(`/p/${SLUG}/meetings/${id}/live?view=chair`);
	const form = page.locator('form[action="?/decide"]');
	await form.locator('summary', { hasText: 'taken by' }).click();
	const takenBy = form.getByRole('group', { name: 'Taken by' });
	// Every holding body is ticked to begin with; the forum short of its quorum says so.
	await expect(takenBy.getByLabel('Health and Wellbeing Theme Group')).toBeChecked();
	await expect(takenBy.getByLabel('Northfield Locality Forum (not quorate)')).toBeChecked();
	await form.getByLabel('Outcome', { exact: true }).selectOption('AGREED');
	await form.getByRole('button', { name: 'Record the decision' }).click();
	// The forum is not quorate: the chair must confirm, and the bodies chosen are kept.
	const confirm = form.getByLabel('Record it anyway, noting the meeting was not quorate');
	await expect(confirm).toBeVisible();
	await expect(takenBy.getByLabel('Northfield Locality Forum (not quorate)')).toBeChecked();
	await confirm.check();
	await form.getByRole('button', { name: 'Record the decision' }).click();
	await expect(page.getByTestId('recorded')).toContainText(
		'Taken by Health and Wellbeing Theme Group and Northfield Locality Forum'
	);
	await expectAccessible(page);
	await expectReflows(page);

	// The public pages name both bodies: the meeting they held, the decision they took.
	await visit(`/public/${SLUG}/meetings/${id}`);
	await expect(page.locator('main')).toContainText(
		'Joint meeting of Health and Wellbeing Theme Group and Northfield Locality Forum'
	);
	await visit(`/public/${SLUG}/decisions`);
	await expect(
		page.locator('.decision', { hasText: 'The bodies agree: Winter warmth hubs.' })
	).toContainText(
		'Joint meeting, taken by Health and Wellbeing Theme Group and Northfield Locality Forum'
	);
});

test('an officer adds a body to hold a meeting whose agenda is out, then removes it, confirming each', async ({
	page,
	server,
	visit
}) => {
	const [health, northfield] = await Promise.all(
		['Health and Wellbeing Theme Group', 'Northfield Locality Forum'].map((name) =>
			server.db.body.findFirstOrThrow({ where: { name } })
		)
	);
	await signIn(page, 'officer@demo.example');
	const scheduled = await page.request.post(`/api/v1/bodies/${health.id}/meetings`, {
		data: { title: 'Theme group on active travel', startsAt: '2027-05-06T18:00' }
	});
	expect(scheduled.status()).toBe(201);
	const { id } = (await scheduled.json()) as { id: string };
	const issued = await page.request.post(`/api/v1/meetings/${id}/issue`, {
		data: { issueEmpty: true }
	});
	expect(issued.status()).toBe(200);

	await visit(`/p/${SLUG}/meetings/${id}`);
	const panel = page.locator('.panel', {
		has: page.getByRole('heading', { name: 'Bodies holding the meeting' })
	});
	await expect(panel).toContainText('No other body holds it jointly.');
	await panel.getByLabel('Add a body to hold it jointly').selectOption(northfield.id);
	const add = panel.getByRole('button', { name: 'Add the body and send it the agenda' });
	// Without the tick nothing is added, and the choice is kept.
	await add.click();
	await expect(panel.getByText(/Tick the box to confirm/).first()).toBeVisible();
	await expect(panel.getByLabel('Add a body to hold it jointly')).toHaveValue(northfield.id);
	expect(await server.db.meetingBody.count({ where: { meetingId: id } })).toBe(0);
	await panel
		.getByLabel(/I confirm that its members not already invited are sent the agenda/)
		.check();
	await add.click();
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'The bodies holding the meeting have been changed.' })
	).toBeVisible();
	await expect(panel.getByRole('button', { name: `Remove ${northfield.name}` })).toBeVisible();
	await expectAccessible(page);
	await expectReflows(page);

	// Removing it once the agenda is out tells its members: that too asks for the tick.
	const remove = panel.getByRole('button', { name: `Remove ${northfield.name}` });
	await remove.click();
	await expect(panel.getByText(/told they are no longer invited/).first()).toBeVisible();
	expect(await server.db.meetingBody.count({ where: { meetingId: id } })).toBe(1);
	await panel.getByLabel('I confirm that its members are told they are no longer invited').check();
	await remove.click();
	await expect(panel).toContainText('No other body holds it jointly.');
	expect(await server.db.meetingBody.count({ where: { meetingId: id } })).toBe(0);
});
