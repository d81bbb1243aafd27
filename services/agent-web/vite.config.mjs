// Vite builds the client into dist/, which the gateway serves at `/`. `npm run dev` serves it on :5173
// against a gateway on :8080 (the API and /web/config.json are proxied there).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/web/config.json': 'http://127.0.0.1:8080' },
  },
});
