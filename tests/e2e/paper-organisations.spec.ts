// An officer changes which organisations may see a restricted paper from the meeting page: the partners
// named on each paper are shown beside it, a partner taken off loses the paper, and taking the officer's
// own organisation off asks to confirm first, with JavaScript and without. The meeting and its paper are
// made by the test, so the demo board's own papers stay as other tests expect them.
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

const PAPER = 'Youth justice referrals by ward';

/** Schedules a board meeting of its own through the API, as the signed-in officer; returns its page. */
async function scheduleMeeting(page: Page, title: string): Promise<string> {
	const bodies = await (await page.request.get('/api/v1/partnerships/strathmuir/bodies')).json();
	const board = bodies.find((b: { name: string }) => b.name === 'Strathmuir Partnership Board');
	const scheduled = await page.request.post(`/api/v1/bodies/${board.id}/meetings`, {
		data: { title, startsAt: '2026-11-12T10:00' }
	});
	expect(scheduled.status()).toBe(201);
	return `/p/strathmuir/meetings/${(await scheduled.json()).id}`;
}

async function openAs(browser: Browser, baseURL: string, email: string, path: string) {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto(path);
	await ready(page);
	return { page, context };
}

const row = (page: Page) => page.getByRole('row', { name: new RegExp(PAPER) });
const whoMaySee = (page: Page) =>
	page.locator('form', { has: page.getByRole('group', { name: `Who may see “${PAPER}”` }) });

test('an officer changes who may see a restricted paper, and the partners see the change', async ({
	page,
	browser,
	baseURL,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	const meeting = await scheduleMeeting(page, 'Board: youth justice papers');
	await visit(meeting);

	const add = page.locator('form', {
		has: page.getByRole('button', { name: 'Add the paper' })
	});
	await add.getByLabel('Title').fill(PAPER);
	await add.getByLabel('Kind of evidence').selectOption({ label: 'Statistics' });
	await add.getByRole('radio', { name: 'Named partners only' }).check();
	await add.getByLabel('NHS Strathmuir').check();
	await add.getByRole('button', { name: 'Add the paper' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The restricted paper has been added.' })
	).toBeVisible();
	// The adder's organisation is named with the one chosen, and everyone who sees the paper reads both.
	await expect(row(page)).toContainText(/Seen only by: .*NHS Strathmuir/);
	await expect(row(page)).toContainText(/Seen only by: .*Strathmuir Council/);
	await expectAccessible(page);

	// By keyboard: the link beside the paper leads to its form; NHS off, the police on.
	await row(page)
		.getByRole('link', { name: /Change who may see it/ })
		.press('Enter');
	const form = whoMaySee(page);
	await expect(form.getByLabel('NHS Strathmuir')).toBeChecked();
	await expect(form.getByLabel('Strathmuir Council (your organisation)')).toBeChecked();
	await expect(form.getByLabel('Police Service, Strathmuir Division')).not.toBeChecked();
	await expect(form).toContainText('loses the paper at once, including a copy they have open');
	await form.getByLabel('NHS Strathmuir').focus();
	await page.keyboard.press('Space');
	await form.getByLabel('Police Service, Strathmuir Division').focus();
	await page.keyboard.press('Space');
	await form.getByRole('button', { name: /Save who may see it/ }).focus();
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Who may see the paper has been changed.' })
	).toBeVisible();
	await expect(row(page)).toContainText(/Seen only by: .*Police Service, Strathmuir Division/);
	await expect(row(page)).not.toContainText('NHS Strathmuir');
	await expect(form.getByLabel('NHS Strathmuir')).not.toBeChecked();
	await expectAccessible(page);

	const police = await openAs(browser, baseURL!, 'police@demo.example', meeting);
	await expect(row(police.page)).toContainText(
		/Seen only by: .*Police Service, Strathmuir Division/
	);
	// A member who is not an officer reads who may see it but cannot change it.
	await expect(row(police.page).getByRole('link', { name: /Change who may see it/ })).toHaveCount(
		0
	);
	await expect(whoMaySee(police.page)).toHaveCount(0);
	const nhs = await openAs(browser, baseURL!, 'nhs@demo.example', meeting);
	await expect(nhs.page.getByRole('heading', { level: 1 })).toHaveText(
		'Board: youth justice papers'
	);
	await expect(nhs.page.getByText(PAPER)).toHaveCount(0);

	// Taking the officer's own organisation off asks first, and keeps the boxes as they were ticked.
	await form.getByLabel('Strathmuir Council (your organisation)').uncheck();
	const confirm = form.getByLabel(/I understand that Strathmuir Council is taken off/);
	await expect(confirm).toBeVisible();
	await form.getByRole('button', { name: /Save who may see it/ }).click();
	await expect(form.locator('[id$="-confirm-error"]')).toContainText(
		'Tick the box to confirm that you lose the paper too'
	);
	await expect(form.getByLabel('Strathmuir Council (your organisation)')).not.toBeChecked();
	await expect(form.getByLabel('Police Service, Strathmuir Division')).toBeChecked();
	await expect(row(page)).toContainText(/Seen only by: .*Strathmuir Council/);
	await expectAccessible(page);

	await confirm.check();
	await form.getByRole('button', { name: /Save who may see it/ }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Your organisation is no longer named on it' })
	).toBeVisible();
	await expect(page.getByText(PAPER)).toHaveCount(0);
	await expectAccessible(page);

	await police.page.reload();
	await expect(row(police.page)).toContainText('Police Service, Strathmuir Division');
	await expect(row(police.page)).not.toContainText('Strathmuir Council');
	await police.context.close();
	await nhs.context.close();
});

test('without JavaScript the form still asks to confirm, then changes who may see the paper', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, 'admin@demo.example');
	const meeting = await scheduleMeeting(page, 'Board: papers without scripts');
	const organisations: { id: string; name: string }[] = await (
		await page.request.get('/api/v1/partnerships/strathmuir/organisations')
	).json();
	const college = organisations.find((o) => o.name === 'Strathmuir College')!;
	const added = await page.request.post(`/api/v1/meetings/${meeting.split('/').pop()}/evidence`, {
		data: { title: PAPER, kind: 'STATISTICS', allowedOrganisationIds: [college.id] }
	});
	expect(added.status()).toBe(201);

	const context = await browser.newContext({
		baseURL,
		javaScriptEnabled: false,
		storageState: await page.context().storageState()
	});
	// axe runs in the page, so it cannot here; the first test checks the same forms with scripts on.
	const plain = await context.newPage();
	await plain.goto(meeting);
	const form = whoMaySee(plain);
	await form.getByLabel('Strathmuir Council (your organisation)').uncheck();
	// The page cannot know yet: the server asks.
	await expect(form.getByLabel(/I understand that/)).toHaveCount(0);
	await form.getByRole('button', { name: /Save who may see it/ }).click();
	await expect(plain.getByRole('alert')).toContainText(
		'Tick the box to confirm that you lose the paper too'
	);
	await expect(form.getByLabel('Strathmuir Council (your organisation)')).not.toBeChecked();
	await expect(form.getByLabel('Strathmuir College')).toBeChecked();

	// Changing their mind: their organisation stays, and another partner is added.
	await form.getByLabel('Strathmuir Council (your organisation)').check();
	await form.getByLabel('Strathmuir Enterprise').check();
	await form.getByRole('button', { name: /Save who may see it/ }).click();
	await expect(plain.getByRole('status')).toContainText('Who may see the paper has been changed.');
	await expect(row(plain)).toContainText(/Seen only by: .*Strathmuir Enterprise/);
	await expect(row(plain)).toContainText(/Seen only by: .*Strathmuir College/);
	await expect(row(plain)).toContainText(/Seen only by: .*Strathmuir Council/);

	// No organisation at all is refused by the same rule as the API, and the form says so beside it.
	for (const name of [
		'Strathmuir Council (your organisation)',
		'Strathmuir Enterprise',
		'Strathmuir College'
	])
		await form.getByLabel(name).uncheck();
	await form.getByRole('button', { name: /Save who may see it/ }).click();
	await expect(form.locator('[id$="-orgs-error"]')).toContainText(
		'Choose at least one organisation that may see this paper'
	);
	await expect(row(plain)).toContainText(/Seen only by: .*Strathmuir Enterprise/);
	await context.close();
});

