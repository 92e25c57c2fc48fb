import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is built into dist/web, which `kith serve` serves beside the API.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4040', '/feeds': 'http://127.0.0.1:4040' } },
});
