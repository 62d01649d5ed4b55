// Issue 14, point 8: minutes people can use. The draft minutes of a closed meeting open as rich text
// (headings shown as headings, not "## "), a toolbar makes headings, lists, bold and italic, a second person
// sees the same structure as it is made, and the print page shows it too.
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, expectAccessible, expectReflows, ready, signIn, test } from './fixtures.ts';

/** The demo board's closed meeting: the last of its history, minutes drafted and not yet approved. */
async function closedMeeting(page: Page): Promise<string> {
	const get = async (path: string) => (await page.request.get(path)).json();
	const bodies: { id: string; name: string }[] = await get(
		'/api/v1/partnerships/strathmuir/bodies'
	);
	const board = bodies.find((b) => b.name === 'Strathmuir Partnership Board')!.id;
	const meetings: { id: string; status: string }[] = await get(`/api/v1/bodies/${board}/meetings`);
	const closed = meetings.find((m) => m.status === 'CLOSED');
	expect(closed, 'the demo has a closed board meeting').toBeDefined();
	return `/p/strathmuir/meetings/${closed!.id}`;
}

async function openMinutes(browser: Browser, baseURL: string, email: string) {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signIn(page, email);
	const meeting = await closedMeeting(page);
	await page.goto(`${meeting}?doc=minutes`);
	await ready(page);
	await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
		'all changes synced'
	);
	const editor = page.getByRole('textbox', { name: 'Draft minutes' });
	return { page, editor, meeting, close: () => context.close() };
}

test('the draft minutes show their structure, take headings, lists and emphasis, and others see them live', async ({
	browser,
	baseURL
}) => {
	const officer = await openMinutes(browser, baseURL!, 'officer@demo.example');
	const { page, editor } = officer;
	await expect(editor).toHaveAttribute('aria-multiline', 'true');
	await expect(page.getByText('Approved at the next meeting')).toBeVisible();
	await expect(editor.getByRole('heading', { name: /^Minutes: / })).toBeVisible();
	await expect(editor.getByRole('heading', { name: 'Attendance' })).toBeVisible();
	await expect(editor.getByRole('listitem').first()).toBeVisible();
	await expect(editor).not.toContainText('## ');
	await expectAccessible(page);

	const nhs = await openMinutes(browser, baseURL!, 'nhs@demo.example');
	const seen = nhs.editor;
	await expect(seen.getByRole('heading', { name: /^Minutes: / })).toBeVisible();

	// Before the first paragraph: a heading, a sentence with a bold word and an italic one, and a point.
	const heading = page.getByRole('button', { name: 'Heading', exact: true });
	const bold = page.getByRole('button', { name: 'Bold' });
	/** Uses a toolbar button; the editor has the keyboard back before the next key. */
	const use = async (button: Locator) => {
		await button.click();
		await expect(editor).toBeFocused();
	};
	await editor
		.locator('p')
		.first()
		.click({ position: { x: 1, y: 1 } });
	await page.keyboard.type('Matters for the next meeting');
	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowUp');
	await expect(heading).toHaveAttribute('aria-pressed', 'false');
	await use(heading);
	await expect(heading).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await expect(heading).toHaveAttribute('aria-pressed', 'false');
	await page.keyboard.type('Agreed ');
	await use(bold);
	await expect(bold).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.type('unanimously');
	await use(bold);
	await page.keyboard.type(', ');
	// The keyboard shortcut works as the button does.
	await page.keyboard.press('ControlOrMeta+i');
	await expect(page.getByRole('button', { name: 'Italic' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await page.keyboard.type('subject to funding');
	await page.keyboard.press('ControlOrMeta+i');
	await page.keyboard.type('.');
	await page.keyboard.press('Enter');
	await use(page.getByRole('button', { name: 'Bullet list' }));
	await page.keyboard.type('Report back in June');

	await expect(editor.getByRole('heading', { name: 'Matters for the next meeting' })).toBeVisible();
	await expect(
		seen.getByRole('heading', { name: 'Matters for the next meeting', level: 4 })
	).toBeVisible();
	await expect(seen.locator('strong', { hasText: 'unanimously' })).toBeVisible();
	await expect(seen.locator('em', { hasText: 'subject to funding' })).toBeVisible();
	await expect(seen.getByRole('listitem').filter({ hasText: 'Report back in June' })).toBeVisible();
	await expect(seen).not.toContainText('**');

	// Undo takes back this person's last change.
	await page.waitForTimeout(600); // the undo manager groups changes made within half a second
	await page.keyboard.type(' soon');
	await expect(seen).toContainText('Report back in June soon');
	await page.keyboard.press('ControlOrMeta+z');
	await expect(seen).not.toContainText('Report back in June soon');
	await expect(seen).toContainText('Report back in June');

	await expectAccessible(page);
	await expectReflows(page);

	// The text approved, printed and published is the markdown-like text of the same structure.
	const id = officer.meeting.split('/').pop();
	const draft: string = (await (await page.request.get(`/api/v1/meetings/${id}/minutes`)).json())
		.draft;
	expect(draft).toContain(
		'## Matters for the next meeting\n\nAgreed **unanimously**, *subject to funding*.\n\n- Report back in June\n'
	);
	await page.goto(`${officer.meeting}/minutes`);
	const printed = page.locator('.print-item.draft');
	await expect(
		printed.getByRole('heading', { name: 'Matters for the next meeting', level: 4 })
	).toBeVisible();
	await expect(printed.locator('strong', { hasText: 'unanimously' })).toBeVisible();
	await expect(printed).not.toContainText('**');
	await expectAccessible(page);

	await officer.close();
	await nhs.close();
});

test('a reviewer reads the draft minutes without a toolbar and cannot change them', async ({
	browser,
	baseURL
}) => {
	const reviewer = await openMinutes(browser, baseURL!, 'reviewer@demo.example');
	await expect(reviewer.editor.getByRole('heading', { name: 'Attendance' })).toBeVisible();
	await expect(reviewer.editor).toHaveAttribute('aria-readonly', 'true');
	await expect(reviewer.editor).toHaveAttribute('contenteditable', 'false');
	await expect(reviewer.page.getByRole('button', { name: 'Bold' })).toHaveCount(0);
	await expectAccessible(reviewer.page);
	await reviewer.close();
});
