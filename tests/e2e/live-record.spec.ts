// The live page's record panels with three people at once: the NHS member challenges a paper, the chair
// sees it appear, the officer records the presenter's response, the chair records and amends the decision
// and adds an action, and everyone sees each change without reloading. Each test schedules a board
// meeting of its own and arranges it through the API and the shared documents, as the officer would.
import type { APIRequest, APIRequestContext, Browser } from '@playwright/test';
import * as Y from 'yjs';
import { addAgendaItem, agendaItems, AGENDA_FIELDS } from '../../src/lib/collab/agenda.ts';
import { decisionDrafts } from '../../src/lib/collab/decisions.ts';
import { addEvidenceItem, evidenceItems, EVIDENCE_FIELDS } from '../../src/lib/collab/evidence.ts';
import { connect, serverHasCaughtUp, waitFor } from '../support/sync.ts';
import { DEMO_PASSWORD, expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

interface RollEntry {
	membershipId: string;
	name: string;
	organisationId: string;
	organisationName: string;
	sector: string;
	seatRole: string | null;
	voting: boolean;
}

async function officerApi(request: APIRequest, baseURL: string) {
	const api = await request.newContext({ baseURL });
	const login = await api.post('/api/v1/auth/login', {
		data: { email: 'officer@demo.example', password: DEMO_PASSWORD }
	});
	expect(login.status()).toBe(200);
	const cookie = (await api.storageState()).cookies.find((c) => c.name === 'session')!;
	return { api, cookie: `session=${cookie.value}` };
}

/** Writes into one of the meeting's shared documents through the sync server and lets it store it. */
async function writeDocument(
	baseURL: string,
	cookie: string,
	name: string,
	write: (doc: Y.Doc) => void
) {
	const client = connect(baseURL, name, cookie);
	try {
		await client.synced;
		client.doc.transact(() => write(client.doc));
		// The server stores and projects updates as they come; disconnect once it has this one.
		await serverHasCaughtUp(baseURL, cookie, client);
	} finally {
		client.destroy();
	}
}

async function writeWording(
	baseURL: string,
	cookie: string,
	meetingId: string,
	itemId: string,
	wording: string
) {
	await writeDocument(baseURL, cookie, `meeting:${meetingId}:decisions`, (doc) => {
		const drafts = decisionDrafts(doc);
		const text = drafts.get(itemId);
		if (text) {
			text.delete(0, text.length);
			text.insert(0, wording);
		} else drafts.set(itemId, new Y.Text(wording));
	});
}

/**
 * A board meeting in progress at its one item (presented by the police), with a paper for the item and
 * draft wording in the decision log; those named (by sector, or all voting members) marked present.
 */
async function arrangeMeeting(
	api: APIRequestContext,
	cookie: string,
	baseURL: string,
	title: string,
	startsAt: string,
	present: (roll: RollEntry[]) => RollEntry[]
) {
	const bodies: { id: string; name: string }[] = await (
		await api.get('/api/v1/partnerships/strathmuir/bodies')
	).json();
	const board = bodies.find((b) => b.name === 'Strathmuir Partnership Board')!;
	const created = await api.post(`/api/v1/bodies/${board.id}/meetings`, {
		data: { title, startsAt }
	});
	expect(created.status()).toBe(201);
	const meetingId: string = (await created.json()).id;
	const rollOf = async () =>
		(
			(await (await api.get(`/api/v1/meetings/${meetingId}/attendance`)).json()) as {
				roll: RollEntry[];
			}
		).roll;
	const roll = await rollOf();
	const police = roll.find((e) => e.sector === 'POLICE' && e.voting)!;

	let itemId = '';
	await writeDocument(baseURL, cookie, `meeting:${meetingId}:agenda`, (doc) => {
		itemId = addAgendaItem(doc);
		const item = agendaItems(doc).get(itemId)!;
		(item.get(AGENDA_FIELDS.title) as Y.Text).insert(0, 'Winter pressures plan');
		item.set(AGENDA_FIELDS.purpose, 'DECISION');
		item.set(AGENDA_FIELDS.presenterOrganisationId, police.organisationId);
		item.set(AGENDA_FIELDS.minutes, 20);
	});
	await writeDocument(baseURL, cookie, `meeting:${meetingId}:evidence`, (doc) => {
		const paperId = addEvidenceItem(doc);
		const paper = evidenceItems(doc).get(paperId)!;
		(paper.get(EVIDENCE_FIELDS.title) as Y.Text).insert(0, 'Winter demand forecast');
		paper.set(EVIDENCE_FIELDS.agendaItemId, itemId);
	});
	await writeWording(
		baseURL,
		cookie,
		meetingId,
		itemId,
		'The board agrees the winter pressures plan.'
	);
	await waitFor(
		async () =>
			((await (await api.get(`/api/v1/meetings/${meetingId}`)).json()).items?.length ?? 0) > 0 &&
			((await (await api.get(`/api/v1/meetings/${meetingId}/evidence`)).json()).length ?? 0) > 0,
		'the agenda item and the paper to be stored'
	);
	expect(
		(await api.post(`/api/v1/meetings/${meetingId}/issue`, { data: { issueEmpty: true } })).status()
	).toBe(200);
	for (const entry of present(roll)) {
		const marked = await api.post(`/api/v1/meetings/${meetingId}/attendance`, {
			data: { membershipId: entry.membershipId, status: 'PRESENT' }
		});
		expect(marked.status()).toBe(200);
	}
	expect((await api.post(`/api/v1/meetings/${meetingId}/start`)).status()).toBe(200);
	// The board's next meeting also takes the demo's waiting matter arising (a forum's contested response)
	// as its first item: this test's item is the one taken now.
	const current = await api.post(`/api/v1/meetings/${meetingId}/current-item`, {
		data: { agendaItemId: itemId }
	});
	expect(current.status()).toBe(200);
	return { meetingId, itemId, police, roll };
}

async function open(browser: Browser, baseURL: string, email: string, url: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 800, height: 1000 } });
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto(url);
	await ready(page);
	await expect(page.locator('[data-live="live"]')).toBeVisible();
	await expectAccessible(page);
	return { page, close: () => context.close() };
}

