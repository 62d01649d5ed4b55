// The meeting floor on the live page, with three people at once in their own browsers: the officer
// records attendance, the NHS member asks to speak and declares an interest, the chair starts the
// meeting, calls and ends the turn; each sees the others' changes without reloading.
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

async function person(
	browser: Browser,
	baseURL: string,
	email: string,
	viewport?: { width: number; height: number }
) {
	const context = await browser.newContext({ baseURL, ...(viewport ? { viewport } : {}) });
	const page = await context.newPage();
	await signIn(page, email);
	return { page, close: () => context.close() };
}

/** A board meeting of its own, with two agenda items typed into the shared agenda, and issued. */
async function freshMeeting(officer: Page): Promise<string> {
	const bodies = await (await officer.request.get('/api/v1/partnerships/strathmuir/bodies')).json();
	const board = bodies.find((b: { kind: string }) => b.kind === 'BOARD');
	const scheduled = await officer.request.post(`/api/v1/bodies/${board.id}/meetings`, {
		data: { title: `Live floor ${Date.now()}`, startsAt: '2026-10-01T10:00' }
	});
	expect(scheduled.status()).toBe(201);
	const { id } = await scheduled.json();

	await officer.goto(`/p/strathmuir/meetings/${id}?doc=agenda`);
	await ready(officer);
	await expect(officer.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
		'all changes synced'
	);
	const titles = officer.locator('[id^="shared-agenda-"][id$="-title"]');
	for (const title of ['Community safety plan', 'Budget for 2027']) {
		await officer.getByRole('button', { name: 'Add an item' }).click();
		await expect(titles.last()).toBeFocused();
		await titles.last().pressSequentially(title);
	}
	// The agenda's rows are projected from the shared document once the server has stored it.
	await expect
		.poll(
			async () => {
				const meeting = await (await officer.request.get(`/api/v1/meetings/${id}`)).json();
				return meeting.items.map((i: { title: string }) => i.title);
			},
			{ timeout: 10_000 }
		)
		.toEqual(['Community safety plan', 'Budget for 2027']);
	const issued = await officer.request.post(`/api/v1/meetings/${id}/issue`, {
		data: { issueEmpty: true }
	});
	expect(issued.status()).toBe(200);
	return id;
}

