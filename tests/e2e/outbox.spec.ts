// The partnership's outbox on a phone: an email that failed after every retry is shown apart, with the
// mail server's last answer, and the admin sends it again with the keyboard. Axe and reflow on the page
// with a failed email on it (fixtures.ts `visit`).
import { expect, signIn, test } from './fixtures.ts';

const SLUG = 'strathmuir';

test('an admin sees a failed email and its error, and sends it again', async ({
	page,
	server,
	visit
}) => {
	const partnership = await server.db.partnership.findUniqueOrThrow({ where: { slug: SLUG } });
	const subject = 'An action for you: check the hall’s heating';
	await server.db.outboundMail.create({
		data: {
			partnershipId: partnership.id,
			to: 'officer@demo.example',
			subject,
			text: 'An action has been assigned to you.\n',
			kind: 'action_assigned',
			status: 'FAILED',
			attempts: 8,
			lastError: '550 5.1.1 Mailbox unavailable'
		}
	});
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, 'admin@demo.example');
	await visit(`/p/${SLUG}/outbox`);

	const failed = page.getByRole('region', { name: /failed after every retry/ });
	const row = failed.getByRole('row').filter({ hasText: subject });
	await expect(row).toContainText('550 5.1.1 Mailbox unavailable');
	await row.getByRole('button', { name: /Send again/ }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText(`“${subject}” is queued to send again`);
	await expect(page.getByRole('row').filter({ hasText: subject })).toHaveCount(0);
});
