// The decisions register, a decision's page, the actions list and matters arising, as people use them.
// The record is arranged as the meeting would make it: the meeting under way, people present and the
// decision log's wording written straight into the database, then the decisions, amendment, challenge and
// actions recorded through the API by the officer.
import type { APIRequestContext } from '@playwright/test';
import type { TestDb } from '../support/server.ts';
import { newId, storeWording } from '../support/record.ts';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';
let db: TestDb;
let arranged: {
	body: string;
	earlier: string;
	later: string;
	paper: string;
	ferry: string;
	hub: string;
	overdueAction: string;
};

// The database of this file's own demo server (fixtures.ts), for arranging records and reading them.
test.beforeEach(async ({ server }) => {
	db = server.db;
});

async function post(request: APIRequestContext, path: string, data: unknown) {
	const res = await request.post(path, { data });
	expect(res.status(), await res.text()).toBeLessThan(300);
	return res.json();
}

/** Two meetings of the Delivery Group: one recorded, one to come where its actions are matters arising. */
async function arrange(request: APIRequestContext) {
	const partnership = await db.partnership.findUniqueOrThrow({ where: { slug: SLUG } });
	const body = await db.body.findFirstOrThrow({
		where: { partnershipId: partnership.id, name: 'Strathmuir Delivery Group' }
	});
	const officer = await db.user.findUniqueOrThrow({ where: { email: 'officer@demo.example' } });
	const seats = await db.bodySeat.findMany({
		where: { bodyId: body.id, role: { in: ['CHAIR', 'MEMBER'] }, endedAt: null },
		include: { membership: true }
	});
	const meeting = (title: string, startsAt: Date, status: 'IN_PROGRESS' | 'AGENDA_ISSUED') =>
		db.meeting.create({
			data: {
				partnershipId: partnership.id,
				bodyId: body.id,
				title,
				startsAt,
				status,
				agendaIssuedAt: new Date(startsAt.getTime() - 7 * 86_400_000),
				startedAt: status === 'IN_PROGRESS' ? new Date() : null,
				createdById: officer.id
			}
		});
	const earlier = await meeting(
		'Delivery Group, spring',
		new Date('2026-03-05T10:00:00Z'),
		'IN_PROGRESS'
	);
	const later = await meeting(
		'Delivery Group, summer',
		new Date('2030-06-04T10:00:00Z'),
		'AGENDA_ISSUED'
	);
	const item = (order: number, title: string) =>
		db.agendaItem.create({
			data: { id: newId(), meetingId: earlier.id, order, title, purpose: 'DECISION' }
		});
	const ferryItem = await item(1, 'Winter ferry pilot');
	const hubItem = await item(2, 'Youth hub opening hours');
	const paper = await db.evidenceItem.create({
		data: { id: newId(), meetingId: earlier.id, title: 'Ferry usage report', kind: 'PERFORMANCE' }
	});
	for (const seat of seats)
		await db.attendance.create({
			data: {
				meetingId: earlier.id,
				membershipId: seat.membershipId,
				status: 'PRESENT',
				arrivedAt: new Date(),
				recordedById: officer.id
			}
		});
	await storeWording(db, earlier.id, {
		[ferryItem.id]: 'Extend the winter ferry pilot to March, funded from the transport budget.',
		[hubItem.id]: 'Open the youth hub on Saturday mornings.'
	});

	const [speaker, other] = seats.map((s) => s.membership);
	await post(request, `/api/v1/meetings/${earlier.id}/challenges`, {
		agendaItemId: ferryItem.id,
		raisedByMembershipId: speaker.id,
		kind: 'EVIDENCE',
		text: 'The usage figures leave out the island routes.',
		evidenceItemId: paper.id
	});
	const decide = (agendaItemId: string, extra: object = {}) =>
		post(request, `/api/v1/meetings/${earlier.id}/decisions`, {
			agendaItemId,
			outcome: 'AGREED',
			method: 'CONSENSUS',
			proceedWithoutQuorum: true,
			...extra
		});
	const ferry = await decide(ferryItem.id, { alternatives: 'End the pilot in December.' });
	await post(request, `/api/v1/decisions/${ferry.id}/versions`, {
		outcome: 'AGREED',
		method: 'CONSENSUS',
		proceedWithoutQuorum: true,
		alternatives: 'End the pilot in December; run it all year.',
		evidenceItemIds: [paper.id]
	});
	const hub = await decide(hubItem.id);
	const overdue = await post(request, `/api/v1/decisions/${ferry.id}/actions`, {
		text: 'Publish the winter timetable',
		ownerOrganisationId: other.organisationId,
		dueOn: '2026-03-20'
	});
	await post(request, `/api/v1/decisions/${hub.id}/actions`, {
		text: 'Recruit Saturday youth workers',
		ownerOrganisationId: speaker.organisationId,
		dueOn: '2030-01-15'
	});
	return {
		body: body.id,
		earlier: earlier.id,
		later: later.id,
		paper: paper.id,
		ferry: ferry.id,
		hub: hub.id,
		overdueAction: overdue.id
	};
}

