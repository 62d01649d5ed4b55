// Residents' voice in the demo, through the same commands as the forums' public pages: residents who sit on
// no forum support Northfield's warm spaces and Eastwood's young people's jobs, each confirming by the
// emailed link (read back from the outbox, as the resident would open it); their comments on the two
// published responses are moderated by the officer: two approved, one rejected (personal information),
// and one left waiting in the queue. Names are fictional first names and areas, as residents choose.
import type { Actor } from '../src/lib/server/access/index.ts';
import { atTime, db } from '../src/lib/server/platform/index.ts';
import {
	confirmVoice,
	moderateComment,
	requestComment,
	requestSupport
} from '../src/lib/server/priorities/index.ts';
import { daysFromToday } from './meeting.ts';
import type { DemoBoard } from './record.ts';
import { demoPeople } from './run.ts';

const SLUG = 'strathmuir';
const on = <T>(days: number, hour: number, work: () => Promise<T>) =>
	atTime(daysFromToday(days, hour), work);

interface Resident {
	email: string;
	firstName?: string;
	area?: string;
	/** Where they sent it from (a documentation network, RFC 5737). */
	address: string;
}

const residents: Resident[] = [
	{
		email: 'r1@residents.demo.example',
		firstName: 'Ailsa',
		area: 'Northfield',
		address: '192.0.2.11'
	},
	{ email: 'r2@residents.demo.example', firstName: 'Tam', address: '192.0.2.12' },
	{ email: 'r3@residents.demo.example', area: 'Northfield', address: '198.51.100.7' },
	{
		email: 'r4@residents.demo.example',
		firstName: 'Morag',
		area: 'Eastwood',
		address: '198.51.100.8'
	},
	{
		email: 'r5@residents.demo.example',
		firstName: 'Kenzie',
		area: 'Eastwood',
		address: '203.0.113.5'
	},
	{ email: 'r6@residents.demo.example', address: '203.0.113.6' }
];

/** The link's token from the latest confirmation email to the address, as the resident would open it. */
async function openLink(email: string): Promise<string> {
	const mail = await db().outboundMail.findFirstOrThrow({
		where: { to: email, kind: 'resident_confirm' },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }]
	});
	return /\/residents\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

export async function recordDemoResidents(board: DemoBoard): Promise<void> {
	const people = await demoPeople(board.partnershipId);
	const officer: Actor = people.get('officer@demo.example')!.actor;
	const answer = async (title: string) => {
		const priority = await db().priority.findFirstOrThrow({
			where: { partnershipId: board.partnershipId, title },
			select: { id: true, raisedByBodyId: true }
		});
		const feedback = await db().feedback.findFirstOrThrow({
			where: { priorityId: priority.id, status: 'PUBLISHED' },
			select: { id: true }
		});
		return { priorityId: priority.id, forumId: priority.raisedByBodyId, feedbackId: feedback.id };
	};
	const warm = await answer('Warm spaces within walking distance, open on weekday evenings');
	const jobs = await answer(
		'Paid work and training for young people in Eastwood, designed with them'
	);

	const support = async (days: number, r: Resident, p: typeof warm) => {
		const { address, email, firstName, area } = r;
		await on(days, 19, () =>
			requestSupport(SLUG, p.forumId, p.priorityId, { email, firstName, area }, address)
		);
		const token = await openLink(email);
		await on(days, 20, () => confirmVoice({ token }));
	};
	const comment = async (days: number, r: Resident, p: typeof warm, text: string) => {
		const { address, email, firstName, area } = r;
		await on(days, 19, () =>
			requestComment(SLUG, p.forumId, p.feedbackId, { email, firstName, area, text }, address)
		);
		const token = await openLink(email);
		await on(days, 20, () => confirmVoice({ token }));
		return db().residentComment.findFirstOrThrow({
			where: { email, feedbackId: p.feedbackId },
			orderBy: { createdAt: 'desc' },
			select: { id: true }
		});
	};

	for (const [i, r] of residents.slice(0, 4).entries()) await support(-22 + i, r, warm);
	for (const [i, r] of residents.slice(2).entries()) await support(-18 + i, r, jobs);

	const shelter = await comment(
		-20,
		residents[0],
		warm,
		'The church hall on Station Road would make a good warm space: it has a kitchen and a ramp.'
	);
	await on(-19, 10, () => moderateComment(officer, shelter.id, { decision: 'APPROVE' }));
	const bus = await comment(
		-15,
		residents[4],
		jobs,
		'Placements in town are no use to us without a bus pass: please fund travel for the first month.'
	);
	await on(-14, 10, () => moderateComment(officer, bus.id, { decision: 'APPROVE' }));
	const named = await comment(
		-13,
		residents[5],
		jobs,
		'The manager at the leisure centre turned my son down twice; ask him why.'
	);
	await on(-12, 10, () =>
		moderateComment(officer, named.id, { decision: 'REJECT', reason: 'PERSONAL_INFORMATION' })
	);
	// Confirmed two days ago: waiting in the officer's queue.
	await comment(
		-2,
		residents[1],
		warm,
		'Could the warm spaces list which ones have free wifi? Many of us come to do forms online.'
	);
}
