// How a joint meeting and a joint meeting's decision name their bodies, the same on every page, print and
// export: "Joint meeting of X and Y"; a decision "taken by X and Y". A single body's meeting is just its name.

/** "A", "A and B", "A, B and C". */
export function andList(names: string[]): string {
	return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The bodies holding a meeting, host first: its name alone, or "Joint meeting of X and Y". */
export function heldBy(host: string, joint: string[] = []): string {
	return joint.length ? `Joint meeting of ${andList([host, ...joint])}` : host;
}

/** The bodies that took a decision: "taken by X and Y" at a joint meeting, '' for a single body's. */
export function takenByText(names: string[]): string {
	return names.length ? `taken by ${andList(names)}` : '';
}

/** The names of the joint bodies of a meeting row read with `JOINT_BODY_NAMES`, in the order they joined. */
export const JOINT_BODY_NAMES = {
	select: { body: { select: { name: true } } },
	orderBy: { createdAt: 'asc' }
} as const;
export const jointNames = (rows: { body: { name: string } }[] | undefined) =>
	(rows ?? []).map((r) => r.body.name);