test.describe.configure({ mode: 'serial' });

test('the officer searches the register and reads a decision with its versions', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	arranged = await arrange(page.request);

	// Other tests record decisions of the board in the same demo data: look at the Delivery Group's.
	await visit(`/p/${SLUG}/decisions?bodyId=${arranged.body}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decisions register');
	await expect(page.getByText('2 decisions found', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Winter ferry pilot' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Youth hub opening hours' })).toBeVisible();

	await page.getByLabel('Words in the decision or item').fill('ferry');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/[?&]q=ferry/);
	await expect(page.getByText('1 decision found')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Youth hub opening hours' })).toHaveCount(0);
	await expect(page.getByLabel('Words in the decision or item')).toHaveValue('ferry');

	await page.getByRole('link', { name: 'Winter ferry pilot' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Winter ferry pilot');
	await visit(`/p/${SLUG}/decisions/${arranged.ferry}`);
	await expect(page.getByRole('heading', { name: 'Current wording (version 2)' })).toBeVisible();
	await expect(page.getByText('End the pilot in December; run it all year.')).toBeVisible();
	await expect(page.getByText(/Verified: every version/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Ferry usage report' }).first()).toBeVisible();
	const first = page.locator('details.version', { hasText: 'Version 1' });
	await expect(first).toHaveCount(1);
	await first.locator('summary').click();
	await expect(first.getByText('End the pilot in December.', { exact: true })).toBeVisible();
	await expect(page.getByText('The usage figures leave out the island routes.')).toBeVisible();
	await expect(page.getByText('Status: Not yet answered')).toBeVisible();
});

test('the status form moves an action on, and the actions page marks overdue ones in words', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/decisions/${arranged.ferry}`);
	const row = page.getByRole('row', { name: /Publish the winter timetable/ });
	await expect(row.getByRole('cell', { name: 'Open', exact: true })).toBeVisible();
	await row.getByLabel(/Status of the action/).selectOption('IN_PROGRESS');
	await row.getByRole('button', { name: /Update/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'now “In progress”' })).toBeVisible();
	await expect(row.getByRole('cell', { name: 'In progress', exact: true })).toBeVisible();

	// The demo's own board actions are in the same data: look at the Delivery Group's.
	await visit(`/p/${SLUG}/actions?bodyId=${arranged.body}`);
	const overdue = page.getByRole('row', { name: /Publish the winter timetable/ });
	await expect(overdue.getByText('Overdue')).toBeVisible();
	await expect(
		page.getByRole('row', { name: /Recruit Saturday youth workers/ }).getByText('Overdue')
	).toHaveCount(0);
	await page.getByLabel('Status', { exact: true }).selectOption('IN_PROGRESS');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/status=IN_PROGRESS/);
	await expect(page.getByText('1 action found')).toBeVisible();
	await expect(page.getByRole('row', { name: /Recruit Saturday youth workers/ })).toHaveCount(0);
	await expect(page.getByLabel('Status', { exact: true })).toHaveValue('IN_PROGRESS');
	await visit(`/p/${SLUG}/actions?status=IN_PROGRESS&bodyId=${arranged.body}`);
});

