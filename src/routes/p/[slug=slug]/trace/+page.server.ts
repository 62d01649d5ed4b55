import { listBodies } from '$lib/server/structure';
import { Invalid } from '$lib/server/platform';
import { forPage, pageActor } from '$lib/server/web';
import { listOrganisations } from '$lib/server/structure';
import { listOutcomeUses } from '$lib/server/outcomes';
import {
	decisionsWithoutCommunityInput,
	priorityThemes,
	stalledPriorities,
	timeToDecision,
	traceData,
	type StalledPriority,
	type TraceData,
	type UninformedDecision
} from '$lib/server/priorities';
import type { PageServerLoad } from './$types';

const FILTERS = ['from', 'to', 'forum', 'theme', 'partner'] as const;

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug } = event.params;
	const params = event.url.searchParams;
	const query = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
	const asked = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
	const days = params.get('days') ?? '';
	return forPage(async () => {
		let fields: Record<string, string> = {};
		let trace: TraceData = { nodes: [], links: [], overdue: [], rows: [] };
		let uninformed: UninformedDecision[] = [];
		let stalled: StalledPriority[] = [];
		try {
			trace = await traceData(actor, slug, asked);
			uninformed = await decisionsWithoutCommunityInput(actor, slug, {
				from: asked.from,
				to: asked.to
			});
		} catch (caught) {
			if (!(caught instanceof Invalid)) throw caught;
			fields = caught.fields;
		}
		try {
			stalled = await stalledPriorities(actor, slug, days ? { days } : {});
		} catch (caught) {
			if (!(caught instanceof Invalid)) throw caught;
			fields = { ...fields, ...caught.fields };
		}
		return {
			query,
			days,
			filtering: Object.keys(asked).length > 0,
			csvQuery: new URLSearchParams(asked).toString(),
			fields,
			trace,
			stalled,
			uninformed,
			timing: await timeToDecision(actor, slug),
			// As on the plan outcomes page: the outcomes no forum priority is tagged with.
			unraised: (await listOutcomeUses(actor, slug))
				.filter((o) => !o.priorities.length)
				.map((o) => ({ id: o.id, code: o.code, title: o.title })),
			bodies: await listBodies(actor, slug),
			organisations: await listOrganisations(actor, slug),
			themes: await priorityThemes(actor, slug)
		};
	});
};
