// Residents' voice on a phone: a resident who sits on no forum supports a priority and comments on the
// published response from the forum's public page, confirming each by the emailed link (read from the
// outbox); the forum's officer moderates the comment through the confirm step (approving shows it on the
// public page; rejecting, with a reason, never does). Axe and reflow on every page visited (fixtures.ts
// `visit`).
import { arrangePriority } from '../support/forum-responses.ts';
import type { TestDb } from '../support/server.ts';
import { expect, ready, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';
const FORUM = 'Northfield Locality Forum';
const TITLE = 'Safer walking routes to school';
const PHONE = { width: 390, height: 844 };
let db: TestDb;

test.beforeEach(async ({ server }) => {
	db = server.db;
});

async function arrange(title = TITLE) {
	const partnership = await db.partnership.findUniqueOrThrow({ where: { slug: SLUG } });
	const forum = await db.body.findFirstOrThrow({
		where: { partnershipId: partnership.id, name: FORUM }
	});
	const officer = await db.user.findUniqueOrThrow({ where: { email: 'officer@demo.example' } });
	await arrangePriority(db, {
		partnershipId: partnership.id,
		forumId: forum.id,
		toBodyId: forum.parentId ?? forum.id,
		recordedById: officer.id,
		title,
		response: { status: 'PUBLISHED', text: 'walking routes' }
	});
	return forum;
}

/** The published response to the priority titled `title`, for a comment sent straight to the API. */
async function responseTo(title: string): Promise<string> {
	const priority = await db.priority.findFirstOrThrow({ where: { title } });
	const feedback = await db.feedback.findFirstOrThrow({ where: { priorityId: priority.id } });
	return feedback.id;
}

async function linkSentTo(email: string): Promise<string> {
	const mail = await db.outboundMail.findFirstOrThrow({
		where: { to: email, kind: 'resident_confirm' },
		orderBy: { createdAt: 'desc' }
	});
	const link = /https?:\/\/\S+\/residents\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
	expect(link).toBeTruthy();
	return new URL(link!).pathname;
}

test('a resident supports a priority and comments; the officer moderates', async ({
	page,
	visit
}) => {
	const forum = await arrange();
	await page.setViewportSize(PHONE);
	const forumPage = `/public/${SLUG}/forums/${forum.id}`;
	await visit(forumPage);
	const response = page.getByRole('article', { name: TITLE });
	await expect(response).toContainText('Supported by 0 residents');

	// Support, with a first name and area.
	const support = response.locator('details').filter({ hasText: 'Support this priority' });
	const comment = response.locator('details').filter({ hasText: 'Comment on this response' });
	await support.getByText('Support this priority').click();
	await support.getByLabel('Your email address').fill('resident.one@example.org');
	await support.getByLabel('Your first name (optional)').fill('Ishbel');
	await support.getByLabel('Your area (optional)').fill('Northfield');
	await support.getByRole('button', { name: 'Support' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Check your email' })).toBeVisible();
	await expect(page.getByText('resident.one@example.org')).toHaveCount(0);

	await visit(await linkSentTo('resident.one@example.org'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your support');
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('status')).toContainText('your support is counted');

	// A comment: sent without an address first, it comes back with the comment kept and the error named.
	await visit(forumPage);
	await expect(response).toContainText('Supported by 1 resident');
	await comment.getByText('Comment on this response').click();
	await response
		.getByLabel('Your comment')
		.fill('Please add a crossing patrol at the school gate.');
	await comment.getByRole('button', { name: 'Send comment' }).click();
	await expect(page.getByRole('alert')).toContainText('There is a problem');
	await ready(page);
	await expect(comment.getByLabel('Your comment')).toHaveValue(
		'Please add a crossing patrol at the school gate.'
	);
	await comment.getByLabel('Your email address').fill('resident.two@example.org');
	await comment.getByLabel('Your area (optional)').fill('Mill Road');
	await comment.getByRole('button', { name: 'Send comment' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Check your email' })).toBeVisible();

	await visit(await linkSentTo('resident.two@example.org'));
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('status')).toContainText('your comment is confirmed');
	await visit(forumPage);
	await expect(page.getByText('Please add a crossing patrol')).toHaveCount(0);

	// The officer moderates from the queue, on the same phone.
	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/residents`);
	const waiting = page.getByRole('article').filter({ hasText: 'Please add a crossing patrol' });
	await expect(waiting).toContainText('Mill Road');
	// Approving cannot be taken back: without the tick nothing happens but a clear error.
	const approve = waiting.getByRole('form', { name: /Approve/ });
	await expect(approve).toContainText('shown on Northfield Locality Forum’s public page');
	await approve.getByRole('button', { name: /Approve and show/ }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Tick the box to confirm that the comment is to be shown publicly'
	);
	await ready(page);
	await expect(waiting).toHaveCount(1);
	await approve.getByLabel('I confirm this comment is to be shown publicly').check();
	await approve.getByRole('button', { name: /Approve and show/ }).click();
	await expect(page.getByRole('status')).toContainText('approved and is now shown');
	await expect(waiting).toHaveCount(0);

	await visit(forumPage);
	await expect(response).toContainText('Please add a crossing patrol at the school gate.');
	await expect(response).toContainText('Mill Road');
	await expect(page.getByText(/@example\.org/)).toHaveCount(0);
});

test('the officer rejects a comment with a reason through the confirm step; it never shows', async ({
	page,
	visit
}) => {
	const title = 'Brighter lighting on the canal path';
	const text = 'The lamp outside number 4 is broken; ask Mr Reid at number 6.';
	const forum = await arrange(title);
	await page.setViewportSize(PHONE);
	const forumPage = `/public/${SLUG}/forums/${forum.id}`;
	// The resident's comment, sent and confirmed as the forum's page does it.
	const forumApi = `/api/v1/public/partnerships/${SLUG}/forums/${forum.id}`;
	const sent = await page.request.post(
		`${forumApi}/responses/${await responseTo(title)}/comments`,
		{
			data: { email: 'resident.three@example.org', text }
		}
	);
	expect(sent.status()).toBe(201);
	const token = (await linkSentTo('resident.three@example.org')).split('/').at(-1);
	const confirmed = await page.request.post('/api/v1/public/residents/confirm', {
		data: { token }
	});
	expect(confirmed.status()).toBe(200);

	await signIn(page, 'officer@demo.example');
	await visit(`/p/${SLUG}/residents`);
	const waiting = page.getByRole('article').filter({ hasText: text });
	const reject = waiting.getByRole('form', { name: /Reject/ });
	await expect(reject).toContainText('The comment will never be shown');
	await reject
		.getByLabel('Reason for rejecting')
		.selectOption({ label: 'Contains personal information' });
	await reject.getByRole('button', { name: /^Reject/ }).click();
	// Not ticked: nothing decided, and the reason chosen is kept.
	await expect(page.getByRole('alert')).toContainText(
		'Tick the box to confirm that the comment is to be rejected and never shown'
	);
	await ready(page);
	await expect(reject.getByLabel('Reason for rejecting')).toHaveValue('PERSONAL_INFORMATION');
	await expect(waiting).toHaveCount(1);

	await reject.getByLabel('I confirm this comment is to be rejected and never shown').check();
	await reject.getByRole('button', { name: /^Reject/ }).click();
	await expect(page.getByRole('status')).toContainText('The comment was rejected');
	await expect(waiting).toHaveCount(0);
	const row = await db.residentComment.findFirstOrThrow({ where: { text } });
	expect([row.status, row.rejectReason]).toEqual(['REJECTED', 'PERSONAL_INFORMATION']);

	await visit(forumPage);
	await expect(page.getByRole('article', { name: title })).toBeVisible();
	await expect(page.getByText('The lamp outside number 4')).toHaveCount(0);
});