test('a challenge, its response, an amended decision and an action reach all three live', async ({
	browser,
	baseURL,
	playwright
}) => {
	test.setTimeout(90_000);
	const { api, cookie } = await officerApi(playwright.request, baseURL!);
	const { meetingId, itemId, police } = await arrangeMeeting(
		api,
		cookie,
		baseURL!,
		`Live record board ${Date.now()}`,
		'2027-01-14T10:00',
		(roll) => roll.filter((e) => e.voting)
	);
	const live = `/p/strathmuir/meetings/${meetingId}/live`;
	const chair = await open(browser, baseURL!, 'chair@demo.example', `${live}?view=chair`);
	const officer = await open(browser, baseURL!, 'officer@demo.example', `${live}?view=recorder`);
	const nhs = await open(browser, baseURL!, 'nhs@demo.example', `${live}?view=members`);

	// The NHS member challenges the paper, quoting it, and puts it to the police.
	const raise = nhs.page.locator('form[action="?/challenge"]');
	await expect(raise.getByLabel('Raised by')).toHaveCount(0);
	await raise
		.getByLabel('What is challenged')
		.selectOption({ label: 'Paper: Winter demand forecast' });
	await raise
		.getByLabel('Quoted passage (optional)')
		.fill('Demand will peak in the first week of January.');
	await raise.getByLabel('Put to the person (optional)').selectOption(police.membershipId);
	await raise.getByLabel('Kind of challenge').selectOption('ASSUMPTION');
	await raise
		.getByLabel('The challenge, in the words used')
		.fill('Last winter the peak came in December; what is this forecast based on?');
	await raise.getByRole('button', { name: 'Raise the challenge' }).click();

	// The chair sees it without reloading, quote and all.
	const onChair = chair.page.locator('.challenge', { hasText: 'what is this forecast based on?' });
	await expect(onChair).toBeVisible();
	await expect(onChair.locator('blockquote')).toHaveText(
		'Demand will peak in the first week of January.'
	);
	await expect(onChair).toContainText('the paper “Winter demand forecast”');
	await expect(onChair).toContainText(police.name);
	await expect(onChair).toContainText('Awaiting a response');

	// The officer records the presenter's response on their behalf.
	const entry = officer.page.locator('.challenge', { hasText: 'what is this forecast based on?' });
	await entry.getByText('Record a response').click();
	const respond = entry.locator('form[action="?/respond"]');
	await expect(respond.getByLabel('Response by')).toHaveValue(police.membershipId);
	await respond
		.getByLabel('Response', { exact: true })
		.fill('The forecast uses three winters of admissions; the peak date is an average.');
	await respond.getByLabel('Status').selectOption('PARTLY');
	await respond.getByLabel('Effect on the decision').selectOption('AMENDED');
	await respond.getByRole('button', { name: 'Record the response' }).click();
	for (const page of [chair.page, nhs.page]) {
		const seen = page.locator('.challenge', { hasText: 'what is this forecast based on?' });
		await expect(seen).toContainText('three winters of admissions');
		await expect(seen).toContainText('Status: Partly answered, decision amended');
		await expect(seen).toContainText('recorded by');
	}

	// The chair records the decision by consensus.
	const decide = chair.page.locator('form[action="?/decide"]');
	await expect(chair.page.getByLabel('Wording of the decision')).toHaveValue(
		'The board agrees the winter pressures plan.'
	);
	await decide.getByText('Votes, dissent, evidence, alternatives, commitments, delegation').click();
	await expect(decide).toContainText('present and eligible to vote');
	await decide.getByLabel('Outcome').selectOption('AGREED');
	await decide.getByLabel('Consensus').check();
	await decide.getByLabel('Winter demand forecast').check();
	await decide.getByRole('button', { name: 'Record the decision' }).click();
	for (const page of [chair.page, officer.page, nhs.page]) {
		const version = page.locator('.decision [data-version="1"]');
		await expect(version).toContainText('Version 1');
		await expect(version).toContainText('The board agrees the winter pressures plan.');
		await expect(version.locator('code')).toHaveText(/^[0-9a-f]{12}$/);
	}
	await expectAccessible(chair.page);

	// The wording changes in the decision log; the chair amends: version 2 for everyone.
	await writeWording(
		baseURL!,
		cookie,
		meetingId,
		itemId,
		'The board agrees the winter pressures plan, with the forecast rerun in December.'
	);
	// The chair's console follows the decision log as it is written, without reloading.
	await chair.page.getByText('Amend (record a new version)').click();
	await expect(chair.page.getByLabel('Wording of the decision')).toHaveValue(
		'The board agrees the winter pressures plan, with the forecast rerun in December.'
	);
	const amend = chair.page.locator('form[action="?/amend"]');
	await expect(amend.getByLabel('Outcome')).toHaveValue('AGREED');
	await amend.getByRole('button', { name: 'Record the amended version' }).click();
	for (const page of [chair.page, officer.page, nhs.page]) {
		const version = page.locator('.decision > [data-version]');
		await expect(version).toContainText('Version 2');
		await expect(version).toContainText('with the forecast rerun in December.');
	}

	// An action on the decision.
	const add = chair.page.locator('form[action="?/addAction"]');
	await add
		.getByLabel('Action', { exact: true })
		.fill('Rerun the winter demand forecast with December data');
	await add.getByLabel('Owner organisation').selectOption(police.organisationId);
	await add.getByLabel('Due date (optional)').fill('2027-02-01');
	await add.getByRole('button', { name: 'Add the action' }).click();
	for (const page of [chair.page, officer.page, nhs.page]) {
		const row = page.getByRole('row', { name: /Rerun the winter demand forecast/ });
		await expect(row).toContainText('2027-02-01');
		await expect(row).toContainText('Open');
	}
	for (const who of [chair, officer, nhs]) await expectAccessible(who.page);

	await chair.close();
	await officer.close();
	await nhs.close();
	await api.dispose();
});

