import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI cases start the real binary; give a slow CI machine room.
    testTimeout: 30_000,
  },
});
