// The reflow check every visited page goes through (WCAG 1.4.10) must be able to fail: a page made too
// wide on purpose is refused and the culprit named, while a wide table in its own scrolling region is
// allowed, as WCAG allows it, and the test's viewport is given back either way.
import { expect, expectReflows, expectWholeWords, REFLOW_WIDTH, test } from './fixtures.ts';

test('the 320 px reflow check refuses a page that scrolls sideways and names what is too wide', async ({
	page,
	visit
}) => {
	await visit('/public/strathmuir');
	const size = page.viewportSize();

	await page.evaluate(() => {
		const wide = document.createElement('p');
		wide.id = 'too-wide-on-purpose';
		wide.textContent = 'A line that will not wrap';
		wide.style.width = '1000px';
		document.querySelector('main')!.append(wide);
	});
	const refusal = await expectReflows(page).then(
		() => null,
		(error: Error) => error.message
	);
	expect(refusal).toContain(`scrolls sideways at ${REFLOW_WIDTH} px wide`);
	expect(refusal).toContain('<p#too-wide-on-purpose> "A line that will not wrap"');
	expect(page.viewportSize()).toEqual(size);

	// The same element inside a region that scrolls on its own leaves the page itself narrow.
	await page.evaluate(() => {
		const region = document.createElement('div');
		region.className = 'wide-table';
		region.append(document.getElementById('too-wide-on-purpose')!);
		document.querySelector('main')!.append(region);
	});
	await expectReflows(page);
	expect(page.viewportSize()).toEqual(size);

	// Absolutely placed text escapes a scroller that is not its containing block, and widens the page.
	await page.evaluate(() => {
		const scroller = document.createElement('div');
		scroller.style.overflowX = 'auto';
		scroller.innerHTML =
			'<div style="width: 1000px"><span style="margin-left: 900px">Far</span>' +
			'<span id="escapes-on-purpose" class="visually-hidden">hidden, far right</span></div>';
		document.querySelector('main')!.append(scroller);
	});
	await expect(expectReflows(page)).rejects.toThrow('<span#escapes-on-purpose.visually-hidden>');
});

test('the whole-words check refuses a word broken letter by letter, and allows a break at a hyphen', async ({
	page,
	visit
}) => {
	await visit('/public/strathmuir');
	await page.evaluate(() => {
		const hyphen = document.createElement('p');
		hyphen.style.width = '4rem';
		hyphen.textContent = 'Vice-chair';
		document.querySelector('main')!.append(hyphen);
	});
	await expectWholeWords(page);
	await page.evaluate(() => {
		const narrow = document.createElement('p');
		narrow.style.width = '3rem';
		narrow.style.wordBreak = 'break-all';
		narrow.textContent = 'Northfield';
		document.querySelector('main')!.append(narrow);
	});
	await expect(expectWholeWords(page)).rejects.toThrow('Northfield');
});
