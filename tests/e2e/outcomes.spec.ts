// The plan outcomes page: the demo's LOIP outcomes with the priorities and actions tagged with them, and an
// officer adding an outcome, first with the title left blank (refused, what was typed kept) then in full.
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

test('an officer reads the plan outcomes adds one and tags an action with it', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit('/p/strathmuir/outcomes');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan outcomes');

	const loip1 = page.getByRole('listitem').filter({
		has: page.getByRole('heading', {
			name: 'LOIP 1 People in Strathmuir live longer, healthier lives'
		})
	});
	await expect(
		loip1.getByRole('link', {
			name: 'Warm spaces within walking distance, open on weekday evenings'
		})
	).toHaveAttribute('href', /\/p\/strathmuir\/priorities\/[^/]+$/);
	await expect(loip1.getByText('Report how many people used each warm space')).toBeVisible();

	const code = `T${Date.now()}`;
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Add the outcome' }) });
	await form.getByLabel('Code').fill(code);
	await form.getByRole('button', { name: 'Add the outcome' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the outcome');
	await expect(form.getByLabel('Code')).toHaveValue(code);
	await expectAccessible(page);

	await form
		.getByLabel('Outcome', { exact: true })
		.fill('Older people stay warm at home in winter');
	await form.getByRole('button', { name: 'Add the outcome' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: `Outcome ${code} added.` })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { name: `${code} Older people stay warm at home in winter` })
	).toBeVisible();

	const tag = page.locator('form', {
		has: page.getByRole('button', { name: 'Save the action’s outcomes' })
	});
	await tag.getByLabel('Action').selectOption({
		label:
			'Report how many people used each warm space, and on which evenings, by the end of January'
	});
	// Tagging replaces the action's outcomes: keep the demo's two, add the new one.
	await tag.getByLabel('LOIP 1: People in Strathmuir live longer, healthier lives').check();
	await tag.getByLabel('NF 1: Northfield: no one is cold or alone through the winter').check();
	await tag.getByLabel(`${code}: Older people stay warm at home in winter`).check();
	await tag.getByRole('button', { name: 'Save the action’s outcomes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'outcomes are saved' })).toBeVisible();
	const added = page.getByRole('listitem').filter({
		has: page.getByRole('heading', { name: `${code} Older people stay warm at home in winter` })
	});
	await expect(added.getByText('Report how many people used each warm space')).toBeVisible();
	// No forum has asked for it: it is listed apart, and the demo's own outcomes are not.
	const unraised = page
		.getByRole('heading', { name: 'Outcomes no forum has raised' })
		.locator('+ p + ul');
	await expect(unraised).toContainText(`${code} Older people stay warm at home in winter`);
	await expect(unraised).not.toContainText('LOIP 1');
});

test('a board member sees where each indicator stands, as a chart with the same figures in a table', async ({
	page,
	visit
}) => {
	await signIn(page, 'tsi@demo.example');
	await visit('/p/strathmuir/outcomes');
	await page
		.getByRole('link', { name: /LOIP 2 Fewer children and families live in poverty/ })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'LOIP 2 Fewer children and families live in poverty'
	);
	const poverty = page.getByRole('region', {
		name: 'Children in relative poverty after housing costs'
	});
	await expect(poverty.locator('.status')).toContainText('At risk');
	await expect(poverty.locator('.status')).toContainText(
		'by no more than a quarter of the planned change'
	);
	await expect(poverty.getByRole('img', { name: /readings against the trajectory/ })).toBeVisible();
	// Baseline, twelve monthly readings and the target, each with the trajectory's value beside it.
	const table = poverty.getByRole('table');
	await expect(table.getByRole('row')).toHaveCount(1 + 1 + 12 + 1);
	await expect(table.getByRole('row').nth(1)).toContainText('Baseline');
	await expect(table.getByRole('row').nth(1)).toContainText('24%');
	await expect(table.getByRole('row').last()).toContainText('Target');
	// Not the partner that measures it: no form to record a reading.
	await expect(poverty.getByRole('button', { name: /Record the reading/ })).toHaveCount(0);
	await expectAccessible(page);

	// The other three demo indicators: on track, off track and no recent reading.
	for (const [outcome, status] of [
		['LOIP 1', 'On track'],
		['LOIP 3', 'Off track'],
		['LOIP 4', 'No recent reading']
	]) {
		await visit('/p/strathmuir/outcomes');
		await page.getByRole('link', { name: new RegExp(`^${outcome} `) }).click();
		await expect(page.locator('.indicator .status').first()).toContainText(status);
	}
});

