// What every browser test gets: the demo server's address, signing in as a demo account, and an
// accessibility check (axe-core, WCAG 2.2 AA) of every page a test visits.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password-2026';

/** Fails the test with axe's findings when the page has any WCAG A/AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const found = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
	expect(found, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Waits until the page's scripts have taken over, so nothing typed is undone by hydration. */
export async function ready(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

export const test = base.extend<{ visit: (path: string) => Promise<void> }>({
	// eslint-disable-next-line no-empty-pattern
	baseURL: async ({}, use) => {
		if (!process.env.E2E_BASE_URL) throw new Error('The e2e global setup did not start a server');
		await use(process.env.E2E_BASE_URL);
	},
	visit: async ({ page }, use) => {
		await use(async (path: string) => {
			await page.goto(path);
			await ready(page);
			await expectAccessible(page);
		});
	}
});

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await ready(page);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in');
}

export { expect };
