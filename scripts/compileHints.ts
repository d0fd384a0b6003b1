/** V8's file-level explicit compile hint: every function of the script is compiled as it loads, not at its first call. */
export const COMPILE_ALL_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The build's `output.postBanner`: opens the chunks a run executes (the idle prefetch's `run` chunk: the run controller,
 * the engine's scheduler and the run views; and the openai SDK's) with V8's compile hint. They load ahead of the click
 * (idle prefetch, or the pointer reaching Run), so their functions are compiled then, on the script streamer's thread,
 * instead of one by one on the main thread during the first run's first waves. The first page load's chunk is left as
 * it is: compiling all of it up front would delay the first screen. A post-banner comes after minification (which keeps
 * no comments) and before the file's content hash, so the name changes with the hint.
 */
export function compileHintBanner(chunkNames: readonly string[] = ['run', 'openai']): (chunk: { name: string; isEntry: boolean }) => string {
  return (chunk) => (!chunk.isEntry && chunkNames.includes(chunk.name) ? COMPILE_ALL_HINT : '');
}