test('chair, officer and NHS member run the meeting floor together, live', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const officer = await person(browser, baseURL!, 'officer@demo.example');
	const chair = await person(browser, baseURL!, 'chair@demo.example');
	const nhs = await person(browser, baseURL!, 'nhs@demo.example');
	const id = await freshMeeting(officer.page);
	const live = `/p/strathmuir/meetings/${id}/live`;
	const isLive = (page: Page) =>
		expect(page.locator('[data-live]')).toHaveAttribute('data-live', 'live');

	// Before the meeting: the NHS member sends apologies, then changes their mind on the day.
	await nhs.page.goto(`${live}?view=members`);
	await ready(nhs.page);
	await isLive(nhs.page);
	await expectAccessible(nhs.page);
	await nhs.page.getByRole('button', { name: 'Send apologies' }).click();
	await expect(nhs.page.getByText('You are recorded as: Apologies')).toBeVisible();

	// The chair starts the meeting; it opens at the first item.
	await chair.page.goto(live);
	await ready(chair.page);
	await isLive(chair.page);
	await expect(chair.page.getByText('The meeting has not started yet.')).toBeVisible();
	await expectAccessible(chair.page);
	await chair.page.getByRole('button', { name: 'Start the meeting' }).click();
	const current = chair.page.getByRole('region', { name: 'Current item' });
	await expect(current).toContainText('Community safety plan');
	await expect(current.getByRole('timer')).toBeVisible();
	await expect(nhs.page.getByRole('region', { name: 'Current item' })).toContainText(
		'Community safety plan'
	);

	// The officer marks people present; everyone sees the quorum change.
	await officer.page.goto(`${live}?view=recorder`);
	await ready(officer.page);
	await isLive(officer.page);
	const quorum = (page: Page) =>
		page.getByRole('region', { name: 'Attendance and quorum' }).locator('.quorum');
	await expect(quorum(officer.page)).toHaveText('Not quorate: 0 present, 6 needed');
	await expectAccessible(officer.page);
	const roll = officer.page.getByRole('table', { name: 'Roll of the meeting' });
	// No word in the roll breaks across lines ("Memb er", "14:4 3"): each word is one box on screen
	// (a hyphen may end a line: "Vice-" and "chair" are checked apart).
	const broken = await roll.evaluate((table) => {
		const found: string[] = [];
		const texts = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let node = texts.nextNode(); node; node = texts.nextNode()) {
			const text = node.textContent ?? '';
			for (const m of text.matchAll(/[^\s-]+/g)) {
				range.setStart(node, m.index!);
				range.setEnd(node, m.index! + m[0].length);
				const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
				if (lines.size > 1) found.push(m[0]);
			}
		}
		return found;
	});
	expect(broken).toEqual([]);
	const rows = roll.locator('tbody tr');
	const count = await rows.count();
	let marked = 0;
	for (let i = 0; i < count && marked < 6; i++) {
		const row = rows.nth(i);
		const seat = await row.locator('td').nth(1).innerText();
		if (seat === 'Adviser' || seat === '—') continue;
		const name = (await row.locator('th').innerText()).trim();
		await row.getByRole('button', { name: `Present: ${name}` }).click();
		await expect(row.locator('td').nth(2)).toHaveText('Present');
		marked += 1;
		if (marked === 2) {
			await expect(quorum(chair.page)).toHaveText('Not quorate: 2 present, 6 needed');
		}
	}
	await expect(quorum(officer.page)).toHaveText('Quorate: 6 present, 6 needed');
	await expect(quorum(chair.page)).toHaveText('Quorate: 6 present, 6 needed');
	await expect(nhs.page.getByText('You are recorded as: Present')).toBeVisible();

	// The NHS member asks to speak; the chair sees the request arrive without reloading.
	await nhs.page.getByLabel('Type of turn').selectOption({ label: 'Question' });
	await nhs.page.getByRole('button', { name: 'Ask to speak' }).click();
	await expect(nhs.page.getByRole('button', { name: 'Withdraw my request' })).toBeVisible();
	const queue = chair.page.getByRole('region', { name: 'Speakers' });
	const waiting = queue.getByRole('listitem').filter({ hasText: 'Dr Anwar Qadir' });
	await expect(waiting).toContainText('NHS');
	await expect(waiting).toContainText('Question');
	await expectAccessible(chair.page);
	await queue.getByRole('button', { name: 'Call Dr Anwar Qadir' }).click();

	// The NHS member sees that they have the floor, with a running timer.
	const speakers = nhs.page.getByRole('region', { name: 'Speakers' });
	await expect(speakers.locator('.speaking')).toContainText('You are speaking');
	await expect(speakers.getByRole('timer')).toBeVisible();
	await expect(queue.locator('.speaking')).toContainText('Dr Anwar Qadir');
	await queue.getByRole('button', { name: 'End turn: Dr Anwar Qadir' }).click();
	await expect(queue.locator('.speaking')).toContainText('Nobody is speaking');
	await expect(queue.getByRole('table').getByRole('row', { name: /Dr Anwar Qadir/ })).toContainText(
		'Question'
	);

	// A declaration with withdrawal reaches the chair's page, under the item too.
	const declare = nhs.page.locator('form', {
		has: nhs.page.getByRole('button', { name: 'Declare interest' })
	});
	await declare.getByLabel('Item').selectOption({ label: 'Budget for 2027' });
	await declare.getByLabel('Nature of the interest').fill('My partner chairs a funded charity');
	await declare.getByLabel('What you will do').selectOption({ label: 'Withdraw from the item' });
	await declare.getByRole('button', { name: 'Declare interest' }).click();
	await expect(nhs.page.getByText('Interest declared by Dr Anwar Qadir.')).toBeVisible();
	const declarations = chair.page.getByRole('region', { name: 'Declarations of interest' });
	await expect(declarations).toContainText('My partner chairs a funded charity');
	await expect(declarations).toContainText('Withdrew from the item');
	// The members' agenda shows it on the item (the chair's compact agenda leaves it to the panel).
	await expect(
		nhs.page.getByRole('region', { name: 'Agenda' }).getByRole('listitem').filter({
			hasText: 'Budget for 2027'
		})
	).toContainText('Dr Anwar Qadir');
	await expectAccessible(nhs.page);

	// The chair moves on; the withdrawn member cannot queue on that item.
	await chair.page.getByRole('button', { name: 'Next item: Budget for 2027' }).click();
	await expect(nhs.page.getByRole('region', { name: 'Current item' })).toContainText(
		'Budget for 2027'
	);
	await nhs.page.getByRole('button', { name: 'Ask to speak' }).click();
	await expect(nhs.page.getByRole('alert')).toContainText('withdrew from this item');
	await expectAccessible(nhs.page);
	await expectAccessible(officer.page);

	await officer.close();
	await chair.close();
	await nhs.close();
});

test('the console is usable at tablet width', async ({ browser, baseURL }) => {
	const officer = await person(browser, baseURL!, 'officer@demo.example', {
		width: 820,
		height: 1180
	});
	const id = await freshMeeting(officer.page);
	await officer.page.request.post(`/api/v1/meetings/${id}/start`);
	for (const view of ['chair', 'members', 'recorder']) {
		await officer.page.goto(`/p/strathmuir/meetings/${id}/live?view=${view}`);
		await ready(officer.page);
		await expectAccessible(officer.page);
		const fits = await officer.page.evaluate(
			() => document.documentElement.scrollWidth <= window.innerWidth
		);
		expect(fits, `no sideways scrolling in the ${view} view`).toBe(true);
	}
	await officer.close();
});
