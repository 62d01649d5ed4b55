// The proof: a whole demo meeting run by three people at once, each in their own browser: the
// chair on the chair's console, the officer on the recorder, the NHS member (the board's vice-chair) on
// the members' view. A declaration with withdrawal, attendance to quorum, speakers, two challenges with
// responses, a decision amended to a second version, an action, closing and the drafted minutes; every
// change is checked on the OTHER people's pages, without reloading.
//
// It runs the demo's upcoming "Partnership Board" meeting itself, to CLOSED. That is safe for the other
// browser tests: every spec file has a server of its own on a fresh copy of the demo (fixtures.ts), so
// whatever this file does to the meeting, no other file sees it. Items are found by title, never place.
import type { Browser, Page } from '@playwright/test';
import { demoMeeting } from './demo-meeting.ts';
import { expect, expectAccessible, ready, signIn, test } from './fixtures.ts';

const POVERTY = 'Child poverty action plan: annual report';
const WINTER = 'Winter plan for community safety';
const POVERTY_PAPER = 'Child poverty in Strathmuir: local figures 2025/26';
const EQUALITY_PAPER = 'Equality impact assessment of the winter plan';
const DRAFT =
	'The board agrees the winter plan for community safety, with partners committing the staff time set out in section 4, and asks for a progress report in March.';
const AMENDED =
	'The board agrees the winter plan for community safety, with partners committing the staff time set out in section 4, keeps the evening bus services to warm spaces running, and asks for a progress report in March.';

const CHAIR = 'Cllr Morven Drysdale';
const NHS = 'Dr Anwar Qadir';
const POLICE = 'Ch Supt Elaine Murdoch';
const TSI = 'Priya Lindsay';
const OFFICER = 'Callum Rennie';
const COUNCIL = 'Strathmuir Council';
const PRESENT = [CHAIR, NHS, POLICE, 'Ross Kilbride', TSI, 'Tam Baird'];

async function person(browser: Browser, baseURL: string, email: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1000, height: 1000 } });
	const page = await context.newPage();
	await signIn(page, email);
	return { page, context, close: () => context.close() };
}

/** Opens a live view and checks it is following the meeting's events, and accessible. */
async function openLive(page: Page, url: string) {
	await page.goto(url);
	await ready(page);
	await expect(page.locator('[data-live]')).toHaveAttribute('data-live', 'live');
	await expectAccessible(page);
}

const quorum = (page: Page) =>
	page.getByRole('region', { name: 'Attendance and quorum' }).locator('.quorum');
const currentItem = (page: Page) => page.getByRole('region', { name: 'Current item' });
const speakers = (page: Page) => page.getByRole('region', { name: 'Speakers' });
const challenge = (page: Page, words: string) => page.locator('.challenge', { hasText: words });

