import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

test.beforeEach(async ({ page }) => {
	await signIn(page, 'officer@demo.example');
});

test('an officer schedules a board meeting, adds a paper with a file and issues the agenda', async ({
	page,
	server,
	visit
}) => {
	await visit('/p/strathmuir/bodies');
	await page.getByRole('link', { name: 'Strathmuir Partnership Board' }).first().click();
	await ready(page);
	await expect(page.getByRole('heading', { name: 'Meetings', exact: true })).toBeVisible();
	await expectAccessible(page);

	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Schedule meeting' })
	});
	await form.getByLabel('Starts at').fill('2026-09-10T10:00');
	await form.getByLabel('Place (optional)').fill('Council chambers');
	await form.getByRole('button', { name: 'Schedule meeting' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the meeting’s title');
	await expect(form.getByLabel('Place (optional)')).toHaveValue('Council chambers');
	await expectAccessible(page);

	await form.getByLabel('Title').fill('September board');
	await form.getByRole('button', { name: 'Schedule meeting' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('September board');
	await expect(
		page.getByRole('status').filter({ hasText: 'The meeting has been scheduled.' })
	).toBeVisible();
	await expect(page.getByText(/10 September 2026 at 10:00/)).toBeVisible();
	await ready(page);
	await expectAccessible(page);

	const meetingId = page.url().split('/meetings/')[1].split('?')[0];
	const organisations = await (
		await page.request.get('/api/v1/partnerships/strathmuir/organisations')
	).json();
	const added = await page.request.post(`/api/v1/meetings/${meetingId}/evidence`, {
		data: {
			title: 'Case review',
			kind: 'RISK',
			allowedOrganisationIds: [organisations[0].id]
		}
	});
	expect(added.status()).toBe(201);
	await page.reload();
	await ready(page);
	const row = page.getByRole('row', { name: /Case review/ });
	await expect(row).toContainText('Restricted');
	await row.getByLabel('File for Case review').setInputFiles({
		name: 'review.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.7\n%%EOF\n')
	});
	await row.getByRole('button', { name: 'Upload file for Case review' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The file has been attached.' })
	).toBeVisible();
	await expect(row.getByRole('link', { name: 'review.pdf' })).toBeVisible();
	await expectAccessible(page);

	// Issuing says what it will do and to whom; with no items on the agenda it needs a deliberate yes.
	const seated = await server.db.bodySeat.count({
		where: { body: { name: 'Strathmuir Partnership Board' }, endedAt: null }
	});
	const issuing = page.locator('.panel', {
		has: page.getByRole('heading', { name: 'Issue the agenda' })
	});
	await expect(issuing).toContainText(
		`Issuing sends the agenda to the ${seated} people seated on Strathmuir Partnership Board and notifies each of them.`
	);
	await expect(issuing).toContainText('The agenda has no items yet.');
	const issue = issuing.getByRole('button', {
		name: `Issue the agenda and notify ${seated} people`
	});
	// Nothing goes out without a ticked confirmation, and an empty agenda needs its own.
	await issue.click();
	await expect(page.getByRole('alert')).toContainText(
		'Tick the box to confirm that the agenda is to be issued'
	);
	await issuing
		.getByLabel(`I confirm the agenda is to be issued and ${seated} people notified`)
		.check();
	await issue.click();
	await expect(page.getByRole('alert')).toContainText(
		`Issuing it would notify ${seated} people of an empty agenda`
	);
	await expect(
		page.getByRole('status').filter({ hasText: 'The agenda has been issued.' })
	).toHaveCount(0);
	await expectAccessible(page);
	await issuing.getByLabel('Issue it with no items all the same').check();
	await issue.click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The agenda has been issued.' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Issue the agenda' })).toHaveCount(0);
	await expectAccessible(page);
});

