// People signing in to a test server, each with their own cookie-keeping client.
import { Client } from './client.ts';
import { PASSWORD } from './factories.ts';

export async function signedIn(url: string, email: string, password = PASSWORD): Promise<Client> {
	const client = new Client(url);
	await client.login(email, password);
	return client;
}

/** A client that presents a session cookie it was handed, like a second tab or a stolen cookie. */
export function withCookie(url: string, cookie: string): Client {
	const client = new Client(url);
	client.cookie = cookie;
	return client;
}
