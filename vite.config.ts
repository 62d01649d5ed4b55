import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: Number(process.env.PORT ?? 3000) },
	test: {
		expect: { requireAssertions: true },
		globalSetup: ['tests/global-setup.ts'],
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
