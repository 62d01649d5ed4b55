import { canScheduleMeetings, partnershipContext } from '$lib/server/access';
import {
	defineIndicator,
	getOutcome,
	importReadings,
	readingRights,
	recordReading,
	risksCiting
} from '$lib/server/outcomes';
import { Invalid } from '$lib/server/platform';
import { listOrganisations } from '$lib/server/structure';
import { forPage, formCommand, pageActor } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		// Through the partnership in the address, so another partnership's outcome is not found here.
		const outcome = await getOutcome(actor, id, slug);
		const officer = canScheduleMeetings(await partnershipContext(actor, slug));
		return {
			risks: await risksCiting(actor, slug, { outcomeId: id }),
			outcome,
			officer,
			mayRecord: await readingRights(actor, outcome),
			// Only officers define indicators, so only they need the partners to choose from.
			organisations: officer ? await listOrganisations(actor, slug) : []
		};
	});
};

export const actions: Actions = {
	indicator: async (event) => {
		const result = await formCommand(
			await event.request.formData(),
			(values) => defineIndicator(pageActor(event), event.params.id, values),
			'indicator'
		);
		return 'id' in result ? { done: 'indicator', name: result.name } : result;
	},
	reading: async (event) => {
		const data = await event.request.formData();
		const indicatorId = String(data.get('indicatorId') ?? '');
		const result = await formCommand(
			data,
			(values) => recordReading(pageActor(event), indicatorId, values),
			`reading-${indicatorId}`
		);
		return 'id' in result ? { done: `reading-${indicatorId}`, status: result.status } : result;
	},
	// A CSV of readings: checked first and shown row by row; imported only from the preview, confirmed.
	preview: async (event) => {
		const data = await event.request.formData();
		const indicatorId = String(data.get('indicatorId') ?? '');
		const file = data.get('file');
		return formCommand(
			data,
			async () => {
				if (!(file instanceof File) || !file.size)
					throw new Invalid({
						csv: 'Choose a CSV file with a header row: date, value, source and note'
					});
				if (file.size > 400_000)
					throw new Invalid({ csv: 'The CSV file must be 200,000 characters or fewer' });
				const csv = await file.text();
				const checked = await importReadings(pageActor(event), indicatorId, { csv });
				return { preview: { indicatorId, csv, ...checked } };
			},
			`import-${indicatorId}`
		);
	},
	import: async (event) => {
		const data = await event.request.formData();
		const indicatorId = String(data.get('indicatorId') ?? '');
		const result = await formCommand(
			data,
			(values) => importReadings(pageActor(event), indicatorId, { csv: values.csv, confirm: true }),
			`import-${indicatorId}`
		);
		return 'written' in result
			? { done: `import-${indicatorId}`, written: result.written }
			: result;
	}
};
