// What the trace's priorities link to, read in one pass per kind of record beside the priorities and their
// events: decisions, their actions with the outcomes they serve, agenda items and the partnership's
// outcomes (trace.ts puts them together).
import { Prisma } from '../../../generated/prisma/client.ts';
import { bulkRead } from '../platform/index.ts';

/**
 * Everything the priorities of a partnership link to, in one pass each: decisions named by DECIDED events
 * (with their latest wording), their actions, the agenda items named by SCHEDULED events or carrying those
 * decisions, and the outcome tags. Subqueries rather than lists of ids taken from the events, so these reads
 * need not wait for the events and run beside them on the database's other connections.
 */
export async function linkedRecords(partnershipId: string) {
	const linkedDecisions = Prisma.sql`
		SELECT e."decisionId" FROM "PriorityEvent" e JOIN "Priority" p ON p.id = e."priorityId"
		WHERE p."partnershipId" = ${partnershipId} AND e.type = 'DECIDED' AND e."decisionId" IS NOT NULL`;
	const [decisions, actionRows, scheduled, outcomeRows] = await Promise.all([
		// With each decision, its agenda item's title: one pass, not a second read of the items.
		bulkRead<
			{
				id: string;
				agendaItemId: string;
				itemTitle: string;
				wording: string | null;
				decidedOn: string;
			}[]
		>`
			SELECT d.id, d."agendaItemId", i.title AS "itemTitle",
				to_char(timezone('Europe/London', d."createdAt"), 'YYYY-MM-DD') AS "decidedOn",
				(SELECT v.wording FROM "DecisionVersion" v WHERE v."decisionId" = d.id
				 ORDER BY v.version DESC LIMIT 1) AS wording
			FROM "Decision" d JOIN "AgendaItem" i ON i.id = d."agendaItemId"
			WHERE d."partnershipId" = ${partnershipId} AND d.id = ANY (ARRAY(${linkedDecisions}))`,
		// With each action, the outcomes it serves as their ids, "id id": a few per action.
		bulkRead<
			{
				id: string;
				text: string;
				status: string;
				decisionId: string;
				ownerOrganisationId: string;
				outcomeIds: string | null;
			}[]
		>`
			SELECT a.id, a.text, a.status, a."decisionId", a."ownerOrganisationId",
				(SELECT string_agg(ao."outcomeId", ' ') FROM "ActionOutcome" ao WHERE ao."actionId" = a.id)
					AS "outcomeIds"
			FROM "Action" a
			WHERE a."partnershipId" = ${partnershipId} AND a."decisionId" IN (${linkedDecisions})
			ORDER BY a."createdAt", a.id`,
		bulkRead<{ id: string; title: string }[]>`
			SELECT i.id, i.title FROM "AgendaItem" i JOIN "Meeting" m ON m.id = i."meetingId"
			WHERE m."partnershipId" = ${partnershipId} AND i.id IN (
				SELECT e."agendaItemId" FROM "PriorityEvent" e JOIN "Priority" p ON p.id = e."priorityId"
				WHERE p."partnershipId" = ${partnershipId} AND e."agendaItemId" IS NOT NULL)`,
		bulkRead<{ id: string; code: string; title: string }[]>`
			SELECT o.id, o.code, o.title FROM "Outcome" o WHERE o."partnershipId" = ${partnershipId}
			ORDER BY o.code`
	]);
	const items = [
		...scheduled,
		...decisions.map((d) => ({ id: d.agendaItemId, title: d.itemTitle }))
	];
	const outcomesNamed = outcomeTags(outcomeRows);
	const actions = actionRows.map(({ outcomeIds, ...a }) => ({
		...a,
		outcomes: outcomesNamed(outcomeIds)
	}));
	return { decisions, actions, items, outcomesNamed };
}

type Outcome = { id: string; code: string; title: string };
const NONE: Outcome[] = [];

/**
 * The outcomes a record is tagged with, from their ids as read ("id id"), in the order of their codes:
 * one object per outcome, shared by every record tagged with it. Ids of no outcome of the partnership are
 * left out.
 */
export function outcomeTags(outcomes: Outcome[]): (ids: string | null) => Outcome[] {
	const rank = new Map(outcomes.map((o, i) => [o.id, i]));
	return (ids) => {
		if (!ids) return NONE;
		const named: number[] = [];
		for (const id of ids.split(' ')) {
			const at = rank.get(id);
			if (at !== undefined) named.push(at);
		}
		return named.sort((a, b) => a - b).map((at) => outcomes[at]);
	};
}
