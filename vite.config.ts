import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { gotStudioServerPlugin } from './src/server/vitePlugin';
import { compileHintBanner } from './scripts/compileHints';
import { idlePrefetchGroup } from './scripts/idlePrefetchGroup';

const prefetch = idlePrefetchGroup();

// No CORS on either server: the app is same-origin, and Vite's default allow-list would let any localhost page read /api/llm.
export default defineConfig({
  plugins: [react(), gotStudioServerPlugin(), prefetch.plugin],
  server: { port: 5173, strictPort: false, cors: false },
  preview: { port: 4173, cors: false },
  build: {
    manifest: true,
    // The tokenizer's o200k table is one 2 MB data chunk, fetched only when exact token counts are asked for.
    chunkSizeWarningLimit: 2100,
    // Everything the first page load imports statically goes into one chunk (lazy chunks import from it):
    // one gzip stream compresses better than twenty small shared chunks, and saves as many requests.
    // What the idle prefetch loads is one chunk too, for the same reason (scripts/idlePrefetchGroup.ts).
    rolldownOptions: {
      output: {
        // V8's compile hint on the chunks a run executes (scripts/compileHints.ts).
        postBanner: compileHintBanner(),
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'run', test: prefetch.test, priority: 1 },
          ],
        },
      },
    },
  },
});
