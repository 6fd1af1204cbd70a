// Vite build of the Ostoja web UI. Run from the repository root:
//   npm run build   → web/dist/index.html + web/dist/assets/*.[hash].js|css
// The C++ server serves web/dist from "/" with an SPA fallback to index.html.
import { defineConfig } from 'vite';

const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    // During development: `OSTOJA_API=http://127.0.0.1:8080 npx vite --config web/vite.config.ts`
    proxy: { '/api': process.env.OSTOJA_API ?? 'http://127.0.0.1:8080' },
  },
});