test('without a quorum the chair is warned and must confirm before the decision is recorded', async ({
	browser,
	baseURL,
	playwright
}) => {
	const { api, cookie } = await officerApi(playwright.request, baseURL!);
	const { meetingId } = await arrangeMeeting(
		api,
		cookie,
		baseURL!,
		`Inquorate board ${Date.now()}`,
		'2027-01-21T10:00',
		(roll) => roll.filter((e) => e.seatRole === 'CHAIR' || e.seatRole === 'VICE_CHAIR').slice(0, 2)
	);
	const chair = await open(
		browser,
		baseURL!,
		'chair@demo.example',
		`/p/strathmuir/meetings/${meetingId}/live?view=chair`
	);
	const page = chair.page;
	const decide = page.locator('form[action="?/decide"]');
	await expect(decide).toContainText(/Not quorate: 2 of \d+ present/);
	await decide.getByLabel('Outcome').selectOption('NOTED');
	await decide.getByText('Votes, dissent, evidence, alternatives, commitments, delegation').click();
	await decide.getByLabel('Alternatives considered').fill('Waiting for the next meeting');
	await decide.getByRole('button', { name: 'Record the decision' }).click();

	await expect(page.getByRole('alert')).toContainText('The meeting is not quorate');
	await expect(decide.getByLabel('Outcome')).toHaveValue('NOTED');
	await expect(decide.getByLabel('Alternatives considered')).toHaveValue(
		'Waiting for the next meeting'
	);
	await expectAccessible(page);
	await decide.getByLabel('Record it anyway, noting the meeting was not quorate').check();
	await decide.getByRole('button', { name: 'Record the decision' }).click();
	const version = page.locator('.decision [data-version="1"]');
	await expect(version).toContainText('Version 1');
	await expect(version).toContainText('Taken when the meeting was not quorate.');

	// Closing takes a ticked confirmation; then the drafted minutes are a link away.
	const close = page.locator('form[action="?/closeMeeting"]');
	await close.getByRole('button', { name: 'Close the meeting' }).click();
	await expect(page.getByRole('alert')).toContainText('Tick the box to confirm');
	await close.getByLabel('I confirm the meeting is to close').check();
	await close.getByRole('button', { name: 'Close the meeting' }).click();
	await expect(page.getByText('The meeting is closed.')).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Read and edit the drafted minutes' })
	).toHaveAttribute('href', `/p/strathmuir/meetings/${meetingId}?doc=minutes`);
	await expectAccessible(page);
	await chair.close();
	await api.dispose();
});
