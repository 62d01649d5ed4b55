import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

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

export default defineConfig({
	plugins: [sveltekit(), syncServer()],
	server: { port: Number(process.env.PORT ?? 3000) }
});