test('an officer defines an indicator, and the partner that measures it records a reading', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit('/p/strathmuir/outcomes');
	await page.getByRole('link', { name: /LOIP 1 People in Strathmuir live longer/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('LOIP 1');
	const outcome = page.url();
	const name = `Adults active for 150 minutes a week ${Date.now()}`;
	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Add the indicator' })
	});
	await form.getByLabel('What is measured').fill(name);
	await form.getByLabel('Unit').fill('%');
	await form.getByLabel('Source partner').selectOption({ label: 'NHS Strathmuir' });
	await form.getByLabel('Area').fill('Strathmuir');
	await form.getByLabel('Which way is better').selectOption({ label: 'Up is better' });
	await form.getByLabel('Baseline value').fill('62');
	await form.getByLabel('Baseline date').fill('2025-04-01');
	await form.getByLabel('Target value').fill('58');
	await form.getByLabel('Target date').fill('2030-03-31');
	await form.getByRole('button', { name: 'Add the indicator' }).click();
	// A target below the baseline when up is better is refused, and what was typed is kept.
	await expect(page.getByRole('alert')).toContainText(
		'The target must be no lower than the baseline when up is better'
	);
	await expect(form.getByLabel('What is measured')).toHaveValue(name);
	await expectAccessible(page);
	await form.getByLabel('Target value').fill('70');
	await form.getByRole('button', { name: 'Add the indicator' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The indicator has been added.' })
	).toBeVisible();
	const indicator = page.getByRole('region', { name });
	await expect(indicator.locator('.status')).toContainText('No recent reading');

	// The health board's member records the first reading.
	await signIn(page, 'nhs@demo.example');
	await visit(outcome);
	const record = indicator.locator('form');
	const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
	await record.getByLabel('Value (%)').fill('66.5');
	await record.getByLabel('Date it is for').fill(yesterday);
	await record.getByRole('button', { name: /Record the reading/ }).click();
	await expect(indicator.getByRole('alert')).toContainText('Enter where the figure comes from');
	await expect(record.getByLabel('Value (%)')).toHaveValue('66.5');
	await record.getByLabel('Source').fill('Scottish Health Survey');
	await record.getByRole('button', { name: /Record the reading/ }).click();
	await expect(indicator.getByRole('status')).toContainText('The indicator is now on track.');
	await expect(indicator.locator('.status')).toContainText('On track');
	await expect(indicator.getByRole('table')).toContainText('66.5%');
	await expectAccessible(page);
});

