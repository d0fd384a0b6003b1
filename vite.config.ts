import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { gotStudioServerPlugin } from './src/server/vitePlugin';

export default defineConfig({
  plugins: [react(), gotStudioServerPlugin()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  // The tokenizer's o200k table is one 2 MB data chunk, fetched only when exact token counts are asked for.
  build: { manifest: true, chunkSizeWarningLimit: 2100 },
});
