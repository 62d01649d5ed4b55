// The site's address for links in email and calendar UIDs (kept by platform/, which auth/ and structure/
// use too).
import { siteOrigin } from '../../platform/index.ts';

export { setSiteOrigin, siteOrigin } from '../../platform/index.ts';

/** The host named in calendar UIDs. */
export function siteHost(): string {
	return new URL(siteOrigin()).hostname;
}
