// The pages under their Content-Security-Policy: sign-in, the partnership's home, a meeting's live
// documents (synced over the WebSocket, kept in IndexedDB), the live meeting, a review and the public
// page all load and work with no violation reported, and axe still finds nothing. A script injected into
// the page is refused, which shows both that the policy is in force and that the listener hears it.
import type { Page } from '@playwright/test';
import type { TestDb } from '../support/server.ts';
import { expect, ready, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';
let db: TestDb;

test.describe.configure({ timeout: 120_000 });

// The database of this file's own demo server (fixtures.ts), for arranging records and reading them.
test.beforeEach(async ({ server }) => {
	db = server.db;
});

/** Collects every CSP violation the page reports, as events and in the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	const fromConsole: string[] = [];
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) fromConsole.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`)
		);
	});
	return async () => {
		const events = await page
			.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])
			.catch(() => []);
		return [...fromConsole, ...events];
	};
}

test('the main pages work under the Content-Security-Policy with no violation', async ({
	page,
	visit
}) => {
	const violations = await watchViolations(page);

	const response = await page.goto('/login');
	const csp = response!.headers()['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	expect(response!.headers()['referrer-policy']).toBe('same-origin');
	expect(response!.headers()['x-content-type-options']).toBe('nosniff');
	await ready(page);

	// An injected inline script does not run, and is reported.
	const ran = await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.injectedScriptRan = true';
		document.body.append(script);
		return (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan ?? false;
	});
	expect(ran).toBe(false);
	await expect.poll(async () => (await violations()).join('\n')).toContain('script-src');

	// From here on, nothing may be refused.
	page.removeAllListeners('console');
	const clean = await watchViolations(page);

	await visit('/login');
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}`);
	expect(await clean()).toEqual([]);

	// A meeting's live documents: the sync connection opens and reports everything synced.
	const meeting = await db.meeting.findFirstOrThrow({
		where: { title: 'Partnership Board' },
		select: { id: true }
	});
	await visit(`/p/${SLUG}/meetings/${meeting.id}?doc=agenda`);
	await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
		'all changes synced'
	);
	expect(await clean()).toEqual([]);

	await visit(`/p/${SLUG}/meetings/${meeting.id}/live`);
	expect(await clean()).toEqual([]);

	const annual = await db.meeting.findFirstOrThrow({
		where: { title: 'Partnership Board: annual review' },
		select: { id: true }
	});
	await visit(`/p/${SLUG}/meetings/${annual.id}/review`);
	expect(await clean()).toEqual([]);

	// The minutes' rich-text editor draws and edits its document without an injected <style>.
	await visit(`/p/${SLUG}/meetings/${annual.id}?doc=minutes`);
	const minutes = page.getByRole('textbox', { name: 'Draft minutes' });
	await expect(minutes.getByRole('heading').first()).toBeVisible();
	await minutes.locator('p').first().click();
	await page.getByRole('button', { name: 'Bold' }).click();
	await expect(minutes).toBeFocused();
	await page.keyboard.type('Checked.');
	await expect(minutes.locator('strong', { hasText: 'Checked.' })).toBeVisible();
	expect(await clean()).toEqual([]);

	await visit(`/public/${SLUG}`);
	expect(await clean()).toEqual([]);
});
