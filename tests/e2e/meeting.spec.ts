import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

/** Opens the demo board meeting's workspace as a demo account, in a browser context of its own. */
async function openMeeting(browser: Browser, baseURL: string, email: string, doc = 'agenda') {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Strathmuir Partnership Board' }).click();
	const meeting = page.getByRole('link', { name: /^Partnership Board, / });
	await page.goto(`${await meeting.getAttribute('href')}?doc=${doc}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partnership Board');
	await ready(page);
	await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
		'all changes synced'
	);
	return { page, close: () => context.close() };
}

const titles = (page: Page) => page.locator('[id^="shared-agenda-"][id$="-title"]');

test('two board members edit the agenda together and see each other', async ({
	browser,
	baseURL
}) => {
	const chair = await openMeeting(browser, baseURL!, 'chair@demo.example');
	const nhs = await openMeeting(browser, baseURL!, 'nhs@demo.example');
	await expectAccessible(chair.page);

	await expect(chair.page.getByText('Also here:')).toBeVisible();
	await expect(chair.page.locator('.presence li', { hasText: 'Dr Anwar Qadir' })).toBeVisible();
	await expect(nhs.page.locator('.presence li', { hasText: 'Cllr Morven Drysdale' })).toBeVisible();

	await chair.page.getByRole('button', { name: 'Add an item' }).click();
	const newTitle = titles(chair.page).last();
	await expect(newTitle).toBeFocused();
	await newTitle.pressSequentially('Community wealth building');
	await expect(titles(nhs.page).last()).toHaveValue('Community wealth building');

	// Typing on both sides of the same field merges.
	await titles(nhs.page).last().focus();
	await expect(chair.page.getByText('Dr Anwar Qadir is typing here')).toBeVisible();
	await titles(nhs.page).last().press('End');
	await titles(nhs.page).last().pressSequentially(' strategy');
	await expect(titles(chair.page).last()).toHaveValue('Community wealth building strategy');

	// The running total counts the new item's minutes.
	const total = chair.page.getByText(/of 120 minutes/);
	await expect(total).toContainText('105 of 120 minutes');
	await nhs.page.getByLabel('Minutes').last().fill('30');
	await nhs.page.getByLabel('Minutes').last().press('Tab');
	await expect(total).toContainText('135 of 120 minutes');
	await expect(chair.page.getByText('15 minutes over the meeting’s length')).toBeVisible();

	// Choices are shared too: the new item becomes one for decision.
	await nhs.page.getByLabel('Purpose').last().selectOption({ label: 'Decision' });
	await expect(chair.page.getByLabel('Purpose').last()).toHaveValue('DECISION');
	await expectAccessible(chair.page);

	// The document's history names both editors.
	await chair.page.reload();
	await ready(chair.page);
	await chair.page.getByText(/History of this document/).click();
	const history = chair.page.getByRole('table', { name: 'Editing sessions, newest first' });
	await expect(history.getByRole('row', { name: /Cllr Morven Drysdale/ })).toBeVisible();
	await expect(history.getByRole('row', { name: /Dr Anwar Qadir/ })).toBeVisible();
	await expectAccessible(chair.page);

	await chair.close();
	await nhs.close();
});

test('an item is reordered by keyboard, and the move is announced and shared', async ({
	browser,
	baseURL
}) => {
	const officer = await openMeeting(browser, baseURL!, 'officer@demo.example');
	const police = await openMeeting(browser, baseURL!, 'police@demo.example');
	const first = await titles(officer.page).first().inputValue();
	const second = await titles(officer.page).nth(1).inputValue();

	const down = officer.page.getByRole('button', { name: 'Move down item 1' });
	await down.focus();
	await officer.page.keyboard.press('Enter');
	await expect(titles(officer.page).first()).toHaveValue(second);
	await expect(titles(officer.page).nth(1)).toHaveValue(first);
	await expect(officer.page.getByText(`${first} moved to position 2 of`)).toBeAttached();
	// Focus stays with the moved item's control, so pressing again keeps moving it.
	await expect(officer.page.getByRole('button', { name: 'Move down item 2' })).toBeFocused();
	await expect(titles(police.page).first()).toHaveValue(second);
	await expect(titles(police.page).nth(1)).toHaveValue(first);

	await officer.close();
	await police.close();
});

test('an item is dragged to a new place', async ({ browser, baseURL }) => {
	const officer = await openMeeting(browser, baseURL!, 'officer@demo.example');
	const page = officer.page;
	// Both the item and where it goes must be on screen for the browser to carry the drag.
	await page.setViewportSize({ width: 1280, height: 2400 });
	await page.locator('ol.items').scrollIntoViewIfNeeded();
	const first = await titles(page).first().inputValue();
	const third = await titles(page).nth(2).inputValue();
	const items = page.locator('ol.items > li');
	await items
		.first()
		.locator('[aria-label="Drag to reorder"]')
		.dragTo(items.nth(2), { targetPosition: { x: 10, y: 10 } });
	await expect(titles(page).nth(2)).toHaveValue(first);
	await expect(titles(page).nth(1)).toHaveValue(third);
	await officer.close();
});

test('a reviewer reads the agenda but cannot change it', async ({ browser, baseURL }) => {
	const reviewer = await openMeeting(browser, baseURL!, 'reviewer@demo.example');
	await expect(reviewer.page.getByText('Read only')).toBeVisible();
	await expect(titles(reviewer.page).first()).toHaveAttribute('readonly', '');
	await expect(reviewer.page.getByRole('button', { name: 'Add an item' })).toHaveCount(0);
	await expectAccessible(reviewer.page);
	await reviewer.close();
});

test('the evidence pack, decision log and minutes open live too', async ({ browser, baseURL }) => {
	for (const [doc, heading] of [
		['evidence', 'Evidence pack'],
		['decisions', 'Decision log'],
		['minutes', 'Draft minutes']
	]) {
		const officer = await openMeeting(browser, baseURL!, 'officer@demo.example', doc);
		await expect(officer.page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
		await expectAccessible(officer.page);
		await officer.close();
	}
});

test('a restricted paper reaches only the partners named on it', async ({ browser, baseURL }) => {
	const officer = await openMeeting(browser, baseURL!, 'officer@demo.example', 'evidence');
	const page = officer.page;
	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Add the paper' })
	});
	await form.getByRole('radio', { name: 'Named partners only' }).check();
	await form.getByLabel('NHS Strathmuir').check();
	await form.getByRole('button', { name: 'Add the paper' }).click();
	await expect(page.locator('#paper-title-error')).toContainText('Enter the paper’s title');
	await expect(form.getByLabel('NHS Strathmuir')).toBeChecked();
	await expect(form.getByRole('radio', { name: 'Named partners only' })).toBeChecked();
	await expectAccessible(page);

	await form.getByLabel('Title').fill('Safeguarding case review');
	await form.getByLabel('Kind of evidence').selectOption({ label: 'Lived experience' });
	await form.getByRole('button', { name: 'Add the paper' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The restricted paper has been added.' })
	).toBeVisible();
	const restrictedTitle = (p: Page) => p.locator('[id^="shared-restricted-"][id$="-title"]');
	await expect(restrictedTitle(page)).toHaveValue('Safeguarding case review');
	await expectAccessible(page);

	const nhs = await openMeeting(browser, baseURL!, 'nhs@demo.example', 'evidence');
	await expect(restrictedTitle(nhs.page)).toHaveValue('Safeguarding case review');
	const police = await openMeeting(browser, baseURL!, 'police@demo.example', 'evidence');
	await expect(restrictedTitle(police.page)).toHaveCount(0);
	await expect(police.page.getByText('Safeguarding case review')).toHaveCount(0);

	await officer.close();
	await nhs.close();
	await police.close();
});

test('edits made offline are kept in the browser across a reload and merge on reconnection', async ({
	browser,
	baseURL
}) => {
	const chair = await openMeeting(browser, baseURL!, 'chair@demo.example');
	const page = chair.page;
	// The sync server becomes unreachable: every new connection is closed at once, until back online.
	let online = false;
	await page.routeWebSocket(/\/sync\//, (socket) => {
		if (online) socket.connectToServer();
		else socket.close();
	});
	await page.reload();
	await ready(page);
	// The agenda comes from this device's copy.
	await expect(titles(page).first()).toHaveValue(/\S/);
	await expect(page.getByText(/changes are saved on this device/)).toBeVisible();
	const notes = page.locator('[id^="shared-agenda-"][id$="-notes"]').last();
	await notes.fill('Written on the train');
	await page.reload();
	await ready(page);
	await expect(page.locator('[id^="shared-agenda-"][id$="-notes"]').last()).toHaveValue(
		'Written on the train'
	);

	// Back online: the client reconnects by itself and the edit reaches the server and everyone else.
	online = true;
	await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
		'all changes synced',
		{ timeout: 15_000 }
	);
	const officer = await openMeeting(browser, baseURL!, 'officer@demo.example');
	await expect(officer.page.locator('[id^="shared-agenda-"][id$="-notes"]').last()).toHaveValue(
		'Written on the train'
	);
	await chair.close();
	await officer.close();
});

test('a removed item can be put back by the person who removed it, and comes back for everyone', async ({
	browser,
	baseURL
}) => {
	const officer = await openMeeting(browser, baseURL!, 'officer@demo.example');
	const nhs = await openMeeting(browser, baseURL!, 'nhs@demo.example');
	const count = await titles(officer.page).count();
	const first = await titles(officer.page).first().inputValue();

	await officer.page.getByRole('button', { name: 'Remove item 1' }).click();
	await expect(titles(nhs.page)).toHaveCount(count - 1);
	await expect(titles(nhs.page).first()).not.toHaveValue(first);
	// The way back is offered at once, and keyboard focus is on it.
	const undo = officer.page.getByRole('button', { name: 'Undo the removal' });
	await expect(
		officer.page.getByText(`“${first}” has been removed from the agenda for everyone.`)
	).toBeVisible();
	await expect(undo).toBeFocused();
	await expectAccessible(officer.page);
	// Only the person who removed it is offered the undo.
	await expect(nhs.page.getByRole('button', { name: 'Undo the removal' })).toHaveCount(0);

	await officer.page.keyboard.press('Enter');
	await expect(titles(officer.page)).toHaveCount(count);
	await expect(titles(officer.page).first()).toHaveValue(first);
	await expect(titles(nhs.page)).toHaveCount(count);
	await expect(titles(nhs.page).first()).toHaveValue(first);
	await expect(undo).toHaveCount(0);
	await expect(officer.page.getByText(`${first} is back on the agenda`)).toBeAttached();

	await officer.close();
	await nhs.close();
});

test('the undo of a removal is offered for a minute, then withdrawn', async ({
	browser,
	baseURL
}) => {
	const officer = await openMeeting(browser, baseURL!, 'officer@demo.example');
	// The page's clock runs as usual until the test moves it on.
	await officer.page.clock.install();
	const count = await titles(officer.page).count();
	await officer.page.getByRole('button', { name: `Remove item ${count}` }).click();
	const undo = officer.page.getByRole('button', { name: 'Undo the removal' });
	await expect(undo).toBeVisible();
	await officer.page.clock.fastForward('00:30');
	await expect(undo).toBeVisible();
	await officer.page.clock.fastForward('00:31');
	await expect(undo).toHaveCount(0);
	await expect(titles(officer.page)).toHaveCount(count - 1);
	await officer.close();
});
