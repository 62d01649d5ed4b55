// A joint meeting of the Health and Wellbeing Theme Group and the Northfield Locality Forum, in progress:
// the live view shows each body's quorum, counted from its own seats, accessible and reflowing at 320 px.
import { expect, expectAccessible, expectReflows, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';

test('the live view of a joint meeting shows each body’s quorum', async ({
	page,
	visit,
	server
}) => {
	const db = server.db;
	const health = await db.body.findFirstOrThrow({
		where: { name: 'Health and Wellbeing Theme Group' }
	});
	const northfield = await db.body.findFirstOrThrow({
		where: { name: 'Northfield Locality Forum' }
	});
	await signIn(page, 'officer@demo.example');
	const scheduled = await page.request.post(`/api/v1/bodies/${health.id}/meetings`, {
		data: {
			title: 'Joint meeting on winter wellbeing',
			startsAt: new Date(Date.now() + 3_600_000).toISOString(),
			jointBodyIds: [northfield.id]
		}
	});
	expect(scheduled.status(), await scheduled.text()).toBe(201);
	const id = ((await scheduled.json()) as { id: string }).id;
	for (const [path, data] of [
		[`/api/v1/meetings/${id}/issue`, { issueEmpty: true }],
		[`/api/v1/meetings/${id}/start`, {}]
	] as const) {
		const res = await page.request.post(path, { data });
		expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
	}
	for (const local of ['nhs', 'hscp', 'health.improvement', 'northfield']) {
		const member = await db.membership.findFirstOrThrow({
			where: { user: { email: `${local}@demo.example` }, partnership: { slug: SLUG } }
		});
		const res = await page.request.post(`/api/v1/meetings/${id}/attendance`, {
			data: { membershipId: member.id, status: 'PRESENT' }
		});
		expect(res.status(), await res.text()).toBe(200);
	}

	await visit(`/p/${SLUG}/meetings/${id}/live`);
	const summary = page.locator('.quorum-summary');
	await expect(summary).toContainText('Health and Wellbeing Theme Group: quorate, 3 of 5 present');
	await expect(summary).toContainText('Northfield Locality Forum: not quorate, 1 of 3 present');
	await expectAccessible(page);
	await expectReflows(page);
});