test('without JavaScript one form adds a paper with its file, for the public or for named partners', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, 'officer@demo.example');
	const meeting = await scheduleMeeting(page, 'Board: papers added without scripts');
	const context = await browser.newContext({
		baseURL,
		javaScriptEnabled: false,
		storageState: await page.context().storageState()
	});
	const plain = await context.newPage();
	await plain.goto(meeting);
	const form = () =>
		plain.locator('form', { has: plain.getByRole('button', { name: 'Add the paper' }) });
	// Without scripts the organisations are always there, and say what they are for.
	await expect(form().getByRole('group', { name: 'Which partners may see it' })).toContainText(
		'Only for a paper for named partners.'
	);
	await form().getByLabel('Title').fill('Community safety survey');
	await form().getByLabel('Kind of evidence').selectOption({ label: 'Consultation findings' });
	await form().getByRole('radio', { name: 'The public too' }).check();
	await form()
		.getByLabel('File (optional)')
		.setInputFiles({
			name: 'safety.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('ward,responses\nNorth,120\n')
		});
	await form().getByRole('button', { name: 'Add the paper' }).click();
	await expect(plain.getByRole('status')).toContainText(
		'The paper has been added to the pack with its file.'
	);
	const added = plain.getByRole('row', { name: /Community safety survey/ });
	await expect(added.getByRole('link', { name: 'safety.csv' })).toBeVisible();
	await expect(added).not.toContainText('Restricted');

	await form().getByLabel('Title').fill(PAPER);
	await form().getByLabel('Kind of evidence').selectOption({ label: 'Statistics' });
	await form().getByRole('radio', { name: 'Named partners only' }).check();
	await form().getByLabel('NHS Strathmuir').check();
	await form().getByRole('button', { name: 'Add the paper' }).click();
	await expect(plain.getByRole('status')).toContainText('The restricted paper has been added.');
	await expect(row(plain)).toContainText(/Seen only by: .*NHS Strathmuir/);
	await context.close();
});
