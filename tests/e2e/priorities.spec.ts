// One priority from a community representative's entry on the forum, up to the board and back: submitted,
// accepted, scheduled on a board meeting's agenda, linked to the decision recorded there, the drafted
// response edited and published by the officer, and accepted by the forum. The board meeting and its
// decision are arranged straight into the database and through the API, as the register test does.
import type { APIRequestContext } from '@playwright/test';
import type { TestDb } from '../support/server.ts';
import { newId, storeWording } from '../support/record.ts';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';
const TITLE = 'Warm spaces open on winter evenings';
let db: TestDb;
let forumId: string;
let priorityUrl: string;

// The database of this file's own demo server (fixtures.ts), for arranging records and reading them.
test.beforeEach(async ({ server }) => {
	db = server.db;
	const forum = await db.body.findFirstOrThrow({ where: { name: 'Northfield Locality Forum' } });
	forumId = forum.id;
});

/** A board meeting under way with an item on warm spaces, everyone seated on the board present. */
async function arrangeBoardMeeting() {
	const board = await db.body.findFirstOrThrow({ where: { name: 'Strathmuir Partnership Board' } });
	const officer = await db.user.findUniqueOrThrow({ where: { email: 'officer@demo.example' } });
	const meeting = await db.meeting.create({
		data: {
			partnershipId: board.partnershipId,
			bodyId: board.id,
			title: 'Board, winter planning',
			startsAt: new Date('2030-11-05T10:00:00Z'),
			status: 'IN_PROGRESS',
			agendaIssuedAt: new Date('2030-10-29T10:00:00Z'),
			startedAt: new Date(),
			createdById: officer.id
		}
	});
	const item = await db.agendaItem.create({
		data: {
			id: newId(),
			meetingId: meeting.id,
			order: 1,
			title: 'Warm spaces',
			purpose: 'DECISION'
		}
	});
	const seats = await db.bodySeat.findMany({
		where: { bodyId: board.id, role: { in: ['CHAIR', 'VICE_CHAIR', 'MEMBER'] }, endedAt: null }
	});
	for (const seat of seats)
		await db.attendance.create({
			data: {
				meetingId: meeting.id,
				membershipId: seat.membershipId,
				status: 'PRESENT',
				arrivedAt: new Date(),
				recordedById: officer.id
			}
		});
	await storeWording(db, meeting.id, {
		[item.id]: 'Fund three warm spaces in Northfield to open on winter evenings.'
	});
	return { meeting, item };
}

async function recordDecision(request: APIRequestContext, meetingId: string, agendaItemId: string) {
	const res = await request.post(`/api/v1/meetings/${meetingId}/decisions`, {
		data: { agendaItemId, outcome: 'AGREED', method: 'CONSENSUS', proceedWithoutQuorum: true }
	});
	expect(res.status(), await res.text()).toBeLessThan(300);
	return ((await res.json()) as { id: string }).id;
}

test.describe.configure({ mode: 'serial' });

