// CSV exports of a partnership's decisions (latest version of each) and actions, for anyone in the
// partnership, to open in a spreadsheet (written by src/lib/csv.ts, which neutralises formula cells).
import type { Actor } from '../access/index.ts';
import { db } from '../platform/index.ts';
import { partnershipContext } from '../access/index.ts';
import {
	ACTION_STATUSES,
	DECISION_METHODS,
	DECISION_OUTCOMES,
	type ActionStatus,
	type DecisionMethod,
	type DecisionOutcome
} from '../../vocabulary.ts';
import { toCsv, type CsvFile } from '../../csv.ts';
import { andList } from '../../joint-names.ts';
import { takenByNames } from './joint.ts';

// The CSV writer is shared with the client-side review figures; the face keeps offering it to the server.
export { csvCell, toCsv, type Cell, type CsvFile } from '../../csv.ts';

export function csvResponse(file: CsvFile): Response {
	// A byte-order mark, so spreadsheets read the file as UTF-8 (names with accents, curly quotes).
	return new Response('\uFEFF' + file.text, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file.name}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}

const day = (at: Date | null | undefined) => at?.toISOString().slice(0, 10) ?? '';

async function names(partnershipId: string) {
	const [bodies, organisations, memberships] = await Promise.all([
		db().body.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
		db().organisation.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
		db().membership.findMany({
			where: { partnershipId },
			select: { id: true, user: { select: { name: true } } }
		})
	]);
	return {
		body: new Map(bodies.map((b) => [b.id, b.name])),
		organisation: new Map(organisations.map((o) => [o.id, o.name])),
		person: new Map(memberships.map((m) => [m.id, m.user.name]))
	};
}

async function items(ids: string[]) {
	const rows = await db().agendaItem.findMany({
		where: { id: { in: ids } },
		select: { id: true, title: true, private: true }
	});
	return new Map(rows.map((r) => [r.id, r]));
}

export const DECISIONS_CSV_HEADER = [
	'Decision id',
	'Date',
	'Body',
	/** The bodies that took it: at a joint meeting "X and Y", else the body's name. */
	'Taken by',
	'Meeting',
	'Agenda item',
	'Taken in private',
	'Outcome',
	'Method',
	'Votes for',
	'Votes against',
	'Abstaining',
	'Wording',
	'Subject to ratification by',
	'Version',
	'Hash'
];

/** Every decision of the partnership, newest first, as it stands (its latest version). */
export async function decisionsCsv(actor: Actor, slug: string): Promise<CsvFile> {
	const ctx = await partnershipContext(actor, slug);
	const decisions = await db().decision.findMany({
		where: { partnershipId: ctx.partnership.id },
		include: {
			meeting: { select: { title: true } },
			versions: { orderBy: { version: 'desc' }, take: 1, include: { commitments: true } }
		},
		orderBy: [{ createdAt: 'desc' }, { id: 'asc' }]
	});
	const named = await names(ctx.partnership.id);
	const item = await items(decisions.map((d) => d.agendaItemId));
	const takenBy = await takenByNames(
		db(),
		decisions.map((d) => d.id)
	);
	const rows = decisions
		.filter((d) => d.versions.length)
		.map((d) => {
			const v = d.versions[0];
			const ratifiers = [
				...new Set(
					v.commitments
						.filter((c) => !c.withAuthority)
						.map((c) => named.organisation.get(c.organisationId) ?? '')
				)
			];
			return [
				d.id,
				day(v.recordedAt),
				named.body.get(d.bodyId) ?? '',
				andList(takenBy.get(d.id) ?? [named.body.get(d.bodyId) ?? '']),
				d.meeting.title,
				item.get(d.agendaItemId)?.title ?? '',
				item.get(d.agendaItemId)?.private ?? false,
				DECISION_OUTCOMES[v.outcome as DecisionOutcome],
				DECISION_METHODS[v.method as DecisionMethod],
				v.votesFor,
				v.votesAgainst,
				v.votesAbstained,
				v.wording,
				ratifiers.join('; '),
				v.version,
				v.hash
			];
		});
	return { name: `${slug}-decisions.csv`, text: toCsv(DECISIONS_CSV_HEADER, rows) };
}

export const ACTIONS_CSV_HEADER = [
	'Action id',
	'Agreed on',
	'Body',
	/** The bodies that took the decision it comes from: at a joint meeting "X and Y", else the body's name. */
	'Taken by',
	'Meeting',
	'Agenda item',
	'Decision id',
	'Action',
	'Owner organisation',
	'Owner',
	'Due',
	'Status'
];

/** Every action of the partnership, soonest due first (those with no date last). */
export async function actionsCsv(actor: Actor, slug: string): Promise<CsvFile> {
	const ctx = await partnershipContext(actor, slug);
	const actions = await db().action.findMany({
		where: { partnershipId: ctx.partnership.id },
		include: { decision: { select: { agendaItemId: true, meeting: { select: { title: true } } } } },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	actions.sort((a, b) => (a.dueOn?.getTime() ?? Infinity) - (b.dueOn?.getTime() ?? Infinity) || 0);
	const named = await names(ctx.partnership.id);
	const item = await items(actions.map((a) => a.decision.agendaItemId));
	const takenBy = await takenByNames(db(), [...new Set(actions.map((a) => a.decisionId))]);
	const rows = actions.map((a) => [
		a.id,
		day(a.createdAt),
		named.body.get(a.bodyId) ?? '',
		andList(takenBy.get(a.decisionId) ?? [named.body.get(a.bodyId) ?? '']),
		a.decision.meeting.title,
		item.get(a.decision.agendaItemId)?.title ?? '',
		a.decisionId,
		a.text,
		named.organisation.get(a.ownerOrganisationId) ?? '',
		a.ownerMembershipId ? (named.person.get(a.ownerMembershipId) ?? '') : '',
		day(a.dueOn),
		ACTION_STATUSES[a.status as ActionStatus]
	]);
	return { name: `${slug}-actions.csv`, text: toCsv(ACTIONS_CSV_HEADER, rows) };
}
