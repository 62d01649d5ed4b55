import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, makeUser, type Fixture } from '../support/factories.ts';
import { makePackPaper, makeRestrictedPaper } from '../support/meetings.ts';
import { makeDecision, makeItem, meetingIn, storeMinutesText } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
const anonymous = () => new Client(server.url);
beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
});
afterAll(() => server?.stop());

const page = (path: string) => anonymous().get(path);

/** A paper with a title of our choosing. */
async function paper(
	meetingId: string,
	confidentiality: 'PUBLIC' | 'PARTNERS' | 'RESTRICTED',
	title: string,
	agendaItemId: string | null,
	data: { withdrawn?: boolean } = {}
) {
	const row =
		confidentiality === 'RESTRICTED'
			? await makeRestrictedPaper(server.db, meetingId, [fx.organisations.health.id])
			: await makePackPaper(server.db, meetingId, confidentiality);
	return server.db.evidenceItem.update({
		where: { id: row.id },
		data: { title, agendaItemId, summary: `Summary of ${title}`, ...data }
	});
}

describe('the public pages, signed out', () => {
	let meetingId: string;
	let draftId: string;
	beforeAll(async () => {
		const meeting = await meetingIn(server.db, fx, 'CLOSED', '2026-03-05');
		meetingId = meeting.id;
		const open = await makeItem(server.db, meeting.id, 1, 'Community transport pilot');
		const closed = await makeItem(server.db, meeting.id, 2, 'Secret staffing restructure', {
			private: true
		});
		const gone = await makeItem(server.db, meeting.id, 3, 'Withdrawn item title');
		await server.db.agendaItem.update({ where: { id: gone.id }, data: { withdrawn: true } });
		const survey = await paper(meeting.id, 'PUBLIC', 'Transport survey public', open.id);
		const partners = await paper(meeting.id, 'PARTNERS', 'Partners budget paper', open.id);
		await paper(meeting.id, 'RESTRICTED', 'Restricted police briefing', open.id);
		await paper(meeting.id, 'PUBLIC', 'Public paper on the private item', closed.id);
		await paper(meeting.id, 'PUBLIC', 'Withdrawn public paper', open.id, { withdrawn: true });
		await makeDecision(server.db, fx, meeting.id, open.id, [
			{ wording: 'Fund a pilot.' },
			{
				wording: 'Fund a transport pilot for two years.',
				evidenceItemIds: [survey.id, partners.id]
			}
		]);
		await makeDecision(server.db, fx, meeting.id, closed.id, [
			{ wording: 'Delete three posts quietly.' }
		]);
		await storeMinutesText(server.db, meeting.id, 'Unapproved draft minutes text.');
		draftId = (await meetingIn(server.db, fx, 'DRAFT', '2026-09-01')).id;
		await makeItem(server.db, draftId, 1, 'Draft meeting item');
	});

	const SECRETS = [
		'Secret staffing restructure',
		'Withdrawn item title',
		'Partners budget paper',
		'Restricted police briefing',
		'Public paper on the private item',
		'Withdrawn public paper',
		'Delete three posts quietly',
		'Unapproved draft minutes text',
		'Draft meeting item',
		'Board 2026-09-01'
	];
	const leaks = (html: string) => SECRETS.filter((secret) => html.includes(secret));

	it('lists meetings with an issued agenda, without sending anyone to sign in', async () => {
		const res = await page('/public/alpha');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/text\/html/);
		expect(res.text).toContain('alpha partnership');
		expect(res.text).toContain(`/public/alpha/meetings/${meetingId}`);
		expect(res.text).not.toContain(draftId);
		expect(leaks(res.text)).toEqual([]);
	});

	it('greets a signed-out visitor at / with every partnership’s public record and a way to sign in', async () => {
		const res = await page('/');
		expect(res.status).toBe(200);
		expect(res.text).toContain('A community planning partnership is');
		expect(res.text).toContain('href="/public/alpha"');
		// The meetings the public may see, counted as the public record counts them: not the draft.
		expect(res.text).toMatch(/1\s*meeting\s*in public/);
		expect(res.text).toContain('href="/login"');
		expect(leaks(res.text)).toEqual([]);
		// Signed in, the same address is the person's own partnerships.
		const member = await signedIn(server.url, fx.members.MEMBER.email);
		const mine = await member.get('/');
		expect(mine.text).toContain('Your partnerships');
		expect(mine.text).not.toContain('A community planning partnership is');
	});

	it('shows a meeting’s public items and public papers, and nothing restricted', async () => {
		const res = await page(`/public/alpha/meetings/${meetingId}`);
		expect(res.status).toBe(200);
		expect(res.text).toContain('Community transport pilot');
		expect(res.text).toContain('Transport survey public');
		expect(res.text).toContain('Summary of Transport survey public');
		expect(res.text).toContain('The minutes are published once the next meeting approves them.');
		expect(leaks(res.text)).toEqual([]);
	});

	it('shows the decisions register: latest versions of decisions on public items, public evidence only', async () => {
		const res = await page('/public/alpha/decisions');
		expect(res.status).toBe(200);
		expect(res.text).toContain('Fund a transport pilot for two years.');
		expect(res.text).not.toContain('Fund a pilot.<');
		expect(res.text).toContain('Evidence cited: Transport survey public');
		expect(leaks(res.text)).toEqual([]);
		const found = await page('/public/alpha/decisions?q=TRANSPORT+pilot&outcome=AGREED');
		expect(found.text).toContain('Fund a transport pilot for two years.');
		const none = await page('/public/alpha/decisions?q=posts');
		expect(none.text).toContain('No decisions match the search');
		expect((await page('/public/alpha/decisions?outcome=NOTED')).text).not.toContain(
			'Fund a transport'
		);
		expect((await page('/public/alpha/decisions?to=2020-01-01')).text).not.toContain(
			'Fund a transport'
		);
		expect((await page(`/public/alpha/decisions?bodyId=${fx.bodies.theme.id}`)).text).not.toContain(
			'Fund a transport'
		);
	});

	it('publishes approved minutes, only up to the private business', async () => {
		const approved = await meetingIn(server.db, fx, 'MINUTES_APPROVED', '2026-01-05');
		await server.db.minutesVersion.create({
			data: {
				meetingId: approved.id,
				version: 1,
				text: 'Approved public minutes.\n\n## Private business\n\nSecret staffing restructure discussed.',
				hash: 'f'.repeat(64),
				approvedById: fx.members.SECRETARIAT.userId
			}
		});
		const res = await page(`/public/alpha/meetings/${approved.id}`);
		expect(res.status).toBe(200);
		expect(res.text).toContain('Approved public minutes.');
		expect(res.text).toContain('ffffffffffff');
		expect(leaks(res.text)).toEqual([]);
	});

	it('withholds a restricted paper’s title and quoted passages written into approved minutes', async () => {
		const approved = await meetingIn(server.db, fx, 'MINUTES_APPROVED', '2026-02-05');
		const item = await makeItem(server.db, approved.id, 1, 'Night-time economy');
		const secret = await paper(approved.id, 'RESTRICTED', 'Custody suite incident log', item.id);
		await server.db.challenge.create({
			data: {
				meetingId: approved.id,
				agendaItemId: item.id,
				raisedByMembershipId: fx.members.MEMBER.membershipId,
				target: 'EVIDENCE',
				evidenceItemId: secret.id,
				quote: 'three detainees waited overnight',
				kind: 'EVIDENCE',
				text: 'Why so long?',
				recordedById: fx.members.MEMBER.userId
			}
		});
		// As minutes drafted before the rule, or edited by hand, could have it.
		await server.db.minutesVersion.create({
			data: {
				meetingId: approved.id,
				version: 1,
				text: 'Challenged, on “Custody suite incident log”.\n  Quoted: “three detainees waited overnight”',
				hash: 'e'.repeat(64),
				approvedById: fx.members.SECRETARIAT.userId
			}
		});
		const res = await page(`/public/alpha/meetings/${approved.id}`);
		expect(res.status).toBe(200);
		expect(res.text).toContain('Challenged, on “a paper restricted to named partners”.');
		expect(res.text).toContain('Quoted: “[passage withheld]”');
		expect(res.text).not.toContain('Custody suite');
		expect(res.text).not.toContain('detainees');

		// Members read the same minutes through the API and the minutes page: withheld from a council
		// member, whole for the health board's people, whom the paper names.
		const nurse = await makeUser(server.db, 'nurse@alpha.example', 'Health board nurse');
		await server.db.membership.create({
			data: {
				userId: nurse.id,
				partnershipId: fx.partnership.id,
				organisationId: fx.organisations.health.id,
				role: 'MEMBER'
			}
		});
		const council = await signedIn(server.url, fx.members.MEMBER.email);
		const health = await signedIn(server.url, 'nurse@alpha.example');
		for (const path of [
			`/api/v1/meetings/${approved.id}/minutes`,
			`/p/alpha/meetings/${approved.id}/minutes`
		]) {
			const withheld = await council.get(path);
			expect(withheld.status, path).toBe(200);
			expect(withheld.text, path).toContain('a paper restricted to named partners');
			expect(withheld.text, path).not.toContain('Custody suite');
			expect(withheld.text, path).not.toContain('detainees');
			const whole = await health.get(path);
			expect(whole.status, path).toBe(200);
			expect(whole.text, path).toContain('Custody suite incident log');
			expect(whole.text, path).toContain('three detainees waited overnight');
		}
	});

	it('answers 404 for a draft meeting, another partnership’s meeting and an unknown partnership', async () => {
		expect((await page(`/public/alpha/meetings/${draftId}`)).status).toBe(404);
		const beta = await makePartnership(server.db, 'beta');
		const theirs = await meetingIn(server.db, beta, 'AGENDA_ISSUED');
		expect((await page(`/public/beta/meetings/${theirs.id}`)).status).toBe(200);
		expect((await page(`/public/alpha/meetings/${theirs.id}`)).status).toBe(404);
		expect((await page('/public/no-such-place')).status).toBe(404);
		expect((await page('/public/no-such-place/decisions')).status).toBe(404);
	});
});
