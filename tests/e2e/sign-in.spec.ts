import { expect, expectAccessible, ready, signIn, signInWithForm, test } from './fixtures.ts';

test('a person who is not signed in is sent to sign in, then back to the page they wanted', async ({
	page,
	visit
}) => {
	await visit('/p/strathmuir/members');
	await expect(page).toHaveURL(/\/login\?next=%2Fp%2Fstrathmuir%2Fmembers$/);
	await page.getByLabel('Email address').fill('chair@demo.example');
	await page.getByLabel('Password').fill('demo-password-2026');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
	await expectAccessible(page);
});

test('a wrong password is refused in plain words, and the email typed is kept', async ({
	page,
	visit
}) => {
	await visit('/login');
	await page.getByLabel('Email address').fill('chair@demo.example');
	await page.getByLabel('Password').fill('not-my-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('The email address or password is not right.');
	await expect(summary).toBeFocused();
	await expect(page.getByLabel('Email address')).toHaveValue('chair@demo.example');
	await expectAccessible(page);
});

test('an empty form gets a message beside each field', async ({ page, visit }) => {
	await visit('/login');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.locator('#field-email-error')).toContainText('Enter your email address');
	await expect(page.locator('#field-password-error')).toContainText('Enter your password');
	await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
});

test('signing in lists the person’s partnerships; signing out ends the session', async ({
	page,
	visit
}) => {
	await signInWithForm(page, 'reviewer@demo.example');
	await expect(page.getByRole('heading', { level: 1, name: 'Your partnerships' })).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Strathmuir Community Planning Partnership' })
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Carran Valley Community Planning Partnership' })
	).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: /Sign out/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('You have signed out');
	await expectAccessible(page);
	// Signed out, the home page is the public record, with the way back in at the top.
	await visit('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community planning in public');
	await page
		.getByRole('navigation', { name: 'Account' })
		.getByRole('link', { name: 'Sign in' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a resident arriving signed out learns what a partnership is and reaches its public record', async ({
	page,
	visit
}) => {
	await visit('/');
	await expect(page.getByText('A community planning partnership is the council')).toBeVisible();
	const records = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
	await expect(records.getByRole('link')).toHaveText([
		'Carran Valley Community Planning Partnership',
		'Strathmuir Community Planning Partnership'
	]);
	await records.getByRole('link', { name: 'Strathmuir Community Planning Partnership' }).click();
	await expect(page).toHaveURL(/\/public\/strathmuir$/);
	await expectAccessible(page);
	// Every public page keeps the way in for members.
	const signIn = page
		.getByRole('navigation', { name: 'Account' })
		.getByRole('link', { name: 'Sign in' });
	await expect(signIn).toBeVisible();
	await signIn.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('the skip link is the first thing the keyboard reaches and jumps to the content', async ({
	page
}) => {
	await signIn(page, 'chair@demo.example');
	await page.goto('/p/strathmuir');
	await ready(page);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Home', exact: true })).toBeFocused();
});

// Someone on a slow connection types as soon as the form shows, before the page's scripts have run. The
// scripts are held back here until both fields are filled, then let through: hydration must keep what was
// typed (it used to set each field back to its empty starting value, and the form then sent
// `email=&password=`), and the enhanced form sends it.
test('what is typed before the page’s scripts have run is kept and sent', async ({ page }) => {
	let release!: () => void;
	const released = new Promise<void>((done) => (release = done));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'commit' });
	await expect(page.getByLabel('Email address')).toBeVisible();
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	await page.getByLabel('Email address').fill('chair@demo.example');
	await page.getByLabel('Password').fill('demo-password-2026');
	release();
	await ready(page);
	await expect(page.getByLabel('Email address')).toHaveValue('chair@demo.example');
	await expect(page.getByLabel('Password')).toHaveValue('demo-password-2026');
	const sent = page.waitForRequest((request) => request.method() === 'POST');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const body = new URLSearchParams((await sent).postData() ?? '');
	expect(body.get('email')).toBe('chair@demo.example');
	expect(body.get('password')).toBe('demo-password-2026');
	await expect(page.getByRole('heading', { level: 1, name: 'Your partnerships' })).toBeVisible();
	await expectAccessible(page);
});
