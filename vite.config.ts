import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app. `index.html` sits at the repository root; the build goes to dist/web, which the
// server serves with an SPA fallback for every non-/api path (hence the absolute base `/`).
// package.json "imports" (#core/*, #web/*) are resolved by Vite itself — no aliases needed.
const apiTarget = process.env.DAFTAR_API ?? `http://127.0.0.1:${process.env.DAFTAR_API_PORT ?? '3100'}`;

export default defineConfig({
  root: '.',
  base: '/',
  // Files copied as they are to the site's root: the classic script that sets the language before first paint.
  publicDir: 'public',
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
        // Shared vendor code gets stable chunks the pages reuse; each page is its own lazy chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|react-number-format|react-textarea-autosize|clsx|tslib|get-nonce|detect-node-es)[\\/]/, priority: 20 },
            { name: 'data', test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 20 },
            { name: 'date-picker', test: /node_modules[\\/](react-multi-date-picker|react-date-object|react-element-popper)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
