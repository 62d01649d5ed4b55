// The joint risk register: the demo's heat map and the table of its numbers, an officer defining a risk
// (first refused for a missing score, what was typed kept) and recording its review, an officer editing a
// risk's wording and links, and a risk review item's paper in the board pack of the annual review.
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

/** The heat map's table of numbers: the row of one cell, by likelihood and impact. */
const cellRow = (page: Page, likelihood: number, impact: number) =>
	page
		.getByRole('table', { name: /open, in \d+ cells? of the heat map/ })
		.getByRole('row')
		.filter({
			has: page.locator(`td:nth-child(1):text-is("${likelihood}")`)
		})
		.filter({ has: page.locator(`td:nth-child(2):text-is("${impact}")`) });

/** The heat map's grid cell at a likelihood (row) and impact (column). */
const gridCell = (page: Page, likelihood: number, impact: number): Locator =>
	page
		.getByRole('table', { name: /Open risks by likelihood/ })
		.getByRole('row', { name: new RegExp(`^Likelihood ${likelihood}`) })
		.getByRole('cell')
		.nth(impact - 1);

test('the heat map and the table of its numbers agree with the demo register', async ({
	page,
	visit
}) => {
	await signIn(page, 'tsi@demo.example');
	await visit('/p/strathmuir/risks');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Joint risk register');
	// Six open risks in five cells; two of them at likelihood 2, impact 3 (score 6, medium).
	await expect(
		page.getByRole('table', { name: /open, in \d+ cells? of the heat map/ })
	).toHaveAccessibleName(/6 risks open, in 5 cells of the heat map/);
	const shared = cellRow(page, 2, 3);
	await expect(shared.getByRole('cell')).toHaveText([
		'2',
		'3',
		'6',
		'Medium',
		'2',
		/Antisocial behaviour in Riverside.*Young people leave school/s
	]);
	await expect(
		shared.getByRole('link', { name: 'Antisocial behaviour in Riverside undermines confidence' })
	).toHaveAttribute('href', /\/p\/strathmuir\/risks\/[^/]+$/);
	await expect(cellRow(page, 5, 3).getByRole('cell')).toHaveText([
		'5',
		'3',
		'15',
		'High',
		'1',
		'Winter pressures overwhelm care at home'
	]);
	// The grid says the same, in numbers and words.
	await expect(gridCell(page, 2, 3)).toContainText('2');
	await expect(gridCell(page, 2, 3)).toContainText('Medium');
	await expect(gridCell(page, 5, 3)).toContainText('1');
	await expect(gridCell(page, 5, 3)).toContainText('High');
	await expect(gridCell(page, 5, 5)).toContainText('0');
	await expect(gridCell(page, 5, 5)).toContainText('Very high');

	// Filtered by band: only the high ones, on the map and in the list.
	await page.getByLabel('Band').selectOption({ label: 'High' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByRole('status')).toHaveText(/Showing 2 of the register’s 6 risks/);
	await expectAccessible(page);
	// Members who are not officers are not offered the form to define a risk.
	await expect(page.getByRole('heading', { name: 'Define a risk' })).toHaveCount(0);

	// From a risk to an outcome it bears on, and back: the outcome's page lists the risks citing it.
	await page.getByRole('link', { name: 'Winter pressures overwhelm care at home' }).first().click();
	await page
		.getByRole('link', { name: /^LOIP 1/ })
		.first()
		.click();
	const cited = page.getByRole('region', { name: 'Risks in the joint register' });
	await expect(
		cited.getByRole('link', { name: 'Winter pressures overwhelm care at home' })
	).toBeVisible();
	await expect(cited).toContainText('score 15, high');
	await expectAccessible(page);
});

test('an officer defines a risk and records its review; its history and the heat map show it', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit('/p/strathmuir/risks');
	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Add the risk to the register' })
	});
	const title = `Floods close the river road ${Date.now()}`;
	await form.getByLabel('Title').fill(title);
	await form
		.getByLabel('What the risk is')
		.fill('A flood closes the only road to the river villages.');
	await form.getByLabel('Owner').selectOption({ label: 'Fire and Rescue Service, Strathmuir' });
	await form.getByLabel('Impact').selectOption({ label: '5: Severe' });
	await form.getByLabel('Controls').fill('Flood plan with the council’s roads team.');
	await form
		.getByLabel('RV 1: Riverside: safe streets and homes in the town and the river villages')
		.check();
	await form.getByRole('button', { name: 'Add the risk to the register' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose the likelihood, from 1 to 5');
	await expect(form.getByLabel('Title')).toHaveValue(title);
	await expect(
		form.getByLabel('RV 1: Riverside: safe streets and homes in the town and the river villages')
	).toBeChecked();
	await expectAccessible(page);

	await form.getByLabel('Likelihood').selectOption({ label: '4: Likely' });
	await form.getByRole('button', { name: 'Add the risk to the register' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'has been added' })).toBeVisible();
	// Likelihood 4 × impact 5 = 20: a cell of its own, very high.
	await expect(cellRow(page, 4, 5).getByRole('cell')).toHaveText([
		'4',
		'5',
		'20',
		'Very high',
		'1',
		title
	]);

	await page.getByRole('status').getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('Score 20, very high')).toBeVisible();
	await expectAccessible(page);
	const review = page.locator('form', {
		has: page.getByRole('button', { name: 'Record the review' })
	});
	await review.getByLabel('Likelihood').selectOption({ label: '2: Unlikely' });
	await review.getByLabel('Controls, as revised').fill('Flood plan; a diversion route agreed.');
	await review.getByLabel('Note (optional)').fill('The diversion through Millbrae is signed.');
	await review.getByLabel('Next review').fill('2199-03-31');
	await review.getByRole('button', { name: 'Record the review' }).click();
	await expect(page.getByRole('status')).toContainText('The risk’s score is now 10, high');
	const history = page.getByRole('table', { name: /Reviews of the risk/ });
	await expect(history.getByRole('row')).toHaveCount(1 + 2);
	await expect(history.getByRole('row').nth(1)).toContainText(
		'The diversion through Millbrae is signed.'
	);
	await expect(history.getByRole('row').nth(2)).toContainText('First assessment');
	await expectAccessible(page);
});

