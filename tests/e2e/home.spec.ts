// The partnership home (issue 14, "Finding things"): signed in, each person sees their next meetings and
// what is waiting for them, and the structure is one link away. Three people of the demo partnership:
// the secretariat officer, the NHS director on the board, and the community representative who is also
// on Northfield's forum. A paper restricted to the NHS is added to the board's next meeting first.
import type { Page } from '@playwright/test';
import type { TestServer } from '../support/server.ts';
import { expect, signIn, test } from './fixtures.ts';

const HOME = '/p/strathmuir';
const RESTRICTED = 'Delayed discharges by GP practice: patient-level extract';
const PUBLIC_PAPER = 'Child poverty in Strathmuir: local figures 2025/26';

const list = (page: Page, name: string) => page.getByRole('list', { name });

/** The NHS paper on the board's next meeting, as the projection stores a restricted paper's row. */
async function addRestrictedPaper(server: TestServer) {
	const [meeting, nhs] = await Promise.all([
		server.db.meeting.findFirstOrThrow({
			where: { title: 'Partnership Board', status: 'AGENDA_ISSUED' },
			select: { id: true }
		}),
		server.db.organisation.findFirstOrThrow({
			where: { name: 'NHS Strathmuir' },
			select: { id: true }
		})
	]);
	const officer = await server.db.user.findUniqueOrThrow({
		where: { email: 'officer@demo.example' },
		select: { id: true }
	});
	const id = `homespec${meeting.id.slice(-12)}`;
	await server.db.evidenceItem.upsert({
		where: { id },
		update: {},
		create: {
			id,
			meetingId: meeting.id,
			title: RESTRICTED,
			kind: 'STATISTICS',
			confidentiality: 'RESTRICTED',
			allowedOrganisationIds: [nhs.id],
			createdById: officer.id
		}
	});
}

// Every test's server is this file's own copy of the demo, so the paper reaches no other file.
test.beforeEach(({ server }) => addRestrictedPaper(server));

test('the officer sees every body’s next meeting, its papers, their actions and the priorities waiting', async ({
	page,
	visit
}) => {
	await signIn(page, 'officer@demo.example');
	await visit(HOME);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Strathmuir Community Planning Partnership'
	);
	const meetings = list(page, 'Your next meetings');
	await expect(
		meetings.getByRole('link', { name: /^Partnership Board, \d+ \w+ \d{4}$/ })
	).toBeVisible();
	await expect(meetings).toContainText('Strathmuir Partnership Board');

	await expect(list(page, 'Papers to read before your next meeting')).toContainText(PUBLIC_PAPER);
	// The council is not named on the NHS paper: the officer is told it exists, never its title.
	await expect(page.getByText(RESTRICTED)).toHaveCount(0);
	await expect(page.getByText('1 paper is restricted to other partners')).toBeVisible();

	const actions = list(page, 'Your open actions');
	const correct = actions.getByRole('listitem').filter({ hasText: 'Correct the annual report' });
	await expect(correct).toContainText('Overdue: was due');
	await expect(correct).toContainText('owned by you');

	const priorities = list(page, 'Priorities waiting on a body');
	await expect(
		priorities.getByRole('link', { name: 'A safe crossing on Mill Road by Riverside Primary' })
	).toBeVisible();
	await expect(
		priorities.getByRole('link', { name: 'Bring back the evening 14 bus' })
	).toBeVisible();
	await expect(priorities).toContainText('waiting for Northfield Locality Forum to submit it');

	await expect(page.getByText('No members’ surveys are waiting for your answers.')).toBeVisible();
});

test('the NHS director reads the paper restricted to the NHS; nothing waits on their bodies', async ({
	page,
	visit
}) => {
	await signIn(page, 'nhs@demo.example');
	await visit(HOME);
	const papers = list(page, 'Papers to read before your next meeting');
	await expect(papers.getByRole('link', { name: RESTRICTED })).toBeVisible();
	await expect(papers.getByRole('link', { name: PUBLIC_PAPER })).toBeVisible();
	await expect(page.getByText('restricted to other partners')).toHaveCount(0);
	await expect(page.getByText('No priorities are waiting on the bodies you sit on.')).toBeVisible();
	await expect(page.getByText('No members’ surveys are waiting for your answers.')).toBeVisible();
});

test('the community representative is asked for the survey, sees the forum’s new priority, and finds the structure one click away', async ({
	page,
	visit
}) => {
	await signIn(page, 'community@demo.example');
	await visit(HOME);
	// The board's next meeting, and the one their forum holds jointly with the health theme group.
	const meetings = list(page, 'Your next meetings');
	await expect(meetings.getByRole('listitem')).toHaveCount(2);
	await expect(
		meetings.getByRole('link', {
			name: /^Joint meeting: health and wellbeing in Northfield \(autumn\)/
		})
	).toBeVisible();
	await expect(list(page, 'Papers to read before your next meeting')).toContainText(PUBLIC_PAPER);
	await expect(page.getByText(RESTRICTED)).toHaveCount(0);

	await expect(
		page.getByText('No open actions are waiting on you or your organisation.')
	).toBeVisible();
	await expect(
		list(page, 'Priorities waiting on your bodies').getByRole('link', {
			name: 'Bring back the evening 14 bus'
		})
	).toBeVisible();
	const survey = list(page, 'Surveys open to you').getByRole('link', {
		name: /^Answer the survey on Partnership Board: special meeting on winter pressures, /
	});
	await expect(survey).toBeVisible();

	await page.getByRole('link', { name: 'Partnership structure' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'How the partnership is organised'
	);
	await expect(page).toHaveURL(/\/p\/strathmuir\/structure$/);
	await expect(page.getByRole('link', { name: 'Structure', exact: true })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await page.getByRole('link', { name: 'Home', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Waiting for you' })).toBeVisible();
});
