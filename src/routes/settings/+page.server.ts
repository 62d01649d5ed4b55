import { changePassword } from '$lib/server/auth';
import { createAccessToken, listAccessTokens, revokeAccessToken } from '$lib/server/auth';
import { formCommand, pageActor, setSessionCookie } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	tokens: await listAccessTokens(pageActor(event))
});

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
		)
};
