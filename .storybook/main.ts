// Storybook for @confab/elements, configured by hand (see stories/README.md). The stories use the built
// packages (`npm run build` first), and nothing here reaches the network: telemetry is off.
import type { StorybookConfig } from '@storybook/web-components-vite';

process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (vite) => ({
    ...vite,
    // One copy of Lit in `storybook dev`: the workspace packages (links) and the Lit module Storybook's
    // renderer imports are pre-bundled with the rest, instead of being served as they are beside it.
    // `force`: the workspace packages change with every `npm run build`, which Vite's dependency cache
    // (keyed on the lockfile) would not notice, and the stories would show the elements as they were.
    optimizeDeps: {
      ...vite.optimizeDeps,
      force: true,
      include: [
        ...(vite.optimizeDeps?.include ?? []),
        '@confab/core',
        '@confab/core/fixtures',
        '@confab/elements/all.js',
        'lit/directive-helpers.js',
      ],
    },
    // Storybook's own manager and docs chunks pass Vite's 500 kB warning; the stories' code is small.
    build: { ...vite.build, chunkSizeWarningLimit: 1500 },
  }),
};

export default config;
