import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const apiTarget = process.env.VIGIL_API_URL ?? 'http://127.0.0.1:8080';
// Keep the browser's Host header: the server refuses writes whose Origin differs from Host.
const proxy = { target: apiTarget, changeOrigin: false };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  resolve: {
    // `vigil-source` first so @vigil/contracts resolves to its TypeScript source, not a stale dist.
    conditions: ['vigil-source', ...defaultClientConditions],
  },
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      onLog(level, log, handler) {
        // Mantine marks its modules "use client" for React Server Components; a SPA has nothing to preserve.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use client"')) return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: {
      '/api': proxy,
      '/healthz': proxy,
      '/readyz': proxy,
    },
  },
});
