// What DQI coding reads from a meeting: the turns that were spoken (the units coders code) and the codes
// on them as they stand. Codes are only ever added, so the current code of a coder on a category of a
// contribution is the latest row for it.
import type { Db, Tx } from '../platform/index.ts';
import type { DqiKey } from '../../review/dqi.ts';
import { SECTORS, type ContributionType, type Sector } from '../../vocabulary.ts';

type Reader = Db | Tx;

export interface SpokenTurn {
	id: string;
	agendaItemId: string;
	itemTitle: string;
	itemOrder: number;
	membershipId: string;
	speaker: string;
	organisationId: string;
	organisation: string;
	sector: Sector;
	sectorName: string;
	type: ContributionType;
	summary: string;
	startedAt: Date;
	endedAt: Date | null;
}

/** A contribution that was spoken: started, and so never cancelled (only waiting turns are cancelled). */
export const SPOKEN = { startedAt: { not: null }, cancelledAt: null } as const;

/** The meeting's spoken turns in the order they were taken. */
export async function spokenTurns(reader: Reader, meetingId: string): Promise<SpokenTurn[]> {
	const rows = await reader.contribution.findMany({
		where: { meetingId, ...SPOKEN },
		select: {
			id: true,
			agendaItemId: true,
			membershipId: true,
			type: true,
			summary: true,
			startedAt: true,
			endedAt: true,
			membership: {
				select: {
					user: { select: { name: true } },
					organisation: { select: { id: true, name: true, sector: true } }
				}
			}
		},
		orderBy: [{ startedAt: 'asc' }, { id: 'asc' }]
	});
	const items = await reader.agendaItem.findMany({
		where: { id: { in: [...new Set(rows.map((r) => r.agendaItemId))] } },
		select: { id: true, title: true, order: true }
	});
	const item = new Map(items.map((i) => [i.id, i]));
	return rows.map((r) => {
		const sector = r.membership.organisation.sector as Sector;
		return {
			id: r.id,
			agendaItemId: r.agendaItemId,
			itemTitle: item.get(r.agendaItemId)?.title ?? '',
			itemOrder: item.get(r.agendaItemId)?.order ?? 0,
			membershipId: r.membershipId,
			speaker: r.membership.user.name,
			organisationId: r.membership.organisation.id,
			organisation: r.membership.organisation.name,
			sector,
			sectorName: SECTORS[sector] ?? sector,
			type: r.type as ContributionType,
			summary: r.summary,
			startedAt: r.startedAt!,
			endedAt: r.endedAt
		};
	});
}

export interface StoredCode {
	id: string;
	contributionId: string;
	coderMembershipId: string;
	category: DqiKey;
	value: number | null;
	notApplicable: boolean;
	note: string;
	createdAt: Date;
}

/** The latest row per contribution × coder × category, from rows in the order they were written. */
export function latestCodes<T extends Omit<StoredCode, 'id' | 'note' | 'createdAt'>>(
	rows: readonly T[]
): T[] {
	const latest = new Map<string, T>();
	for (const row of rows)
		latest.set(`${row.contributionId}\u0000${row.coderMembershipId}\u0000${row.category}`, row);
	return [...latest.values()];
}

/** The current codes on a meeting's contributions, of one coder or of all, in the order written. */
export async function currentCodes(
	reader: Reader,
	meetingId: string,
	filter: { coderMembershipId?: string; contributionId?: string } = {}
): Promise<StoredCode[]> {
	const rows = await reader.code.findMany({
		where: { meetingId, ...filter },
		select: {
			id: true,
			contributionId: true,
			coderMembershipId: true,
			category: true,
			value: true,
			notApplicable: true,
			note: true,
			createdAt: true
		},
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	return latestCodes(rows as StoredCode[]);
}
