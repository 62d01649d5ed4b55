// What every browser test gets: the demo server's address, signing in as a demo account, and an
// accessibility check (axe-core, WCAG 2.2 AA, plus reflow at 320 px) of every page a test visits.
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

/** The width WCAG 1.4.10 (Reflow) asks pages to fit: 1280 px at 400 % zoom. */
export const REFLOW_WIDTH = 320;

/**
 * Fails with the widest offending elements when the page, laid out 320 px wide, scrolls sideways.
 * Content inside its own horizontal scroller (a data table's or a chart's labelled region) may be
 * wider, as WCAG allows for them; the page itself may not. The viewport is put back afterwards.
 */
export async function expectReflows(page: Page): Promise<void> {
	const previous = page.viewportSize();
	await page.setViewportSize({ width: REFLOW_WIDTH, height: previous?.height ?? 720 });
	try {
		const found = await page.evaluate(async () => {
			// Two frames: the resize's style, layout and any resize observers have all run by then.
			for (let i = 0; i < 2; i++)
				await new Promise((done) => requestAnimationFrame(() => done(null)));
			const root = document.scrollingElement ?? document.documentElement;
			const viewport = window.innerWidth;
			if (root.scrollWidth <= viewport + 1) return null;
			const scrollsOnItsOwn = (el: Element) =>
				el !== document.body &&
				el !== document.documentElement &&
				['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
			const describe = (el: Element) => {
				const classes = [...el.classList].map((c) => `.${c}`).join('');
				const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
				return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}>${text ? ` "${text}"` : ''}`;
			};
			// Whether a scroller keeps el's overflow off the page: el itself only when asked (a text's
			// parent clips its text), and an absolutely placed box only from its containing block up.
			const contained = (el: Element, selfClips: boolean) => {
				let escaping = false;
				for (let up: Element | null = el; up; up = up.parentElement) {
					const position = getComputedStyle(up).position;
					if (position === 'fixed') return true;
					if (up !== el && escaping && position !== 'static') escaping = false;
					if ((up !== el || selfClips) && !escaping && scrollsOnItsOwn(up)) return true;
					if (position === 'absolute') escaping = true;
				}
				return false;
			};
			const over = new Set<Element>();
			for (const el of document.body.querySelectorAll('*')) {
				const box = el.getBoundingClientRect();
				if (box.width === 0 || box.right <= viewport + 1) continue;
				if (!contained(el, false)) over.add(el);
			}
			// A long word or address can spill out of a box that itself fits: name the box it spills from.
			const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			const range = document.createRange();
			for (let node = texts.nextNode(); node; node = texts.nextNode()) {
				const parent = node.parentElement;
				if (!parent || over.has(parent) || !node.textContent?.trim()) continue;
				range.selectNodeContents(node);
				if (range.getBoundingClientRect().right <= viewport + 1) continue;
				if (!contained(parent, true)) over.add(parent);
			}
			// Only where the overflow starts: a wide table's rows and cells would just repeat it.
			const offenders = [...over]
				.filter((el) => !el.parentElement || !over.has(el.parentElement))
				.map((el) => {
					const box = el.getBoundingClientRect();
					return {
						what: describe(el),
						right: Math.round(box.right + window.scrollX),
						width: Math.round(box.width)
					};
				});
			offenders.sort((a, b) => b.right - a.right || b.width - a.width);
			return {
				scrollWidth: root.scrollWidth,
				viewport,
				offenders: offenders
					.slice(0, 8)
					.map((o) => `${o.what} (right edge ${o.right} px, ${o.width} px wide)`)
			};
		});
		if (found)
			throw new Error(
				`${page.url()} scrolls sideways at ${found.viewport} px wide (content is ${found.scrollWidth} px); widest elements:\n  ${found.offenders.join('\n  ')}`
			);
	} finally {
		if (previous) await page.setViewportSize(previous);
	}
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
			await expectReflows(page);
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
