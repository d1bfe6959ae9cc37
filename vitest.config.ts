import { defineConfig } from 'vitest/config';

// Two cores here: run test files in parallel but keep the pool small so server and browser tests are not starved.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
