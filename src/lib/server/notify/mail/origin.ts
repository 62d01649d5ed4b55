// The address people reach the site at, for the links in emails and the calendar feed: ORIGIN when it is
// set, else what the start-up learns when it listens (http://localhost:<port>).
import { loadConfig } from '../../platform/index.ts';

let learned: string | undefined;

export function setSiteOrigin(origin: string): void {
	learned = origin.replace(/\/$/, '');
}

export function siteOrigin(): string {
	return (loadConfig().origin ?? learned ?? 'http://localhost:3000').replace(/\/$/, '');
}

/** The host named in calendar UIDs. */
export function siteHost(): string {
	return new URL(siteOrigin()).hostname;
}
