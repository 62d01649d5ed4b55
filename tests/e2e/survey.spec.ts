// A member who was at the demo's special meeting answers its anonymous survey by keyboard alone, once.
// The demo leaves the community representative's survey unanswered for this test (seed/review.ts).
import { expect, ready, signIn, test } from './fixtures.ts';

const SPECIAL = 'Partnership Board: special meeting on winter pressures';

test('a member present answers the survey by keyboard, and is then only thanked', async ({
	page,
	visit
}) => {
	await signIn(page, 'community@demo.example');
	await page.goto('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Strathmuir Partnership Board' }).click();
	await page.getByRole('link', { name: SPECIAL }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(SPECIAL);
	const invitation = page.getByRole('link', { name: 'Answer the members’ anonymous survey' });
	const href = (await invitation.getAttribute('href'))!;
	const meetingId = /meetings\/([^/]+)\/survey$/.exec(href)![1];

	await visit(href);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Members’ survey: ${SPECIAL}`);
	await expect(
		page.getByRole('heading', { name: 'How your answers are kept anonymous' })
	).toBeVisible();
	const statement = (text: RegExp) => page.getByRole('group', { name: text });

	// 1. "properly scrutinises": into the group, then the arrow keys move the choice along to 4.
	await statement(/properly scrutinises/)
		.getByRole('radio')
		.first()
		.focus();
	await page.keyboard.press('Space');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
	await expect(statement(/properly scrutinises/).getByLabel('4 Agree')).toBeChecked();
	// 2. "Disagreement is unusual": 2.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowRight');
	// 3. "equal opportunity": left unanswered.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	// 4. "third sector": 5 (four along from 1).
	await page.keyboard.press('Space');
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
	// 5. "forums feed in": "No answer" (back from 1, round to the end).
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowLeft');
	await expect(statement(/feed clearly/).getByLabel('No answer')).toBeChecked();

	// A comment far too long comes back with the message, and everything chosen is kept.
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Comment (optional)')).toBeFocused();
	await page.keyboard.insertText('Too long. '.repeat(201));
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Your comment must be 2000 characters or fewer');
	await expect(summary).toBeFocused();
	await expect(statement(/properly scrutinises/).getByLabel('4 Agree')).toBeChecked();
	await expect(statement(/Disagreement/).getByLabel('2 Disagree')).toBeChecked();
	await expect(statement(/equal opportunity/).getByRole('radio', { checked: true })).toHaveCount(0);
	await expect(statement(/third sector/).getByLabel('5 Strongly agree')).toBeChecked();
	await expect(statement(/feed clearly/).getByLabel('No answer')).toBeChecked();

	// The summary's link leads to the comment; shortened, the answers go.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Comment (optional)')).toBeFocused();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('Families should hear sooner when someone is coming home.');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Send my answers' })).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
	await expect(page.getByRole('radio')).toHaveCount(0);
	await expect(page.getByText('Families should hear sooner')).toHaveCount(0);
	const survey = await (await page.request.get(`/api/v1/meetings/${meetingId}/survey`)).json();
	expect(survey).toMatchObject({ state: 'answered' });
	expect(JSON.stringify(survey)).not.toContain('Families should hear sooner');

	// Coming back: a thank-you, no form, and no invitation on the meeting's page any more.
	await visit(href);
	await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Send my answers' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Back to the meeting' }).click();
	await ready(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(SPECIAL);
	await expect(
		page.getByRole('link', { name: 'Answer the members’ anonymous survey' })
	).toHaveCount(0);
});

test('someone who was not at the meeting as a member is told the survey is not theirs', async ({
	page,
	visit
}) => {
	await signIn(page, 'reviewer@demo.example');
	await page.goto('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Strathmuir Partnership Board' }).click();
	await page.getByRole('link', { name: SPECIAL }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(SPECIAL);
	await expect(
		page.getByRole('link', { name: 'Answer the members’ anonymous survey' })
	).toHaveCount(0);
	const meetingPath = new URL(page.url()).pathname;
	await visit(`${meetingPath}/survey`);
	await expect(page.getByText('This survey is for the partnership’s members')).toBeVisible();
	await expect(page.getByRole('radio')).toHaveCount(0);
});