test('chair, officer and NHS member run a whole demo meeting together, live', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const chair = await person(browser, baseURL!, 'chair@demo.example');
	const officer = await person(browser, baseURL!, 'officer@demo.example');
	const nhs = await person(browser, baseURL!, 'nhs@demo.example');
	const id = await demoMeeting(officer.page);
	const meetingPage = `/p/strathmuir/meetings/${id}`;
	const live = `${meetingPage}/live`;

	await openLive(chair.page, `${live}?view=chair`);
	await openLive(nhs.page, `${live}?view=members`);
	await expect(chair.page.getByText('The meeting has not started yet.')).toBeVisible();

	// 1. Before the meeting starts, the NHS member declares an interest in the winter plan and will
	// withdraw from it; the chair sees it, in the declarations and under the agenda item.
	const declare = nhs.page.locator('form', {
		has: nhs.page.getByRole('button', { name: 'Declare interest' })
	});
	await declare.getByLabel('Item').selectOption({ label: WINTER });
	await declare
		.getByLabel('Nature of the interest')
		.fill('My spouse manages the fire service’s home safety visits contract');
	await declare.getByLabel('What you will do').selectOption({ label: 'Withdraw from the item' });
	await declare.getByRole('button', { name: 'Declare interest' }).click();
	await expect(nhs.page.getByText(`Interest declared by ${NHS}.`)).toBeVisible();
	const declarations = chair.page.getByRole('region', { name: 'Declarations of interest' });
	await expect(declarations).toContainText('home safety visits contract');
	await expect(declarations).toContainText('Withdrew from the item');
	await expect(declarations).toContainText(NHS);

	// 2. The chair starts the meeting; the officer marks people present as they arrive; all three see
	// the quorum line turn to quorate.
	await chair.page.getByRole('button', { name: 'Start the meeting' }).click();
	await expect(currentItem(chair.page).getByRole('timer')).toBeVisible();
	await expect(currentItem(nhs.page).getByRole('timer')).toBeVisible();
	await openLive(officer.page, `${live}?view=recorder`);
	for (const page of [chair.page, officer.page, nhs.page])
		await expect(quorum(page)).toHaveText(/^Not quorate: 0 present, 6 needed$/);
	const roll = officer.page.getByRole('table', { name: 'Roll of the meeting' });
	for (const [i, name] of PRESENT.entries()) {
		await roll.getByRole('button', { name: `Present: ${name}` }).click();
		await expect(
			roll
				.getByRole('row', { name: new RegExp(name) })
				.locator('td')
				.nth(2)
		).toHaveText('Present');
		if (i === 1) await expect(quorum(chair.page)).toHaveText('Not quorate: 2 present, 6 needed');
	}
	for (const page of [chair.page, officer.page, nhs.page])
		await expect(quorum(page)).toHaveText('Quorate: 6 present, 6 needed');
	await expect(nhs.page.getByText('You are recorded as: Present')).toBeVisible();

	// The board's last meeting (the demo's special meeting, closed, its minutes drafted) has its minutes
	// approved at this one: they are frozen into a version and published.
	const previousLink = chair.page.getByRole('link', {
		name: /^Read the minutes of Partnership Board: special/
	});
	const previousId = /meetings\/([^/]+)\/minutes/.exec(
		(await previousLink.getAttribute('href'))!
	)![1];
	const approve = chair.page.getByRole('button', {
		name: /^Approve the minutes of Partnership Board: special/
	});
	// Approval cannot be undone: without the ticked confirmation it is refused and nothing changes.
	await approve.click();
	await expect(chair.page.getByRole('alert')).toContainText(
		'Tick the box to confirm that the minutes are approved'
	);
	await chair.page.getByLabel('I confirm the board has agreed these minutes').check();
	await approve.click();
	await expect(
		chair.page.getByText(/^The minutes of Partnership Board: special .* are approved\.$/)
	).toBeVisible();
	const approved = await (
		await officer.page.request.get(`/api/v1/meetings/${previousId}/minutes`)
	).json();
	expect(approved.status).toBe('MINUTES_APPROVED');
	expect(approved.versions).toHaveLength(1);

	// 3. Speakers on the child poverty report: the NHS member asks a question, the chair calls them and
	// ends the turn; then the officer puts the presenting councillor in the queue, the chair calls her
	// and the officer ends her turn with a note of what was said.
	await chair.page.getByRole('button', { name: `Make current: ${POVERTY}` }).click();
	for (const page of [officer.page, nhs.page])
		await expect(currentItem(page)).toContainText(POVERTY);
	await nhs.page.getByLabel('Type of turn').selectOption({ label: 'Question' });
	await nhs.page.getByRole('button', { name: 'Ask to speak' }).click();
	const queue = speakers(chair.page);
	const waiting = queue.getByRole('listitem').filter({ hasText: NHS });
	await expect(waiting).toContainText('NHS Strathmuir');
	await expect(waiting).toContainText('Question');
	await expect(speakers(officer.page).getByRole('listitem').filter({ hasText: NHS })).toBeVisible();
	await queue.getByRole('button', { name: `Call ${NHS}` }).click();
	await expect(speakers(nhs.page).locator('.speaking')).toContainText('You are speaking');
	await expect(speakers(officer.page).locator('.speaking')).toContainText(NHS);
	await queue.getByRole('button', { name: `End turn: ${NHS}` }).click();
	await expect(speakers(nhs.page).locator('.speaking')).toContainText('Nobody is speaking');
	await expect(speakers(nhs.page).getByRole('row', { name: new RegExp(NHS) })).toContainText(
		'Question'
	);

	const add = speakers(officer.page).locator('form', {
		has: officer.page.getByRole('button', { name: 'Add to the queue' })
	});
	await add.getByLabel('Who').selectOption({ label: `${CHAIR} (${COUNCIL})` });
	await add.getByLabel('Type of turn').selectOption({ label: 'Response' });
	await add.getByRole('button', { name: 'Add to the queue' }).click();
	await queue.getByRole('button', { name: `Call ${CHAIR}` }).click();
	await expect(speakers(officer.page).locator('.speaking')).toContainText(CHAIR);
	await expect(speakers(nhs.page).locator('.speaking')).toContainText(CHAIR);
	await speakers(officer.page)
		.getByLabel('Summary of what was said (optional)')
		.fill('The council will publish ward-level figures each quarter.');
	await speakers(officer.page)
		.getByRole('button', { name: `End turn: ${CHAIR}` })
		.click();
	for (const page of [chair.page, nhs.page]) {
		const turn = speakers(page).getByRole('row', { name: new RegExp(CHAIR) });
		await expect(turn).toContainText('Response');
		await expect(turn).toContainText('ward-level figures each quarter');
	}
	await expectAccessible(officer.page);

	// 4a. The NHS member challenges the council's paper, quoting it; the chair sees it arrive; the
	// officer records the councillor's answer on her behalf.
	const raise = nhs.page.locator('form[action="?/challenge"]');
	await expect(raise.getByLabel('Raised by')).toHaveCount(0);
	await raise.getByLabel('What is challenged').selectOption({ label: `Paper: ${POVERTY_PAPER}` });
	await raise
		.getByLabel('Quoted passage (optional)')
		.fill('One child in four lives in relative poverty after housing costs');
	await raise.getByLabel('Put to the organisation (optional)').selectOption({ label: COUNCIL });
	await raise
		.getByLabel('Put to the person (optional)')
		.selectOption({ label: `${CHAIR} (${COUNCIL})` });
	await raise.getByLabel('Kind of challenge').selectOption({ label: 'Evidence' });
	await raise
		.getByLabel('The challenge, in the words used')
		.fill('These are last year’s figures; where are the Eastwood numbers for this year?');
	await raise.getByRole('button', { name: 'Raise the challenge' }).click();
	const first = 'where are the Eastwood numbers';
	await expect(challenge(chair.page, first).locator('blockquote')).toHaveText(
		'One child in four lives in relative poverty after housing costs'
	);
	await expect(challenge(chair.page, first)).toContainText(`the paper “${POVERTY_PAPER}”`);
	await expect(challenge(chair.page, first)).toContainText(NHS);
	await expect(challenge(chair.page, first)).toContainText('Awaiting a response');

	const onOfficer = challenge(officer.page, first);
	await onOfficer.getByText('Record a response').click();
	const respond = onOfficer.locator('form[action="?/respond"]');
	await expect(respond.getByLabel('Response by').locator('option:checked')).toHaveText(
		new RegExp(CHAIR)
	);
	await respond
		.getByLabel('Response', { exact: true })
		.fill('This year’s Eastwood figures come in June and will go to the next board.');
	await respond.getByLabel('Status').selectOption({ label: 'Action agreed' });
	await respond
		.getByLabel('Effect on the decision')
		.selectOption({ label: 'No change to the decision' });
	await respond.getByRole('button', { name: 'Record the response' }).click();
	for (const page of [chair.page, nhs.page]) {
		const seen = challenge(page, first);
		await expect(seen).toContainText('will go to the next board');
		await expect(seen).toContainText('Status: Action agreed');
		await expect(seen).toContainText(`recorded by ${OFFICER}`);
	}

	// 4b. On the winter plan (the NHS member has withdrawn) the officer records a challenge said by the
	// third sector member: the page names both her and the officer. The police answer, recorded by the
	// officer; the answer leads to an amended decision.
	await chair.page.getByRole('button', { name: `Make current: ${WINTER}` }).click();
	for (const page of [officer.page, nhs.page])
		await expect(currentItem(page)).toContainText(WINTER);
	const onBehalf = officer.page.locator('form[action="?/challenge"]');
	await onBehalf
		.getByLabel('Raised by')
		.selectOption({ label: `${TSI} (Strathmuir Voluntary Action)` });
	await expect(onBehalf.getByLabel('Item').locator('option:checked')).toHaveText(WINTER);
	await onBehalf
		.getByLabel('What is challenged')
		.selectOption({ label: `Paper: ${EQUALITY_PAPER}` });
	await onBehalf
		.getByLabel('Put to the person (optional)')
		.selectOption({ label: `${POLICE} (Police Service, Strathmuir Division)` });
	await onBehalf.getByLabel('Kind of challenge').selectOption({ label: 'Equalities' });
	await onBehalf
		.getByLabel('The challenge, in the words used')
		.fill('The plan cuts evening buses that older people use to reach warm spaces.');
	await onBehalf.getByRole('button', { name: 'Raise the challenge' }).click();
	const second = 'evening buses that older people use';
	for (const page of [chair.page, nhs.page]) {
		const seen = challenge(page, second);
		await expect(seen.locator('.who')).toContainText(TSI);
		await expect(seen.locator('.who')).toContainText(POLICE);
		await expect(seen).toContainText(`Recorded by ${OFFICER}`);
		await expect(seen).toContainText(`the paper “${EQUALITY_PAPER}”`);
	}
	const onOfficer2 = challenge(officer.page, second);
	await onOfficer2.getByText('Record a response').click();
	const respond2 = onOfficer2.locator('form[action="?/respond"]');
	await expect(respond2.getByLabel('Response by').locator('option:checked')).toHaveText(
		new RegExp(POLICE)
	);
	await respond2
		.getByLabel('Response', { exact: true })
		.fill('We accept this: the evening services to warm spaces will keep running.');
	await respond2.getByLabel('Status').selectOption({ label: 'Answered' });
	await respond2.getByLabel('Effect on the decision').selectOption({ label: 'Decision amended' });
	await respond2.getByRole('button', { name: 'Record the response' }).click();
	await expect(challenge(chair.page, second)).toContainText('Status: Answered, decision amended');
	await expect(challenge(nhs.page, second)).toContainText(`recorded by ${OFFICER}`);
	// The chair sees both statuses: the first challenge is filed under its own item now.
	await chair.page.getByText(`${POVERTY}: 1 challenge`).click();
	await expect(challenge(chair.page, first)).toContainText('Status: Action agreed');
	await expectAccessible(chair.page);

	// 5. The chair records the decision by consensus. The NHS member withdrew, so is not offered as a
	// dissenter; everyone sees version 1.
	const decide = chair.page.locator('form[action="?/decide"]');
	await expect(chair.page.getByLabel('Wording of the decision')).toHaveValue(DRAFT);
	await decide.getByText('Votes, dissent, evidence, alternatives, commitments, delegation').click();
	const dissenter = decide.getByLabel('Dissenting member 1');
	await expect(dissenter.locator('option', { hasText: POLICE })).toHaveCount(1);
	await expect(dissenter.locator('option', { hasText: NHS })).toHaveCount(0);
	await expect(decide).toContainText('5 members are present and eligible to vote');
	await decide.getByLabel('Outcome').selectOption({ label: 'Agreed' });
	await decide.getByLabel('Consensus').check();
	await decide.getByLabel(EQUALITY_PAPER).check();
	await decide.getByRole('button', { name: 'Record the decision' }).click();
	for (const page of [chair.page, officer.page, nhs.page]) {
		const version = page.locator('.decision [data-version="1"]');
		await expect(version).toContainText('Version 1');
		await expect(version).toContainText(DRAFT);
	}

	// The officer changes the wording in the meeting's decision log (a second tab); the chair sees the
	// new wording on the console, amends, and everyone sees version 2 with version 1 kept.
	const log = await officer.context.newPage();
	await log.goto(`${meetingPage}?doc=decisions`);
	await ready(log);
	await expect(log.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
		'all changes synced'
	);
	const wording = log.getByRole('region', { name: WINTER }).getByLabel('Proposed decision');
	await expect(wording).toHaveValue(DRAFT);
	await wording.fill(AMENDED);
	await expect(log.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
		'all changes synced'
	);
	await chair.page.getByText('Amend (record a new version)').click();
	await expect(chair.page.getByLabel('Wording of the decision')).toHaveValue(AMENDED);
	const amend = chair.page.locator('form[action="?/amend"]');
	await expect(amend.getByLabel('Outcome')).toHaveValue('AGREED');
	await amend.getByRole('button', { name: 'Record the amended version' }).click();
	for (const page of [chair.page, officer.page, nhs.page]) {
		const latest = page.locator('.decision > [data-version]');
		await expect(latest).toContainText('Version 2');
		await expect(latest).toContainText('keeps the evening bus services to warm spaces running');
		await expect(page.locator('.decision').getByText('Earlier versions (1)')).toBeVisible();
	}
	await log.close();

	// 6. An action on the decision, for the police; everyone sees it.
	const action = chair.page.locator('form[action="?/addAction"]');
	await action
		.getByLabel('Action', { exact: true })
		.fill('Confirm the evening bus timetable to warm spaces with the operator');
	await action
		.getByLabel('Owner organisation')
		.selectOption({ label: 'Police Service, Strathmuir Division' });
	await action
		.getByLabel('Owner (optional)')
		.selectOption({ label: `${POLICE} (Police Service, Strathmuir Division)` });
	await action.getByLabel('Due date (optional)').fill('2027-01-15');
	await action.getByRole('button', { name: 'Add the action' }).click();
	for (const page of [chair.page, officer.page, nhs.page]) {
		const row = page.getByRole('row', { name: /Confirm the evening bus timetable/ });
		await expect(row).toContainText('2027-01-15');
		await expect(row).toContainText(POLICE);
		await expect(row).toContainText('Open');
	}
	for (const page of [officer.page, nhs.page]) await expectAccessible(page);

	// 7. The chair closes the meeting, confirming it; all three see it closed.
	const close = chair.page.locator('form[action="?/closeMeeting"]');
	await close.getByLabel('I confirm the meeting is to close').check();
	await close.getByRole('button', { name: 'Close the meeting' }).click();
	await expect(chair.page.getByText('The meeting is closed.')).toBeVisible();
	for (const page of [chair.page, officer.page, nhs.page]) {
		await expect(page.locator('.meta .tag')).toHaveText('Closed');
		await expect(currentItem(page)).toContainText('The meeting is not in progress.');
	}
	await expect(chair.page.getByRole('button', { name: 'Close the meeting' })).toHaveCount(0);
	await expect(nhs.page.getByRole('button', { name: 'Ask to speak' })).toHaveCount(0);
	await expectAccessible(chair.page);

	// The drafted minutes, in the minutes document the officer edits, and from the API.
	const minutesLink = chair.page.getByRole('link', { name: 'Read and edit the drafted minutes' });
	await expect(minutesLink).toHaveAttribute('href', `${meetingPage}?doc=minutes`);
	const expected = [
		'## Attendance',
		`${NHS} (NHS Strathmuir): My spouse manages the fire service’s home safety visits contract. Withdrew from the item.`,
		`${NHS} (NHS Strathmuir), question.`,
		`${CHAIR} (${COUNCIL}), response: The council will publish ward-level figures each quarter.`,
		`${NHS} (NHS Strathmuir) challenged`,
		'Quoted: “One child in four lives in relative poverty after housing costs”',
		`Response by ${CHAIR} (${COUNCIL}) (Action agreed; no change to the decision): This year’s Eastwood figures`,
		`${TSI} (Strathmuir Voluntary Action) challenged`,
		`Response by ${POLICE} (Police Service, Strathmuir Division) (Answered; decision amended)`,
		`Wording: ${DRAFT}`,
		`Wording: ${AMENDED}`,
		/Version 1, .*: Agreed \(consensus\)\./,
		/Version 2, .*: Agreed \(consensus\)\./,
		`Evidence cited: ${EQUALITY_PAPER}`,
		'Confirm the evening bus timetable to warm spaces with the operator. Owner: Police Service, Strathmuir Division'
	];
	await officer.page.goto(`${meetingPage}?doc=minutes`);
	await ready(officer.page);
	await expect(officer.page.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
		'all changes synced'
	);
	const minutes = officer.page.getByRole('textbox', { name: 'Draft minutes' });
	// The demo's minutes held only the officer's template: the draft took its place, shown as headings.
	await expect(minutes.getByRole('heading').first()).toHaveText(/^Minutes: /);
	await expect(minutes.getByRole('heading', { name: 'Attendance' })).toBeVisible();
	await expect(minutes).not.toContainText('Drafted from the record');
	await expect(minutes).not.toContainText('## ');
	await expectAccessible(officer.page);
	// The text it reads as, which is approved and printed: the draft as written from the record.
	const fromApi = await officer.page.request.get(`/api/v1/meetings/${id}/minutes`);
	expect(fromApi.status()).toBe(200);
	const body = await fromApi.json();
	expect(body.status).toBe('CLOSED');
	const draftText: string = body.draft;
	expect(draftText).toMatch(/^# Minutes: /);
	const present = draftText.split('\n').find((line) => line.startsWith('Present: '));
	for (const name of PRESENT) expect(present).toContain(name);
	for (const line of expected) {
		if (typeof line === 'string') expect(draftText).toContain(line);
		else expect(draftText).toMatch(line);
	}
	await expect(minutes).toContainText(`Wording: ${AMENDED}`);

	await chair.close();
	await officer.close();
	await nhs.close();
});
