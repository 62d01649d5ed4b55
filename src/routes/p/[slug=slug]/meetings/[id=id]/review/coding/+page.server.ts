// The keyboard coding screen: one contribution at a time. The form posts the same command as the API
// (recordCodes), its fields shaped into the command's input; errors come back keyed by the field's name
// on this page, with everything typed kept.
import { redirect } from '@sveltejs/kit';
import { getBody } from '$lib/server/structure';
import { recordCodes } from '$lib/server/review';
import { codingScreen } from '$lib/server/review';
import { Invalid } from '$lib/server/platform';
import { formCommand, forPage, pageActor } from '$lib/server/web';
import { reviewActions } from '$lib/server/web';
import { DQI } from '$lib/review/dqi';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const { slug, id } = event.params;
	return forPage(async () => {
		const q = event.url.searchParams;
		const screen = await codingScreen(actor, id, { c: q.get('c'), i: q.get('i') });
		// Through the partnership in the address, so a meeting of another one is not found here.
		const body = await getBody(actor, slug, screen.meeting.bodyId);
		return { screen, body };
	});
};

/** The categories the form filled in (a level, not applicable or a note), as the command's codes. */
function codesFrom(values: Record<string, unknown>) {
	const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
	const sent = DQI.filter((c) => text(c.key) || text(`${c.key}-note`));
	return {
		keys: sent.map((c) => c.key),
		input: {
			quote: text('quote'),
			codes: sent.map((c) => ({
				category: c.key,
				value: text(c.key) && text(c.key) !== 'na' ? text(c.key) : null,
				notApplicable: text(c.key) === 'na',
				note: text(`${c.key}-note`)
			}))
		}
	};
}

/** `codes.2.note` → `justification-note`: the names of this page's fields. */
function onPage(fields: Record<string, string>, keys: string[]): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fields).map(([name, message]) => {
			const [, at, part] = /^codes\.(\d+)\.(\w+)$/.exec(name) ?? [];
			if (at === undefined) return [name === 'codes' ? '_' : name, message];
			return [part === 'note' ? `${keys[Number(at)]}-note` : keys[Number(at)], message];
		})
	);
}

const ID = /^[a-z0-9]{20,32}$/;

export const actions: Actions = {
	code: async (event) => {
		const data = await event.request.formData();
		const contributionId = String(data.get('contributionId') ?? '');
		const result = await formCommand(
			data,
			async (values) => {
				const { keys, input } = codesFrom(values);
				try {
					return { saved: await recordCodes(pageActor(event), contributionId, input) };
				} catch (caught) {
					if (caught instanceof Invalid) throw new Invalid(onPage(caught.fields, keys));
					throw caught;
				}
			},
			'code'
		);
		if (!('saved' in result)) return result;
		const next = String(data.get('next') ?? '');
		const to = ID.test(next) ? next : contributionId;
		redirect(303, `${event.url.pathname}?c=${to}&saved=${encodeURIComponent(contributionId)}`);
	},
	...reviewActions
};
