import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to dist/renderer and loaded by Electron (app://) or by `serve` (http).
export default defineConfig({
  root: 'renderer',
  base: './',
  // `@shared/…` imports resolve through the paths in tsconfig.base.json (the one place they are declared).
  resolve: { tsconfigPaths: true },
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
