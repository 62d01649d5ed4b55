// The chair's console on a laptop (1366×768) holds everything the chair does during an item without
// scrolling: the item and its timer, the next item, the quorum, the speaker queue with "Call next", and on
// a decision item the decision's wording (edited here, shared live with the decision log) and the form to
// record it; once recorded it says so, verified, and amending is a separate step. The members' view puts
// the member's own part first; on a phone, one column in that order. SCREENSHOTS=1 also writes the
// README's screenshots to docs/screenshots/.
import type { Locator, Page } from '@playwright/test';
import { demoMeeting } from './demo-meeting.ts';
import { expect, expectAccessible, ready, screenshotForDocs, signIn, test } from './fixtures.ts';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const ITEM = 'Winter plan for community safety';
const WORDING = 'The board adopts the winter plan for community safety.';

/** In the viewport with the page not scrolled: seen without scrolling. */
async function inView(page: Page, ...locators: Locator[]) {
	for (const locator of locators) await expect(locator).toBeInViewport();
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

test('the chair runs an item from the console on a laptop screen without scrolling', async ({
	browser,
	baseURL
}) => {
	const chairContext = await browser.newContext({ baseURL, viewport: LAPTOP });
	const chair = await chairContext.newPage();
	await signIn(chair, 'chair@demo.example');
	const officerContext = await browser.newContext({ baseURL });
	const officer = await officerContext.newPage();
	await signIn(officer, 'officer@demo.example');
	const id = await demoMeeting(officer);

	// The officer records everyone on the roll as here, so the meeting is quorate.
	const roll: { membershipId: string }[] = (
		await (await officer.request.get(`/api/v1/meetings/${id}/attendance`)).json()
	).roll;
	for (const entry of roll)
		expect(
			(
				await officer.request.post(`/api/v1/meetings/${id}/attendance`, {
					data: { membershipId: entry.membershipId, status: 'PRESENT' }
				})
			).status()
		).toBe(200);

	await chair.goto(`/p/strathmuir/meetings/${id}/live?view=chair`);
	await ready(chair);
	await chair.getByRole('button', { name: 'Start the meeting' }).click();
	await expect(chair.getByRole('region', { name: 'Current item' })).toContainText(
		'Welcome, apologies'
	);
	// An information item: no decision form.
	await expect(chair.locator('form[action="?/decide"]')).toBeHidden();
	await expect(chair.getByText('there is no decision to record')).toBeVisible();

	await chair.getByRole('button', { name: `Make current: ${ITEM}` }).click();
	const current = chair.getByRole('region', { name: 'Current item' });
	await expect(current).toContainText(ITEM);
	// Someone asks to speak; the chair calls them.
	const police = roll.find(Boolean)!;
	expect(
		(
			await officer.request.post(`/api/v1/meetings/${id}/contributions`, {
				data: { membershipId: police.membershipId }
			})
		).status()
	).toBe(201);
	const speakers = chair.getByRole('region', { name: 'Speakers' });
	const decide = chair.locator('form[action="?/decide"]');
	const wording = chair.getByLabel('Wording of the decision');
	await inView(
		chair,
		current.getByRole('timer'),
		chair.getByRole('button', { name: /^Next item/ }),
		chair.getByRole('region', { name: 'Quorum', exact: true }).locator('.quorum'),
		speakers.getByRole('button', { name: /^Call next/ }),
		wording,
		decide.getByLabel('Outcome'),
		decide.getByRole('button', { name: 'Record the decision' })
	);
	await expectAccessible(chair);

	await speakers.getByRole('button', { name: /^Call next/ }).click();
	await inView(chair, speakers.getByRole('button', { name: /^End/ }));
	await speakers.getByRole('button', { name: /^End/ }).click();

	// The wording typed in the console reaches the decision log, live.
	const log = await officerContext.newPage();
	await log.goto(`/p/strathmuir/meetings/${id}?doc=decisions`);
	await ready(log);
	await expect(wording).toHaveAttribute('data-synced', 'yes');
	await wording.fill(WORDING);
	await expect(log.getByRole('region', { name: ITEM }).getByLabel('Proposed decision')).toHaveValue(
		WORDING
	);
	await screenshotForDocs(chair, 'console');
	await decide.getByLabel('Outcome').selectOption({ label: 'Agreed' });
	await decide.getByLabel('Consensus').check();
	await decide.getByRole('button', { name: 'Record the decision' }).click();
	const recorded = chair.getByTestId('recorded');
	await expect(recorded).toContainText('Recorded: version 1, verified');
	await expect(recorded).toContainText(WORDING);
	await inView(chair, recorded, chair.getByRole('button', { name: /^Next item/ }));
	// Amending is its own step: folded until the chair opens it.
	await expect(chair.locator('form[action="?/amend"]')).toBeHidden();
	await expect(chair.getByText('Amend (record a new version)')).toBeVisible();
	await expectAccessible(chair);
	await chairContext.close();
	await officerContext.close();
});

test("the members' view puts the member's own part first, one column on a phone", async ({
	browser,
	baseURL
}) => {
	const chairContext = await browser.newContext({ baseURL });
	const chair = await chairContext.newPage();
	await signIn(chair, 'chair@demo.example');
	// The laptop test may have started it already.
	const id = await demoMeeting(chair, true);
	await chair.request.post(`/api/v1/meetings/${id}/start`);

	const nhsContext = await browser.newContext({ baseURL, viewport: PHONE });
	const nhs = await nhsContext.newPage();
	await signIn(nhs, 'nhs@demo.example');
	// Not yet here, whatever the laptop test recorded.
	expect(
		(
			await nhs.request.post(`/api/v1/meetings/${id}/attendance`, { data: { status: 'APOLOGIES' } })
		).status()
	).toBe(200);
	await nhs.goto(`/p/strathmuir/meetings/${id}/live?view=members`);
	await ready(nhs);
	const headings = await nhs.getByRole('heading', { level: 2 }).allTextContents();
	expect(headings.slice(0, 3)).toEqual(['Your attendance', 'Ask to speak', 'Current item']);
	await inView(nhs, nhs.getByRole('button', { name: 'I am here' }));
	await nhs.getByRole('button', { name: 'I am here' }).click();
	const ask = nhs.getByRole('region', { name: 'Ask to speak' });
	// One column, in that order: their attendance, asking to speak, then the item.
	const top = async (locator: Locator) => (await locator.boundingBox())!.y;
	const button = ask.getByRole('button', { name: 'Ask to speak' });
	const item = nhs.getByRole('region', { name: 'Current item' });
	expect(await top(nhs.getByRole('region', { name: 'Your attendance' }))).toBeLessThan(
		await top(button)
	);
	expect(await top(button)).toBeLessThan(await top(item));
	await button.click();
	await expect(ask).toContainText('You are waiting to speak');
	await screenshotForDocs(nhs, 'members-phone');
	await expectAccessible(nhs);
	await nhsContext.close();
	await chairContext.close();
});
