import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// React components are rendered with react-dom/server in Node; no DOM needed.
		environment: 'node',
		globalSetup: ['test/global-setup.ts'],
		testTimeout: 30_000,
		// Render tests drive Chrome; two at once on a 2-core machine only slows both.
		fileParallelism: true,
		maxWorkers: 2,
	},
});
