import type { Plugin } from 'vite';

/** V8's file-level explicit compile hint: every function of the script is compiled as it loads, not at its first call. */
export const COMPILE_ALL_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Marks the chunks a run executes (the idle prefetch's `run` chunk: the run controller, the engine's scheduler and the
 * run views; and the openai SDK's) with V8's compile hint. They load ahead of the click (idle prefetch, or the pointer
 * reaching Run), so their functions are compiled then, on the script streamer's thread, instead of one by one on the
 * main thread during the first run's first waves. The first page load's chunk is left as it is: compiling all of it up
 * front would delay the first screen.
 */
export function compileHints(chunkNames: readonly string[] = ['run', 'openai']): Plugin {
  return {
    name: 'got-studio:compile-hints',
    apply: 'build',
    // After minification (which keeps no comments) and every other plugin: the hint must open the file.
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && !file.isEntry && chunkNames.includes(file.name)) file.code = `${COMPILE_ALL_HINT}\n${file.code}`;
      }
    },
  };
}
