import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two cores here: run test files in parallel but keep the pool small so server and browser tests are not starved.
export default defineConfig({
  // This file lives in test/ so the top level holds only what the design card lists; paths are from the repo root.
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
