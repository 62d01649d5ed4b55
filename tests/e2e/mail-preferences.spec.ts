// A member chooses their email on a phone-sized screen: per kind at once, a daily digest or off; makes a
// private calendar address and replaces it (confirming); and stops one kind from an email's link.
import { createHmac, randomBytes } from 'node:crypto';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

const PHONE = { width: 320, height: 640 };
const MEMBER = 'community@demo.example';

test('a member sets their email preferences and calendar feed at 320 px', async ({
	page,
	visit
}) => {
	await page.setViewportSize(PHONE);
	await signIn(page, MEMBER);
	await visit('/settings');
	await page.getByLabel('A members’ survey is open to you').selectOption({ label: 'Off' });
	await page
		.getByLabel('An agenda is issued for a meeting of a body you sit on')
		.selectOption({ label: 'In a daily digest' });
	await page.getByRole('button', { name: 'Save email choices' }).click();
	await expect(page.getByRole('status')).toContainText('Your email choices have been saved.');

	await visit('/settings');
	await expect(page.getByLabel('A members’ survey is open to you')).toHaveValue('OFF');
	await expect(
		page.getByLabel('An agenda is issued for a meeting of a body you sit on')
	).toHaveValue('DIGEST');
	const api = await page.request.get('/api/v1/me/mail-preferences');
	const modes = Object.fromEntries(
		((await api.json()) as { kind: string; mode: string }[]).map((p) => [p.kind, p.mode])
	);
	expect(modes).toMatchObject({
		survey_open: 'OFF',
		agenda_issued: 'DIGEST',
		password_changed: 'IMMEDIATE'
	});

	await page.getByRole('button', { name: 'Make my calendar address' }).click();
	const first = await page.getByLabel('Your calendar feed address').inputValue();
	expect(first).toMatch(/\/calendar\/[a-z0-9]+\.ics$/);
	expect((await page.request.get(new URL(first).pathname)).status()).toBe(200);

	await visit('/settings');
	await page.getByRole('button', { name: 'Make a new address' }).click();
	await expect(page.getByText(/Tick the box to confirm/).first()).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel(/Stop the address I have now/).check();
	await page.getByRole('button', { name: 'Make a new address' }).click();
	const second = await page.getByLabel('Your calendar feed address').inputValue();
	expect(second).not.toBe(first);
	expect((await page.request.get(new URL(first).pathname)).status()).toBe(404);
});

test('an email’s unsubscribe link asks, then stops that kind only', async ({
	page,
	server,
	visit
}) => {
	await page.setViewportSize(PHONE);
	// The link an email would carry: the person and kind, signed with the service's key.
	await server.db.serverSecret.createMany({
		data: [{ name: 'mail-unsubscribe', value: new Uint8Array(randomBytes(32)) }],
		skipDuplicates: true
	});
	const key = await server.db.serverSecret.findUniqueOrThrow({
		where: { name: 'mail-unsubscribe' }
	});
	const user = await server.db.user.findUniqueOrThrow({ where: { email: 'nhs@demo.example' } });
	const signature = createHmac('sha256', Buffer.from(key.value))
		.update(`${user.id}.priority_step`)
		.digest('base64url');
	await visit(`/unsubscribe/${user.id}.priority_step.${signature}`);
	await expect(page.getByText('A priority your forum raised takes a step')).toBeVisible();
	await page.getByRole('button', { name: 'Stop these emails' }).click();
	await expect(page.getByRole('status')).toContainText('You will no longer get email for');

	await signIn(page, 'nhs@demo.example');
	const modes = (await (await page.request.get('/api/v1/me/mail-preferences')).json()) as {
		kind: string;
		mode: string;
	}[];
	expect(modes.find((p) => p.kind === 'priority_step')?.mode).toBe('OFF');
	expect(modes.find((p) => p.kind === 'agenda_issued')?.mode).toBe('IMMEDIATE');
});
