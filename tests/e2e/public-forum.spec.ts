// A forum's public page as a resident finds it, signed out: from the public record to the forum, its
// published response with the decision it answers, and the page on paper. The demo has no priorities yet,
// so the responses are arranged straight into the database as the priority commands would store them.
import { arrangePriority } from '../support/forum-responses.ts';
import type { TestDb } from '../support/server.ts';
import { expect, test } from './fixtures.ts';

const SLUG = 'strathmuir';
const FORUM = 'Northfield Locality Forum';
let db: TestDb;

// The database of this file's own demo server (fixtures.ts), for arranging records and reading them.
test.beforeEach(async ({ server }) => {
	db = server.db;
});

/** A published, contested response answering a decision on the register, and a draft beside it. */
async function arrange() {
	const partnership = await db.partnership.findUniqueOrThrow({ where: { slug: SLUG } });
	const forum = await db.body.findFirstOrThrow({
		where: { partnershipId: partnership.id, name: FORUM }
	});
	const officer = await db.user.findUniqueOrThrow({ where: { email: 'officer@demo.example' } });
	const openItems = await db.agendaItem.findMany({
		where: {
			private: false,
			meeting: {
				partnershipId: partnership.id,
				status: { not: 'DRAFT' },
				agendaIssuedAt: { not: null }
			}
		},
		select: { id: true }
	});
	const decision = await db.decision.findFirstOrThrow({
		where: { partnershipId: partnership.id, agendaItemId: { in: openItems.map((i) => i.id) } }
	});
	const inForum = {
		partnershipId: partnership.id,
		forumId: forum.id,
		toBodyId: forum.parentId ?? forum.id,
		recordedById: officer.id
	};
	await arrangePriority(db, {
		...inForum,
		title: 'Warm spaces through the winter',
		response: {
			status: 'PUBLISHED',
			text: 'warm spaces',
			decisionId: decision.id,
			verdict: { verdict: 'CONTESTED', note: 'The hall in Northfield is still closed on Sundays.' }
		}
	});
	await arrangePriority(db, {
		...inForum,
		title: 'Gritting the hill paths',
		response: { status: 'DRAFT', text: 'gritting' }
	});
	return { forum, decision };
}

test('a resident finds what their forum asked and what the partnership did, and prints it', async ({
	page,
	visit
}) => {
	const { forum, decision } = await arrange();

	await visit(`/public/${SLUG}`);
	await expect(page.getByRole('heading', { name: 'Forums and what they asked' })).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Public record' })
		.getByRole('link', { name: 'Forums' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forums and what they asked');
	await visit(`/public/${SLUG}/forums`);
	await page.getByRole('link', { name: FORUM }).click();
	await expect(page).toHaveURL(new RegExp(`/public/${SLUG}/forums/${forum.id}$`));
	await visit(`/public/${SLUG}/forums/${forum.id}`);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(FORUM);
	const response = page.getByRole('article', { name: 'Warm spaces through the winter' });
	await expect(response).toContainText('We asked about warm spaces.');
	await expect(response).toContainText('You said warm spaces matters.');
	await expect(response).toContainText('We did something about warm spaces.');
	await expect(response).toContainText('The forum contested this response');
	await expect(response).toContainText('still closed on Sundays');
	await expect(page.getByText('Gritting the hill paths')).toHaveCount(0);
	await expect(page.getByText('gritting', { exact: false })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Sign out' })).toHaveCount(0);

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Public record' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(response).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	await response.getByRole('link', { name: 'the decision in the register' }).click();
	await expect(page).toHaveURL(new RegExp(`/public/${SLUG}/decisions#decision-${decision.id}$`));
	await expect(page.locator(`#decision-${decision.id}`)).toBeVisible();
});
