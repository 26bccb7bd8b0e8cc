import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in src/client; the server serves dist/client.
export default defineConfig({
  root: 'src/client',
  plugins: [react()],
  build: { outDir: '../../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
