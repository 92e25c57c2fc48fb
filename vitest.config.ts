import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Store suites open real databases; running files in parallel on two cores
    // is fine, but each file owns its own database or schema.
    pool: 'forks',
  },
});
