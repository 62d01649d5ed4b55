import nodeAdapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readdirSync, writeFileSync } from 'node:fs';

/**
 * adapter-node, plus the production entry build/start.js. The start-up code (server/start/) is bundled
 * with the app, re-exported by src/hooks.server.ts, so the entry imports it from the hooks chunk
 * adapter-node emitted: the sync server and the app then share one copy of every module.
 * @returns {import('@sveltejs/kit').Adapter}
 */
function adapter() {
	const node = nodeAdapter();
	return {
		...node,
		name: 'workspace-node',
		async adapt(builder) {
			await node.adapt(builder);
			const out = 'build';
			const entries = `${out}/server/chunks/entries`;
			const hooks = readdirSync(entries).filter((f) => /^hooks\.server\.js-.*\.js$/.test(f));
			if (hooks.length !== 1)
				throw new Error(`expected one hooks chunk in ${entries}, found ${hooks.length}`);
			writeFileSync(
				`${out}/start.js`,
				[
					'// Written by svelte.config.js: the production entry (`node build/start.js [--demo | --no-demo]`).',
					`import { start } from './server/chunks/entries/${hooks[0]}';`,
					'',
					"await start({ argv: process.argv.slice(2), app: () => import('./handler.js') });",
					''
				].join('\n')
			);
			builder.log.minor(`Wrote ${out}/start.js`);
		}
	};
}

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
