// Priorities and their responses arranged straight into a database, as the priority commands would have
// stored them, for the public pages' tests (which read them and never write them).
import type { TestDb } from './server.ts';

interface PriorityArrangement {
	partnershipId: string;
	forumId: string;
	/** Where it went up to, for the SUBMITTED event. */
	toBodyId: string;
	recordedById: string;
	title: string;
	/** The response, if any: its status, the decision it answers, and the forum's verdict. */
	response?: {
		status: 'DRAFT' | 'PUBLISHED';
		text: string;
		decisionId?: string;
		verdict?: { verdict: 'ACCEPTED' | 'CONTESTED'; note: string };
		publishedAt?: Date;
	};
}

export async function arrangePriority(db: TestDb, a: PriorityArrangement) {
	const raised = new Date('2026-01-10T10:00:00Z');
	const published = a.response?.status === 'PUBLISHED';
	const status = !a.response ? 'SUBMITTED' : published ? 'FEEDBACK_PUBLISHED' : 'DECIDED';
	const priority = await db.priority.create({
		data: {
			partnershipId: a.partnershipId,
			raisedByBodyId: a.forumId,
			currentBodyId: a.toBodyId,
			title: a.title,
			said: `People said this about ${a.title}.`,
			engagementMethod: 'PUBLIC_MEETING',
			participants: 40,
			status,
			lastEventAt: raised,
			createdById: a.recordedById,
			createdAt: raised
		}
	});
	const event = (type: 'RAISED' | 'SUBMITTED' | 'DECIDED' | 'FEEDBACK_PUBLISHED', day: number) =>
		db.priorityEvent.create({
			data: {
				priorityId: priority.id,
				type,
				byBodyId: a.forumId,
				toBodyId: type === 'SUBMITTED' ? a.toBodyId : null,
				decisionId: type === 'DECIDED' ? (a.response?.decisionId ?? null) : null,
				recordedById: a.recordedById,
				at: new Date(raised.getTime() + day * 86_400_000)
			}
		});
	await event('RAISED', 0);
	await event('SUBMITTED', 1);
	if (a.response) {
		await event('DECIDED', 30);
		if (published) await event('FEEDBACK_PUBLISHED', 35);
		const r = a.response;
		const at = r.publishedAt ?? new Date('2026-02-14T12:00:00Z');
		await db.feedback.create({
			data: {
				priorityId: priority.id,
				decisionId: r.decisionId ?? null,
				weAsked: `We asked about ${r.text}.`,
				youSaid: `You said ${r.text} matters.`,
				weDid: `We did something about ${r.text}.`,
				nextSteps: `Next, a report on ${r.text}.`,
				hearAgainBy: new Date('2026-09-30T00:00:00Z'),
				status: r.status,
				publishedAt: published ? at : null,
				publishedById: published ? a.recordedById : null,
				verdict: r.verdict?.verdict ?? null,
				verdictNote: r.verdict?.note ?? '',
				verdictAt: r.verdict ? at : null,
				firstVerdict: r.verdict?.verdict ?? null,
				firstVerdictNote: r.verdict?.note ?? '',
				firstVerdictAt: r.verdict ? at : null,
				createdAt: at,
				updatedAt: at
			}
		});
	}
	return priority;
}
