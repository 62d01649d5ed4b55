// A partner's seats and attendance split by its people's standing: a council's elected members apart from
// its officers, as the audit of community planning asks (who attends for a partner matters as much as
// whether it attends).
import { z } from 'zod';
import { keyOf } from '../platform/index.ts';
import { STANDINGS, type Standing } from '../../vocabulary.ts';

export const StandingSplitView = z.array(
	z.object({
		standing: keyOf(STANDINGS),
		/** Current seats held by its people of this standing. */
		seats: z.number(),
		/** Meetings counted (see attendance) with at least one of its people of this standing there. */
		attended: z.number(),
		/** attended ÷ the meetings counted; null with no meetings. */
		rate: z.number().nullable()
	})
);
export type StandingSplitView = z.infer<typeof StandingSplitView>;

/**
 * Each standing the partner's seat holders or attenders have, in the vocabulary's order (elected members
 * first). `meetings` lists, per meeting counted, the standings of its people who were there.
 */
export function standingSplit(
	seatStandings: readonly Standing[],
	meetings: readonly (readonly Standing[])[]
): StandingSplitView {
	const order = Object.keys(STANDINGS) as Standing[];
	const present = new Set([...seatStandings, ...meetings.flat()]);
	return order
		.filter((standing) => present.has(standing))
		.map((standing) => {
			const attended = meetings.filter((there) => there.includes(standing)).length;
			return {
				standing,
				seats: seatStandings.filter((s) => s === standing).length,
				attended,
				rate: meetings.length ? attended / meetings.length : null
			};
		});
}
