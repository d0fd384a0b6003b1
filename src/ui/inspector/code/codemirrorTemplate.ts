import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { Decoration, MatchDecorator, ViewPlugin, EditorView, type DecorationSet, type ViewUpdate } from '@codemirror/view';

const placeholderMatcher = new MatchDecorator({
  regexp: /\{\{[^{}]*\}\}/g,
  decoration: (m) => Decoration.mark({ class: m[0].startsWith('{{#') || m[0].startsWith('{{/') ? 'cm-tpl-block' : 'cm-tpl-placeholder' }),
});

/** Highlights `{{key}}` placeholders and `{{#each}}` blocks. */
export const placeholderHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = placeholderMatcher.createDeco(view);
    }
    update(u: ViewUpdate) {
      this.decorations = placeholderMatcher.updateDeco(u, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Completes state keys (and the template's own words) after `{{`. */
export function placeholderCompletion(keys: () => readonly string[]) {
  const source = (ctx: CompletionContext): CompletionResult | null => {
    const m = ctx.matchBefore(/\{\{[#/@]?[\w.|]*$/);
    if (!m) return null;
    const prefixLen = /^\{\{[#/@]?/.exec(m.text)![0].length;
    // Closes the placeholder unless the editor already has `}}` after the cursor.
    const closing = (text: string): Completion['apply'] => (view, _c, from, to) => {
      const has = view.state.sliceDoc(to, to + 2) === '}}';
      view.dispatch({ changes: { from, to, insert: has ? text.replace(/\}\}$/, '') : text }, selection: { anchor: from + (has ? text.replace(/\}\}$/, '') : text).length + (has ? 2 : 0) } });
    };
    const options: Completion[] = [
      ...keys().map((k) => ({ label: k, type: 'variable', detail: 'state key', boost: 10, apply: closing(`${k}}}`) })),
      { label: 'branches', type: 'keyword', detail: 'branches per prompt', apply: closing('branches}}') },
      { label: '#each inputs', type: 'keyword', detail: 'loop over input thoughts', apply: closing('#each inputs}}') },
      { label: '@n', type: 'keyword', detail: '1-based input number (inside #each)', apply: closing('@n}}') },
    ];
    return { from: m.from + prefixLen, options, validFor: /^[\w.|@#]*$/ };
  };
  return autocompletion({ override: [source], activateOnTyping: true, icons: false });
}

export const editorTheme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid var(--border)', borderRadius: '6px', background: 'var(--field-bg)' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': { display: 'none' },
  '&.cm-focused': { outline: '2px solid var(--accent)' },
});