test('the partner that measures an indicator imports readings from a CSV, after checking it', async ({
	page,
	visit
}) => {
	// An indicator of the test's own, so the demo's stay as the other tests read them.
	const name = `Deliberate fires per 10,000 residents ${Date.now()}`;
	await signIn(page, 'officer@demo.example');
	const outcomes: { id: string; code: string }[] = await (
		await page.request.get('/api/v1/partnerships/strathmuir/outcomes')
	).json();
	const safer = outcomes.find((o) => o.code === 'LOIP 4')!.id;
	const organisations: { id: string; name: string }[] = await (
		await page.request.get('/api/v1/partnerships/strathmuir/organisations')
	).json();
	const defined = await page.request.post(`/api/v1/outcomes/${safer}/indicators`, {
		data: {
			name,
			unit: 'per 10,000',
			sourceOrganisationId: organisations.find((o) => o.name.startsWith('Police'))!.id,
			geography: 'Strathmuir',
			direction: 'DOWN',
			baselineValue: 12,
			baselineOn: '2025-04-01',
			targetValue: 8,
			targetOn: '2030-03-31'
		}
	});
	expect(defined.status()).toBe(201);

	await signIn(page, 'police@demo.example');
	await visit(`/p/strathmuir/outcomes/${safer}`);
	const indicator = page.getByRole('region', { name });
	await expect(indicator.locator('.status')).toContainText('No recent reading');
	await indicator.getByText('Import readings from a CSV file').click();
	const day = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
	const file = (rows: string[]) => ({
		name: 'readings.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(['date,value,source,note', ...rows].join('\r\n'))
	});
	const csv = indicator.getByLabel('CSV file');
	await csv.setInputFiles(
		file([`${day(60)},11.2,Incident recording,`, `${day(30)},lots,Incident recording,`])
	);
	await indicator.getByRole('button', { name: /Check the file/ }).click();
	const rows = indicator.getByRole('table', { name: /rows? checked/ });
	await expect(rows).toContainText('2 rows checked: 1 to correct');
	await expect(rows.getByRole('row', { name: /^3 / })).toContainText(
		'Enter the reading as a number'
	);
	await expect(indicator.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await expectAccessible(page);

	await csv.setInputFiles(
		file([
			`${day(60)},11.2,Incident recording,`,
			`${day(30)},10.2,Incident recording,"First, full month"`
		])
	);
	await indicator.getByRole('button', { name: /Check the file/ }).click();
	await expect(rows).toContainText('2 rows checked: all can be imported');
	await indicator.getByRole('button', { name: /Import 2 readings/ }).click();
	await expect(indicator.getByRole('status')).toContainText('2 readings have been imported.');
	await expect(indicator.locator('.status')).toContainText('On track');
	await expect(
		indicator.getByRole('table', { name: /readings against the trajectory/ })
	).toContainText('10.2 per 10,000');
	await expectAccessible(page);
});

test('the board pack’s performance item carries the indicators’ latest readings', async ({
	page,
	visit
}) => {
	await signIn(page, 'tsi@demo.example');
	const bodies = await (await page.request.get('/api/v1/partnerships/strathmuir/bodies')).json();
	const board = bodies.find((b: { name: string }) => b.name === 'Strathmuir Partnership Board');
	const meetings = await (await page.request.get(`/api/v1/bodies/${board.id}/meetings`)).json();
	const next = meetings.find((m: { status: string }) => m.status === 'AGENDA_ISSUED');
	await visit(`/p/strathmuir/meetings/${next.id}/pack`);
	const item = page.locator('section', {
		has: page.getByRole('heading', { name: /Performance report: Local Outcomes Improvement Plan/ })
	});
	await expect(item).toContainText('Performance,');
	await expect(item.getByRole('heading', { level: 3 })).toContainText(
		'Paper: the plan’s indicators as at'
	);
	const table = item.getByRole('table');
	for (const [indicator, status] of [
		['Adults who smoke', 'On track'],
		['Children in relative poverty after housing costs', 'At risk'],
		['School leavers in a positive destination', 'Off track'],
		['Anti-social behaviour incidents per 1,000 residents', 'No recent reading']
	])
		await expect(table.getByRole('row', { name: new RegExp(indicator) })).toContainText(status);
	await expectAccessible(page);
});

test('a partner’s account splits its seats and attendance between elected members and officers', async ({
	page,
	visit
}) => {
	await signIn(page, 'tsi@demo.example');
	await visit('/p/strathmuir/organisations');
	await page
		.getByRole('link', { name: 'Seats, attendance, commitments of Strathmuir Council' })
		.click();
	const split = page.getByRole('table', {
		name: 'Seats and attendance of Strathmuir Council, elected members and officers apart'
	});
	await expect(split.getByRole('row', { name: /Elected member/ })).toContainText(/\d+ of \d+/);
	await expect(split.getByRole('row', { name: /Officer of a partner/ })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Seats held by Strathmuir Council' })).toContainText(
		'Elected member'
	);
	await expectAccessible(page);
});

test('a board member reads a partner’s account: seats, attendance, commitments owed, actions', async ({
	page,
	visit
}) => {
	await signIn(page, 'tsi@demo.example');
	await visit('/p/strathmuir/organisations');
	await page
		.getByRole('link', { name: 'Seats, attendance, commitments of Strathmuir College' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strathmuir College');
	await expect(page.getByRole('table', { name: 'Seats held by Strathmuir College' })).toContainText(
		'Strathmuir Partnership Board'
	);
	await expect(page.locator('#attendance + p')).toContainText(/At \d+ of \d+ meetings/);
	await expect(
		page.getByRole('table', { name: /Meetings of the last twelve months/ }).getByRole('row')
	).not.toHaveCount(1);
	const commitments = page.locator('.commitments');
	await expect(commitments).toContainText('Ratification owed');
	await expect(page.getByRole('heading', { name: 'Actions it owns' })).toBeVisible();
	await expect(
		page.getByRole('link', {
			name: 'Take the commitment of 30 foundation places to the college board for ratification'
		})
	).toBeVisible();
	await expectAccessible(page);
	const account = page.url();

	// The college board ratifies it: the officer records that on the decision, beside its versions.
	await signIn(page, 'officer@demo.example');
	await visit(account);
	await commitments.getByRole('link').first().click();
	await expect(page.locator('.ratifications')).toContainText(
		'Subject to ratification by Strathmuir College: still owed.'
	);
	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Record the ratification' })
	});
	const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
	await form.getByLabel('Date ratified').fill(yesterday);
	// It cannot be taken back, so it is not recorded without a ticked confirmation.
	await form.getByRole('button', { name: 'Record the ratification' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Tick the box to confirm that the partner has ratified the decision'
	);
	await expect(page.locator('.ratifications')).toContainText('still owed');
	await form.getByLabel('I confirm the partner or parent body has ratified the decision').check();
	await form.getByRole('button', { name: 'Record the ratification' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter who ratified it');
	await expectAccessible(page);
	await form.getByLabel('Ratified by').fill('College board');
	await form.getByLabel('Minute or paper reference (optional)').fill('CB/26/12');
	await form.getByRole('button', { name: 'Record the ratification' }).click();
	await expect(page.getByRole('status')).toContainText('The decision’s versions are unchanged.');
	await expect(page.locator('.ratifications')).toContainText(
		'Ratified by Strathmuir College: College board'
	);
	await expect(page.getByText('Verified: every version’s fingerprint matches')).toBeVisible();
	await visit(account);
	await expect(commitments).toContainText('Ratified by College board');
	await expect(commitments).not.toContainText('Ratification owed');

	// The college's annual statement, written for it by the officer, a version at a time.
	const statement = page.locator('form', {
		has: page.getByRole('button', { name: 'Save the statement' })
	});
	await statement.getByRole('button', { name: 'Save the statement' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the statement');
	await statement
		.getByLabel('Statement')
		.fill('The college plan commits 30 foundation places a year to the pathway.');
	await statement.getByRole('button', { name: 'Save the statement' }).click();
	await expect(page.getByRole('status')).toContainText('saved as version 1');
	await expect(page.locator('.statement')).toContainText('30 foundation places a year');
	await expectAccessible(page);
});
