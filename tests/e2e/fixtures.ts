// What every browser test gets: a demo server of its spec file's own, signing in as a demo account, and an
// accessibility check (axe-core, WCAG 2.2 AA, plus reflow at 320 px) of every page a test visits.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { DEMO_TEMPLATE_DIR } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { DEMO_PASSWORD, signedInStateFile } from './accounts.ts';

export { DEMO_PASSWORD };

/** Fails the test with axe's findings when the page has any WCAG A/AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
	// axe.run() in the page itself ("legacy mode"): the default runs each frame apart and combines the
	// results in a blank page opened for the purpose, which costs about as much again (measured: 7.0 → 4.4 s
	// on the partnership's home page, 10.3 → 6.1 s on a review, same findings, same passes). The one thing
	// legacy mode leaves out, cross-origin frames, the app does not have. Only violations are collected:
	// describing every passing node (its selector and HTML) cost a third of each run and most of what the
	// test process spent reading the results, and nothing reads them.
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.setLegacyMode()
		.options({ resultTypes: ['violations'] })
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
 * Words (of four letters or more) that the page's text breaks across two lines, outside code and hashes.
 * A hyphen is a place to break ("Vice-/chair"), as in print.
 */
export async function expectWholeWords(page: Page): Promise<void> {
	const broken = await page.evaluate(() => {
		const found: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			if (!parent || parent.closest('code, .hash, .token, script, style, [hidden]')) continue;
			const style = getComputedStyle(parent);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			const text = node.textContent ?? '';
			for (const match of text.matchAll(/[\p{L}\p{N}'’]{4,}/gu)) {
				const range = document.createRange();
				range.setStart(node, match.index!);
				range.setEnd(node, match.index! + match[0].length);
				const lines = new Set(
					[...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
				);
				if (lines.size > 1) found.push(match[0]);
			}
		}
		return found;
	});
	expect(broken, `words broken across lines on ${page.url()}`).toEqual([]);
}

/** With SCREENSHOTS=1, the page as it looks now, for the README (docs/screenshots/<name>.png). */
export async function screenshotForDocs(page: Page, name: string): Promise<void> {
	if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

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

/**
 * A worker's demo servers. Each spec file gets a server of its own on a fresh copy of the seeded demo
 * (global-setup.ts), so no file sees what another changed, whatever order or worker they run in; the tests
 * of one file share it, in order. The next file's server starts while this file runs, so it is usually
 * ready when wanted.
 */
class DemoServers {
	#current: { file: string; server: Promise<TestServer> } | undefined;
	#spare: Promise<TestServer> | undefined;

	#start(): Promise<TestServer> {
		const server = startServer({ copyOf: DEMO_TEMPLATE_DIR, env: { NODE_ENV: 'test' } });
		server.catch(() => undefined); // reported when the server is wanted, not as an unhandled rejection
		return server;
	}

	async for(file: string): Promise<TestServer> {
		if (this.#current?.file === file) return this.#current.server;
		const previous = this.#current?.server;
		this.#current = { file, server: this.#spare ?? this.#start() };
		this.#spare = this.#start();
		await previous?.then(
			(s) => s.stop(),
			() => undefined
		);
		return this.#current.server;
	}

	async stop(): Promise<void> {
		const all = [this.#current?.server, this.#spare].filter((s) => s !== undefined);
		await Promise.all(
			all.map((s) =>
				s.then(
					(server) => server.stop(),
					() => undefined
				)
			)
		);
	}
}

export const test = base.extend<
	{ server: TestServer; visit: (path: string) => Promise<void> },
	{ demoServers: DemoServers }
>({
	demoServers: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			if (!existsSync(DEMO_TEMPLATE_DIR))
				throw new Error('The e2e global setup did not load the demo (tests/e2e/global-setup.ts)');
			const servers = new DemoServers();
			await use(servers);
			await servers.stop();
		},
		{ scope: 'worker', timeout: 120_000 }
	],
	// Its own timeout: a file's first test should not spend its own time waiting for the server to start.
	server: [
		async ({ demoServers }, use, testInfo) => {
			await use(await demoServers.for(testInfo.file));
		},
		{ timeout: 60_000 }
	],
	baseURL: async ({ server }, use) => {
		await use(server.url);
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

/** Signs in through the form, as a person does; most tests start with {@link signIn} instead. */
export async function signInWithForm(
	page: Page,
	email: string,
	password = DEMO_PASSWORD
): Promise<void> {
	await page.goto('/login');
	await ready(page);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in');
}

/**
 * Signs a demo account in: the session the global setup opened for it goes into the browser, which then
 * opens the page a sign-in lands on. Anyone else, or another password, signs in through the form.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	const saved = signedInStateFile(email);
	if (password !== DEMO_PASSWORD || !existsSync(saved))
		return signInWithForm(page, email, password);
	const { cookies } = JSON.parse(readFileSync(saved, 'utf8')) as {
		cookies: Parameters<BrowserContext['addCookies']>[0];
	};
	await page.context().addCookies(cookies);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in');
}

export { expect };
