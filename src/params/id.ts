import type { ParamMatcher } from '@sveltejs/kit';

/** Record ids are cuids or base32 tokens: lower-case letters and digits. */
export const match: ParamMatcher = (param) => /^[a-z0-9]{16,40}$/.test(param);