test('a body’s page puts its next meetings first and its past ones newest first, each named with its date', async ({
	page,
	server,
	visit
}) => {
	const board = await server.db.body.findFirstOrThrow({
		where: { name: 'Strathmuir Partnership Board' }
	});
	const meetings = await server.db.meeting.findMany({
		where: { bodyId: board.id },
		orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
		select: { title: true, status: true, startsAt: true }
	});
	const finished = (m: { status: string }) => ['CLOSED', 'MINUTES_APPROVED'].includes(m.status);
	const upcoming = meetings.filter((m) => !finished(m));
	const past = meetings.filter(finished).reverse();
	expect(upcoming.length).toBeGreaterThan(0);
	expect(past.length).toBeGreaterThan(1);
	const day = (at: Date) =>
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium' }).format(at);

	await visit(`/p/strathmuir/bodies/${board.id}`);
	const soon = page.getByRole('table', {
		name: 'Coming up: meetings of Strathmuir Partnership Board'
	});
	await expect(soon.getByRole('link')).toHaveText(
		upcoming.map((m) => `${m.title}, ${day(m.startsAt)}`)
	);
	const before = page.getByRole('table', { name: 'Past meetings of Strathmuir Partnership Board' });
	await expect(before.getByRole('link')).toHaveText(
		past.map((m) => `${m.title}, ${day(m.startsAt)}`)
	);
	// Coming up is above the record.
	const [soonBox, beforeBox] = [await soon.boundingBox(), await before.boundingBox()];
	expect(soonBox!.y).toBeLessThan(beforeBox!.y);
});

test('a paper added with its file is in the pack and the list for every co-editor at once, without a reload', async ({
	browser,
	baseURL,
	page
}) => {
	// The officer (signed in above) and the chair, each on the upcoming board meeting's evidence pack.
	const bodies = await (await page.request.get('/api/v1/partnerships/strathmuir/bodies')).json();
	const board = bodies.find((b: { name: string }) => b.name === 'Strathmuir Partnership Board');
	const meetings = await (await page.request.get(`/api/v1/bodies/${board.id}/meetings`)).json();
	const id = meetings.find((m: { status: string }) => m.status === 'AGENDA_ISSUED').id;
	const address = `/p/strathmuir/meetings/${id}?doc=evidence`;
	const chairContext = await browser.newContext({ baseURL });
	const chair = await chairContext.newPage();
	await signIn(chair, 'chair@demo.example');
	for (const p of [page, chair]) {
		await p.goto(address);
		await ready(p);
		await expect(p.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
			'all changes synced'
		);
	}
	// Neither page may reload: a reload would drop this mark.
	await chair.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
	const papers = (p: typeof page) => p.getByRole('table', { name: 'Papers in the evidence pack' });
	const packTitles = (p: typeof page) =>
		p
			.locator('input[id^="shared-evidence-"][id$="-title"]')
			.evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value));

	// The pack points to the one form; with no audience chosen, the form asks for one and keeps the rest.
	await page.getByRole('link', { name: 'Add a paper' }).click();
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Add the paper' }) });
	await form.getByLabel('Title').fill('Bus route survey results');
	await form.getByLabel('Kind of evidence').selectOption({ label: 'Consultation findings' });
	await form.getByRole('button', { name: 'Add the paper' }).click();
	await expect(page.locator('#paper-confidentiality')).toContainText(
		'Choose who may see the paper'
	);
	await expect(form.getByLabel('Title')).toHaveValue('Bus route survey results');
	// The organisations are asked for only for a paper for named partners.
	await expect(form.getByRole('group', { name: 'Which partners may see it' })).toHaveCount(0);
	await expectAccessible(page);

	await form.getByRole('radio', { name: 'All partners' }).check();
	await form.getByLabel('File (optional)').setInputFiles({
		name: 'survey.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.7\n%%EOF\n')
	});
	await form.getByRole('button', { name: 'Add the paper' }).click();
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'The paper has been added to the pack with its file.' })
	).toBeVisible();
	// In the pack, ready to write in, and in the list with its file, for both.
	for (const p of [page, chair]) {
		await expect.poll(() => packTitles(p)).toContain('Bus route survey results');
		await expect(
			papers(p)
				.getByRole('row', { name: /Bus route survey results/ })
				.getByRole('link', { name: 'survey.pdf' })
		).toBeVisible();
	}
	expect(
		await chair.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)
	).toBe(true);
	await expectAccessible(chair);
	await chairContext.close();
});
