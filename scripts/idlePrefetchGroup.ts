import type { Plugin } from 'vite';

/** The modules whose dynamic imports are the idle prefetch's list: what running and replaying need, fetched once the editor is idle. */
const PREFETCH_LISTS = [/\/src\/ui\/shell\/usePrefetchRunViews\.ts$/, /\/src\/ui\/run\/panel\/runViews\.ts$/];

interface Graph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[]; isEntry: boolean } | null;
}

/** Every module reachable from `roots` through static imports. */
function staticClosure(graph: Graph, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * What the idle prefetch loads, less what the first page load already has: one chunk instead of about
 * forty small ones, because one gzip stream compresses better than forty (and is one request). `test`
 * is the code-splitting group's matcher; the set is filled once the module graph is known, before chunking.
 */
export function idlePrefetchGroup(): { plugin: Plugin; test: (id: string) => boolean } {
  const members = new Set<string>();
  const plugin: Plugin = {
    name: 'got-studio:idle-prefetch-group',
    apply: 'build',
    buildEnd() {
      const graph = this as unknown as Graph;
      const ids = [...graph.getModuleIds()];
      const initial = staticClosure(graph, ids.filter((id) => graph.getModuleInfo(id)?.isEntry));
      const lists = ids.filter((id) => PREFETCH_LISTS.some((re) => re.test(id)));
      const roots = lists.flatMap((id) => graph.getModuleInfo(id)?.dynamicallyImportedIds ?? []);
      members.clear();
      for (const id of staticClosure(graph, roots)) if (!initial.has(id)) members.add(id);
    },
  };
  return { plugin, test: (id) => members.has(id) };
}
