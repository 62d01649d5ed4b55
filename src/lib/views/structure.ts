// What the API and the pages show of a partnership's structure: the reporting tree of bodies with their
// seats. Client-safe (the structure page's tree component types its props with these); the server's
// structure/ builds it.
import { z } from 'zod';
import { BODY_KINDS, CAPACITIES, CAPACITY_MEANING, SEAT_ROLES, SECTORS } from '../vocabulary.ts';

const sector = z.enum(Object.keys(SECTORS) as [keyof typeof SECTORS]);

export const SeatHolder = z.object({
	seatId: z.string(),
	role: z.enum(Object.keys(SEAT_ROLES) as [keyof typeof SEAT_ROLES]),
	membershipId: z.string(),
	name: z.string(),
	title: z.string(),
	organisation: z.object({ id: z.string(), name: z.string(), sector }),
	capacity: z.enum(Object.keys(CAPACITIES) as [keyof typeof CAPACITIES]).describe(CAPACITY_MEANING),
	delegatedAuthority: z.boolean()
});
export type SeatHolder = z.infer<typeof SeatHolder>;

export interface BodyNode {
	id: string;
	name: string;
	kind: keyof typeof BODY_KINDS;
	remit: string;
	quorum: number | null;
	lead: { id: string; name: string; sector: keyof typeof SECTORS } | null;
	seats: SeatHolder[];
	children: BodyNode[];
}

/** A body with its seats and the bodies below it, named for the OpenAPI document (it refers to itself). */
export const BodyNodeSchema: z.ZodType<BodyNode> = z
	.lazy(() =>
		z.object({
			id: z.string(),
			name: z.string(),
			kind: z.enum(Object.keys(BODY_KINDS) as [keyof typeof BODY_KINDS]),
			remit: z.string(),
			quorum: z.number().nullable(),
			lead: z.object({ id: z.string(), name: z.string(), sector }).nullable(),
			seats: z.array(SeatHolder),
			children: z.array(BodyNodeSchema)
		})
	)
	.meta({ id: 'BodyNode' });
