import { getBody, listBodies } from '$lib/server/structure';
import { heldBy } from '$lib/joint-names';
import { listEvidence } from '$lib/server/meetings';
import { forPage, pageActor } from '$lib/server/web';
import { getMeeting } from '$lib/server/meetings';
import { listOrganisations } from '$lib/server/structure';
import { performanceReport, riskReviewPaper } from '$lib/server/outcomes';
import { now } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const meeting = await getMeeting(actor, id);
		const body = await getBody(actor, slug, meeting.bodyId);
		// A joint meeting is named by all its bodies: "Joint meeting of X and Y".
		const bodies = meeting.jointBodyIds.length ? await listBodies(actor, slug) : [];
		const jointNames = meeting.jointBodyIds.map((b) => bodies.find((x) => x.id === b)?.name ?? '');
		// A performance item's paper is the indicators as they stood on the meeting's day (today for one
		// still to come): what members had before them, not what was recorded since.
		const asAt = new Date(Math.min(new Date(meeting.startsAt).getTime(), now().getTime()));
		const performance = meeting.items.some((i) => i.purpose === 'PERFORMANCE' && !i.withdrawn);
		const riskReview = meeting.items.some((i) => i.purpose === 'RISK_REVIEW' && !i.withdrawn);
		return {
			// The risks due for review by the meeting's day, as they stood before it.
			riskPaper: riskReview ? await riskReviewPaper(actor, id) : null,
			performance: performance ? await performanceReport(actor, slug, asAt) : [],
			asAt: asAt.toISOString().slice(0, 10),
			meeting,
			body,
			heldBy: heldBy(body.name, jointNames),
			// Only the papers this person may see, as on the meeting page.
			evidence: await listEvidence(actor, id),
			organisations: await listOrganisations(actor, slug)
		};
	});
};
