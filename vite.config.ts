import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { gotStudioServerPlugin } from './src/server/vitePlugin';

export default defineConfig({
  plugins: [react(), gotStudioServerPlugin()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: { chunkSizeWarningLimit: 2000 },
});
