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
		csrf: { trustedOrigins: ['*'] },
		// Every page's Content-Security-Policy. `auto` gives SvelteKit's own inline script a nonce (hashes on
		// prerendered pages), so no inline script of anyone else's runs. Styles: stylesheets only from here,
		// but style *attributes* are allowed, because Svelte server-renders `style:` directives and inline
		// widths (form fields, chart figures, the trace's bars) as attributes; an attribute cannot run code.
		// connect-src 'self' covers the sync WebSocket on the same host (hooks.server.ts also names the
		// host's ws:/wss: address for browsers that do not count WebSockets as 'self').
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