test('an officer edits a risk’s wording and links; the earlier wording stays in its history', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	const outcomes: { id: string; code: string; title: string }[] = await (
		await page.request.get('/api/v1/partnerships/strathmuir/outcomes')
	).json();
	const [first, second] = outcomes;
	const title = `Bus routes to the river villages are cut ${Date.now()}`;
	const defined = await page.request.post('/api/v1/partnerships/strathmuir/risks', {
		data: {
			title,
			description: 'The operator may withdraw the evening buses.',
			ownerOrganisationId: (
				(await (
					await page.request.get('/api/v1/partnerships/strathmuir/organisations')
				).json()) as {
					id: string;
				}[]
			)[0].id,
			likelihood: 3,
			impact: 3,
			controls: 'A community transport scheme on standby.',
			outcomeIds: [first.id]
		}
	});
	expect(defined.status()).toBe(201);
	const { id } = await defined.json();
	await visit(`/p/strathmuir/risks/${id}`);

	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Save the changes' })
	});
	const label = (o: { code: string; title: string }) => `${o.code}: ${o.title}`;
	await expect(form.getByLabel('Title')).toHaveValue(title);
	await expect(form.getByLabel(label(first), { exact: true })).toBeChecked();
	// A blank title is refused; what was typed and ticked is kept.
	await form.getByLabel('Title').fill('');
	await form
		.getByLabel('What the risk is')
		.fill('The operator will withdraw the evening buses in May.');
	await form.getByLabel(label(first), { exact: true }).uncheck();
	await form.getByLabel(label(second), { exact: true }).check();
	await form.getByRole('button', { name: 'Save the changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the risk’s title');
	await expect(page.getByRole('alert')).toBeFocused();
	await expect(form.getByLabel('What the risk is')).toHaveValue(
		'The operator will withdraw the evening buses in May.'
	);
	await expect(form.getByLabel(label(first), { exact: true })).not.toBeChecked();
	await expect(form.getByLabel(label(second), { exact: true })).toBeChecked();
	await expectAccessible(page);

	await form.getByLabel('Title').fill(`${title}, evenings`);
	await form.getByRole('button', { name: 'Save the changes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'has been edited' })).toContainText(
		'version 2'
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title}, evenings`);
	const links = page.locator('h2#links ~ ul').first();
	await expect(links.getByRole('link', { name: label(second) })).toBeVisible();
	await expect(links.getByRole('link', { name: label(first) })).toHaveCount(0);
	// The history: what version 2 changed, beside version 1's wording as defined.
	const versions = page.getByRole('list').filter({ hasText: 'Version 1' });
	await expect(versions.getByRole('listitem').first()).toContainText('Version 2: edited by');
	await expect(versions).toContainText('The operator may withdraw the evening buses.');
	await expect(versions).toContainText('The operator will withdraw the evening buses in May.');
	await expect(versions.getByRole('link', { name: label(first) })).toBeVisible();
	await expect(versions).toContainText(`No longer linked to outcome: ${label(first)}`);
	await expectAccessible(page);
});

test('the annual review’s pack lists the risks that were due, with the scores recorded there', async ({
	page,
	visit
}) => {
	await signIn(page, 'nhs@demo.example');
	const board = (
		(await (await page.request.get('/api/v1/partnerships/strathmuir/bodies')).json()) as {
			id: string;
			name: string;
		}[]
	).find((b) => b.name === 'Strathmuir Partnership Board')!.id;
	const meetings: { id: string; title: string }[] = await (
		await page.request.get(`/api/v1/bodies/${board}/meetings`)
	).json();
	const annual = meetings.find((m) => m.title === 'Partnership Board: annual review')!.id;
	await visit(`/p/strathmuir/meetings/${annual}/pack`);
	const paper = page.getByRole('table', { name: /Risks due for review by/ });
	await expect(paper.getByRole('row')).toHaveCount(1 + 5);
	await expect(
		paper.getByRole('row').filter({ hasText: 'Partners cannot share the data the plan needs' })
	).toContainText('1 × 3 = 3, low');
	await expect(paper).not.toContainText('Antisocial behaviour in Riverside');
});