test('the next meeting lists open actions as matters arising, and each paper its challenges', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/meetings/${arranged.later}`);
	const matters = page.getByRole('table', { name: /Open actions from earlier meetings/ });
	await expect(matters.getByRole('row', { name: /Publish the winter timetable/ })).toBeVisible();
	await expect(matters.getByRole('row', { name: /Recruit Saturday youth workers/ })).toBeVisible();
	await matters.getByRole('link', { name: 'Youth hub opening hours' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Youth hub opening hours');

	await visit(`/p/${SLUG}/meetings/${arranged.earlier}`);
	const paper = page.locator(`#paper-${arranged.paper}`);
	await paper.getByText('1 challenge').click();
	await expect(paper.getByRole('listitem')).toContainText(/Evidence, by [^:]+:\s+not yet answered/);
	await paper.getByRole('link', { name: 'On Winter ferry pilot' }).click();
	await expect(page.getByRole('heading', { name: 'Challenges on this item' })).toBeVisible();
});

test('an action’s owner reports progress, and a blocked action says so in the next meeting’s matters arising', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/actions?bodyId=${arranged.body}`);
	await page.getByRole('link', { name: 'Recruit Saturday youth workers' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Recruit Saturday youth workers'
	);
	await expect(page.getByText('No progress has been reported yet.')).toBeVisible();

	const form = page.locator('form', {
		has: page.getByRole('button', { name: 'Record the update' })
	});
	await form.getByLabel('How far along, as a percentage (optional)').fill('30');
	await form.getByRole('button', { name: 'Record the update' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Enter what has happened since the last update'
	);
	await expect(form.getByLabel('How far along, as a percentage (optional)')).toHaveValue('30');
	await expectAccessible(page);

	await form
		.getByLabel('What has happened since the last update')
		.fill('Two youth workers interviewed; one accepted.');
	await form
		.getByLabel('What stands in the way (optional)')
		.fill('Disclosure checks are taking eight weeks.');
	await form.getByRole('button', { name: 'Record the update' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Your update has been recorded.' })
	).toBeVisible();
	const history = page.getByRole('list').filter({ hasText: 'Two youth workers interviewed' });
	await expect(history).toContainText('30% done.');
	await expect(history).toContainText('In the way: Disclosure checks are taking eight weeks.');
	await expect(page.locator('.summary')).toContainText('Blocked');

	// What the partners put in: money, staff time or both, with the totals.
	const commit = page.locator('form', {
		has: page.getByRole('button', { name: 'Record the commitment' })
	});
	await commit.getByRole('button', { name: 'Record the commitment' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the money, the staff time or both');
	await commit.getByLabel('Money, in whole pounds (optional)').fill('4500');
	await commit.getByLabel('Staff time, in days (optional)').fill('12');
	await commit.getByRole('button', { name: 'Record the commitment' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The commitment has been recorded.' })
	).toBeVisible();
	const resources = page.getByRole('table', { name: 'Resources committed by each partner' });
	await expect(resources.getByRole('row', { name: /In all/ })).toContainText('£4,500');
	await expect(resources.getByRole('row', { name: /In all/ })).toContainText('12 days');
	await expectAccessible(page);

	await visit(`/p/${SLUG}/meetings/${arranged.later}`);
	const matters = page.getByRole('table', { name: /Open actions from earlier meetings/ });
	const row = matters.getByRole('row', { name: /Recruit Saturday youth workers/ });
	await expect(row).toContainText('Blocked');
	await expect(row).toContainText('Two youth workers interviewed; one accepted.');
	await expect(matters.getByRole('row', { name: /Publish the winter timetable/ })).toContainText(
		'Overdue'
	);
});
