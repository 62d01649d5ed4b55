import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		alias: { $generated: 'src/generated' },
		// hooks.server.ts makes the same-origin check for form posts itself, so that API clients sending a
		// bearer token (no cookie a cross-site page could ride on) can upload files without an Origin.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