test('a community representative records a priority on the forum and submits it', async ({
	page,
	visit
}) => {
	await signIn(page, 'community@demo.example');
	await visit(`/p/${SLUG}/bodies/${forumId}`);
	await page.getByRole('link', { name: 'Priorities of Northfield Locality Forum' }).click();
	await visit(`/p/${SLUG}/bodies/${forumId}/priorities`);

	// Without a title the form comes back with what was typed.
	await page.getByLabel('What people said').fill('Older people sit in the cold after 4pm.');
	await page.getByLabel('Method', { exact: true }).selectOption('SURVEY');
	await page.getByRole('button', { name: 'Record the priority' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the priority’s title');
	await expect(page.getByLabel('What people said')).toHaveValue(
		'Older people sit in the cold after 4pm.'
	);
	await expect(page.getByLabel('Method', { exact: true })).toHaveValue('SURVEY');

	await page.getByLabel('Title').fill(TITLE);
	await page.getByLabel('Area it concerns').fill('Northfield');
	await page.getByLabel('Theme').fill('Poverty');
	await page.getByLabel('Method', { exact: true }).selectOption('PUBLIC_MEETING');
	await page.getByLabel('Number of people who took part').fill('42');
	await page.getByLabel('Groups reached').fill('Pensioners’ club, tenants’ association');
	await page.getByLabel('Groups not reached').fill('Young carers');
	await page.getByLabel('Inclusion').check();
	await page.getByLabel('Communication').check();
	await page.getByRole('button', { name: 'Record the priority' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	priorityUrl = new URL(page.url()).pathname;
	await visit(priorityUrl);
	await expect(page.getByText('Inclusion: met')).toBeVisible();
	await expect(page.getByText('Impact: not met')).toBeVisible();

	await page.getByRole('button', { name: 'Submit to Strathmuir Partnership Board' }).click();
	await expect(page.getByRole('status')).toContainText('Recorded: Submitted');
	await expect(page.locator('.timeline li')).toHaveCount(2);
	await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0);
});

test('the officer accepts, schedules, links the decision and publishes the response', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	const { meeting, item } = await arrangeBoardMeeting();
	await visit(priorityUrl);
	await page.getByLabel('Lead partner').selectOption({ label: 'Strathmuir Council' });
	// Accepting states the influence the forum can expect and the day it will hear back by.
	await page.getByRole('button', { name: 'Accept' }).click();
	await expect(page.getByText('Choose the influence the forum can expect').first()).toBeVisible();
	await expect(page.getByText(/Enter the day the forum will hear back by/).first()).toBeVisible();
	await expect(page.getByLabel('Lead partner')).toHaveValue(/.+/);
	await expectAccessible(page);
	await page.getByLabel('Influence the forum can expect').selectOption('INVOLVE');
	await page.getByLabel('The forum will hear back by').fill('2199-01-01');
	await page.getByRole('button', { name: 'Accept' }).click();
	await expect(page.getByRole('status')).toContainText('Recorded: Accepted');
	await expect(page.getByText('Promised: Involve; not decided yet')).toBeVisible();
	await expect(
		page.getByText('Influence promised: Involve; the forum hears back by')
	).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Agenda item').selectOption(item.id);
	await page.getByRole('button', { name: 'Schedule' }).click();
	await expect(page.getByRole('status')).toContainText('Recorded: Scheduled on an agenda');

	const decisionId = await recordDecision(page.request, meeting.id, item.id);
	await visit(priorityUrl);
	await page.getByLabel('Decision', { exact: true }).selectOption(decisionId);
	await expect(page.getByText('It was promised: Involve')).toBeVisible();
	await page.getByLabel('Influence the forum had').selectOption('CONSULT');
	await page.getByRole('button', { name: 'Record the decision' }).click();
	await expect(page.getByRole('status')).toContainText('Recorded: Decided');
	await expect(
		page.getByText('Promised: Involve; achieved: Consult — less than promised')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Warm spaces' }).first()).toBeVisible();

	await visit(priorityUrl);
	await page.getByLabel('What happens next').fill('The council opens the spaces from December.');
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toContainText('draft response has been saved');
	await expect(page.getByLabel('What happens next')).toHaveValue(
		'The council opens the spaces from December.'
	);
	await page.getByRole('button', { name: 'Publish to the forum’s public page' }).click();
	await expect(page.getByRole('status')).toContainText('has been published');

	await visit(`/p/${SLUG}/decisions/${decisionId}`);
	await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
	await visit(`/p/${SLUG}/priorities?status=FEEDBACK_PUBLISHED`);
	await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
});

test('the community representative accepts the response', async ({ page, visit }) => {
	await signIn(page, 'community@demo.example');
	await visit(priorityUrl);
	await expect(page.getByText('The council opens the spaces from December.')).toBeVisible();
	await page.getByLabel('Accepted').check();
	await page.getByRole('button', { name: 'Give the forum’s answer' }).click();
	await expect(page.getByRole('status')).toContainText('answer has been recorded');
	await expect(page.getByText('Northfield Locality Forum accepted this response')).toBeVisible();

	// The forum may change its verdict once, saying why; then it is final.
	await expect(page.getByRole('heading', { name: 'Change the forum’s verdict' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Contested').check();
	await page.getByLabel('Comment').fill('The spaces close at four, before people finish work.');
	await page.getByRole('button', { name: 'Change the forum’s verdict' }).click();
	await expect(page.getByText('Say why the forum changes its verdict').first()).toBeVisible();
	await page
		.getByLabel('Why the forum changes its verdict')
		.fill('Residents told the forum’s next meeting that the spaces close at four.');
	await page.getByRole('button', { name: 'Change the forum’s verdict' }).click();
	await expect(page.getByText(/changed its verdict: it now contests this response/)).toBeVisible();
	await expect(page.getByText('The verdict is final')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Change the forum’s verdict' })).toHaveCount(0);

	// Now contested, the response goes back to the board as a matter arising: on its next open agenda, or
	// waiting for its next meeting. Either way the priority's page says which (and passes axe).
	await visit(priorityUrl);
	await expect(page.getByRole('heading', { name: 'Matter arising' })).toBeVisible();
	await expect(
		page.getByText(`Matter arising: ${TITLE} — response contested by Northfield Locality Forum`, {
			exact: true
		})
	).toBeVisible();
	const onAgenda = page.locator('#matter-arising + ul a[href*="/meetings/"]');
	if (await onAgenda.count()) {
		await onAgenda.first().click();
		await expect(
			page.getByRole('heading', { name: 'Responses contested by forums' })
		).toBeVisible();
		await visit(page.url());
	} else await expect(page.getByText(/^Waiting$/)).toBeVisible();

	// Signed out, the forum's public page shows the published response and both verdicts.
	await page.context().clearCookies();
	await visit(`/public/${SLUG}/forums/${forumId}`);
	await expect(page.getByText(TITLE).first()).toBeVisible();
	await expect(page.getByText('The council opens the spaces from December.')).toBeVisible();
	const response = page.getByRole('article', { name: TITLE });
	await expect(response).toContainText('The forum accepted this response on');
	await expect(response).toContainText(
		'the forum changed its verdict: it now contests this response'
	);
	await expect(response).toContainText('the spaces close at four');
});

test('an officer not seated on the forum is not offered the forum’s verdict', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit(priorityUrl);
	await expect(page.getByRole('heading', { name: 'The forum’s answer' })).toBeVisible();
	await expect(page.getByRole('button', { name: /forum’s (answer|verdict)/ })).toHaveCount(0);
});

test('Raise a priority is on the Priorities page for those who may, naming the bodies they raise for', async ({
	page,
	visit
}) => {
	// The community representative sits on the forum and on the board: those two, and nothing else.
	await signIn(page, 'community@demo.example');
	await visit(`/p/${SLUG}/priorities`);
	await page.getByText('Raise a priority', { exact: true }).click();
	await expect(page.locator('details.raise').getByRole('link')).toHaveText([
		'Northfield Locality Forum',
		'Strathmuir Partnership Board'
	]);
	await page
		.locator('details.raise')
		.getByRole('link', { name: 'Northfield Locality Forum' })
		.click();
	await expect(page).toHaveURL(new RegExp(`/bodies/${forumId}/priorities#record$`));
	await expect(page.getByRole('heading', { level: 2, name: 'Record a priority' })).toBeVisible();

	// An officer may raise for any body, so chooses which.
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/priorities`);
	await page.getByText('Raise a priority', { exact: true }).click();
	const bodies = page.locator('details.raise').getByRole('link');
	await expect(bodies.filter({ hasText: 'Northfield Locality Forum' })).toBeVisible();
	await expect(bodies.filter({ hasText: 'Strathmuir Partnership Board' })).toBeVisible();
	await expectAccessible(page);

	// Someone who may raise for one body only goes straight to it.
	await signIn(page, 'tsi@demo.example');
	await visit(`/p/${SLUG}/priorities`);
	await expect(page.locator('details.raise')).toHaveCount(0);
	await page
		.getByRole('link', { name: 'Raise a priority for Strathmuir Partnership Board' })
		.click();
	await expect(page).toHaveURL(/\/bodies\/[a-z0-9]+\/priorities#record$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Strathmuir Partnership Board'
	);
	await expect(page.getByRole('heading', { level: 2, name: 'Record a priority' })).toBeVisible();

	// A reviewer takes no part in the bodies' work: nothing to raise.
	await signIn(page, 'reviewer@demo.example');
	await visit(`/p/${SLUG}/priorities`);
	await expect(page.getByRole('heading', { level: 1, name: 'Forum priorities' })).toBeVisible();
	await expect(page.getByText('Raise a priority')).toHaveCount(0);
});
