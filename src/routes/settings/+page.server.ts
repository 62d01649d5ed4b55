import { changePassword } from '$lib/server/auth';
import { createAccessToken, listAccessTokens, revokeAccessToken } from '$lib/server/auth';
import {
	getCalendarFeed,
	getMailPreferences,
	newCalendarFeed,
	setMailPreferences
} from '$lib/server/notify';
import { Invalid } from '$lib/server/platform';
import { formCommand, pageActor, setSessionCookie } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = pageActor(event);
	const [tokens, mailPreferences, calendarFeed] = await Promise.all([
		listAccessTokens(actor),
		getMailPreferences(actor),
		getCalendarFeed(actor)
	]);
	return { tokens, mailPreferences, calendarFeed };
};

export const actions: Actions = {
	createToken: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => ({
				created: await createAccessToken(pageActor(event), values)
			}),
			'createToken'
		),
	revokeToken: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				await revokeAccessToken(pageActor(event), String(values.id));
				return { revoked: true };
			},
			'revokeToken'
		),
	changePassword: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const session = await changePassword(pageActor(event), values);
				setSessionCookie(event.cookies, session.token, session.expiresAt);
				return { passwordChanged: true };
			},
			'changePassword'
		),
	mailPreferences: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				await setMailPreferences(pageActor(event), values);
				return { mailSaved: true };
			},
			'mailPreferences'
		),
	newCalendarFeed: async (event) =>
		formCommand(
			await event.request.formData(),
			async (values) => {
				const actor = pageActor(event);
				const existing = await getCalendarFeed(actor);
				if (existing.createdAt && values.confirm !== 'true')
					throw new Invalid(
						{ confirm: 'Tick the box to confirm: the address you have now will stop working.' },
						'Confirm that the old address should stop working.'
					);
				return { feed: await newCalendarFeed(actor) };
			},
			'newCalendarFeed'
		)
};
