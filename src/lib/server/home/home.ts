// The partnership home: what a signed-in person needs next there. Their next meetings, and what is
// waiting for them: papers to read before the next one, actions they own, priorities waiting on their
// bodies, surveys they may still answer. Each list is read by the concept that keeps its records, with
// that concept's rules; this only puts them together for one person. Reads only.
import type { Actor } from '../access/index.ts';
import { isOfficer, partnershipContext } from '../access/index.ts';
import { actionsWaitingOn } from '../decisions/index.ts';
import { nextMeetingsFor, papersToRead } from '../meetings/index.ts';
import { prioritiesWaitingOn } from '../priorities/index.ts';
import { surveysOpenTo } from '../review/index.ts';
import type { HomeView } from '../../views/home.ts';
export type { HomeView } from '../../views/home.ts';

export async function homeFor(actor: Actor, slug: string): Promise<HomeView> {
	const ctx = await partnershipContext(actor, slug);
	const [meetings, actions, priorities, surveys] = await Promise.all([
		nextMeetingsFor(ctx),
		actionsWaitingOn(ctx),
		prioritiesWaitingOn(ctx),
		surveysOpenTo(ctx)
	]);
	const { id, slug: partnershipSlug, name } = ctx.partnership;
	return {
		partnership: { id, slug: partnershipSlug, name },
		role: ctx.membership.role,
		officer: isOfficer(ctx),
		meetings,
		papers: await papersToRead(ctx, meetings[0] ?? null),
		actions,
		priorities,
		surveys
	};
}
