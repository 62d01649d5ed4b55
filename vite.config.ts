import { sveltekit } from '@sveltejs/kit/vite';
import type { Alias, Plugin } from 'vite';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * `npm run dev` hosts the same sync server as the production start-up (server/start/), on Vite's own port.
 * It is loaded through Vite's SSR module graph, so it shares the domain modules SvelteKit uses in dev, and
 * serves them the shared documents; the other ports keep their in-process defaults.
 */
function syncServer(): Plugin {
	return {
		name: 'workspace-sync-server',
		apply: 'serve',
		configureServer(server) {
			let sync: Promise<import('./server/sync/index.ts').SyncServer> | undefined;
			server.httpServer?.on('upgrade', (request, socket, head) => {
				if (!request.url?.startsWith('/sync/')) return; // Vite's own HMR socket
				sync ??= server
					.ssrLoadModule('/server/start/index.ts')
					.then((module) => module.serveSync(process.env.ORIGIN || undefined));
				sync
					.then((s) => s.upgrade(request, socket, head))
					.catch((error) => {
						server.config.logger.error(`sync: upgrade failed: ${error}`);
						socket.destroy();
					});
			});
		}
	};
}

/**
 * Prisma's query compiler, with the plans it made kept (src/lib/server/platform/query-plans.ts), for every
 * client built with the app; vitest.config.ts uses it too, so the tests' own clients keep theirs.
 */
export const queryPlans: Alias[] = [
	{
		find: /^@prisma\/client\/runtime\/query_compiler_bg\.postgresql\.mjs$/,
		replacement: fileURLToPath(new URL('src/lib/server/platform/query-plans.ts', import.meta.url))
	}
];

export default defineConfig({
	plugins: [sveltekit(), syncServer()],
	resolve: { alias: queryPlans },
	server: { port: Number(process.env.PORT ?? 3000) }
});
