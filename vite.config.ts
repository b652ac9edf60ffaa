import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app. `index.html` sits at the repository root; the build goes to dist/web, which the
// server serves with an SPA fallback for every non-/api path (hence the absolute base `/`).
// package.json "imports" (#core/*, #web/*) are resolved by Vite itself — no aliases needed.
const apiTarget = process.env.DAFTAR_API ?? `http://127.0.0.1:${process.env.DAFTAR_API_PORT ?? '3100'}`;

export default defineConfig({
  root: '.',
  base: '/',
  publicDir: false,
  plugins: [react()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        // React and the data layer get stable chunks every page reuses; each page is its own lazy
        // chunk. Mantine is left to the automatic splitting, so a page loads only the components
        // it uses (one forced Mantine chunk made every page load all of them).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'data', test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
