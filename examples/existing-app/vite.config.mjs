import { defineConfig } from 'vite';

// Vite 8 turns JSX into React calls itself (Oxc): no React plugin needed for a build.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022' },
});
