import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Mantine's ScrollArea takes one small hook (useMergeRefs) from @floating-ui/react, which made the
 * whole positioning library part of every page with a Table; this points that import at the same
 * hook on Mantine's own hooks (src/web/app/merge-refs.ts). Popovers still use floating-ui.
 */
function scrollAreaWithoutFloatingUi(): Plugin {
  const from = 'import { useMergeRefs } from "@floating-ui/react";';
  const to = `import { useMergeRefs } from ${JSON.stringify(path.resolve(import.meta.dirname, 'src/web/app/merge-refs.ts'))};`;
  return {
    name: 'daftar:scroll-area-without-floating-ui',
    transform(code, id) {
      if (!/@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs$/.test(id)) return null;
      if (!code.includes(from))
        throw new Error('Mantine ScrollArea no longer imports useMergeRefs from @floating-ui/react: drop this plugin');
      // One import replaced by another on the same line: the mappings stay as they were.
      return { code: code.replace(from, to), map: null };
    },
  };
}

// The web app. `index.html` sits at the repository root; the build goes to dist/web, which the
// server serves with an SPA fallback for every non-/api path (hence the absolute base `/`).
// package.json "imports" (#core/*, #web/*) are resolved by Vite itself — no aliases needed.
const apiTarget = process.env.DAFTAR_API ?? `http://127.0.0.1:${process.env.DAFTAR_API_PORT ?? '3100'}`;

export default defineConfig({
  root: '.',
  base: '/',
  // Files copied as they are to the site's root: the classic script that sets the language before first paint.
  publicDir: 'public',
  plugins: [react(), scrollAreaWithoutFloatingUi()],
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
            {
              name: 'data',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 20,
            },
            // The popovers' positioning (Select, Menu, Tooltip, Popover): its own chunk, so that a
            // page without a popover does not get it through a chunk shared with one that has.
            { name: 'floating-ui', test: /node_modules[\\/]@floating-ui[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
