import { useMemo, useState } from 'react';
import { parseAnswer, type ParserSpec, type ThoughtState } from '../../../engine/index';
import { appFunctions } from '../../functions/registry';

type Kind = ParserSpec['kind'];
const KINDS: Array<{ kind: Kind; label: string; help: string }> = [
  { kind: 'text', label: 'Whole text', help: 'The whole answer (trimmed) under one key.' },
  { kind: 'list', label: 'Last list […]', help: 'The last bracketed list in the answer.' },
  { kind: 'number', label: 'Last number', help: 'The last number in the answer.' },
  { kind: 'json', label: 'JSON object', help: 'The first {…} object, laid over the state.' },
  { kind: 'jsonParts', label: 'JSON parts (split)', help: 'One thought per property of a JSON object.' },
  { kind: 'regex', label: 'Regular expression', help: 'A capture group of a pattern.' },
  { kind: 'function', label: 'Named parser', help: 'A parser a task registered.' },
];

const DEFAULTS: Record<Kind, ParserSpec> = {
  text: { kind: 'text', key: 'current' },
  list: { kind: 'list', key: 'current', items: 'any' },
  number: { kind: 'number', key: 'value' },
  json: { kind: 'json' },
  jsonParts: { kind: 'jsonParts', partKey: 'part', valueKeys: ['current'] },
  regex: { kind: 'regex', pattern: '(.*)', flags: '', key: 'current', group: 1, all: false },
  function: { kind: 'function', name: '' },
};

const SAMPLES: Record<Kind, string> = {
  text: 'The answer is here.',
  list: 'Sorted: [0, 1, 1, 2, 5, 9]',
  number: 'I count 7 mistakes.',
  json: '{"current": [1, 2, 3]}',
  jsonParts: '{"List 1": [3, 1], "List 2": [9, 0]}',
  regex: 'Output: 42',
  function: 'Output: [1, 2, 3]',
};

/** Parser choice with the kind's own fields and a live preview on sample text. */
export function ParserEditor({ value, onChange, state, id }: { value: ParserSpec | undefined; onChange: (v: ParserSpec) => void; state: ThoughtState; id: string }) {
  const spec = value ?? DEFAULTS.text;
  const [sample, setSample] = useState<string | null>(null);
  const text = sample ?? SAMPLES[spec.kind];
  const functions = appFunctions();
  const preview = useMemo(() => parseAnswer(spec, text, { state, inputs: [] }, functions), [spec, text, state, functions]);
  const set = (patch: Record<string, unknown>) => onChange({ ...spec, ...patch } as ParserSpec);
  const s = spec as Record<string, unknown>;
  return (
    <div className="spec-editor" data-testid={`parser-${id}`}>
      <select id={id} className="field-input" value={spec.kind} onChange={(e) => onChange(DEFAULTS[e.target.value as Kind])} aria-label="Parser kind">
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      <div className="field-help">{KINDS.find((k) => k.kind === spec.kind)?.help}</div>
      <div className="spec-grid">
        {'key' in DEFAULTS[spec.kind] || spec.kind === 'json' ? <SmallInput label="Key" value={String(s.key ?? '')} onChange={(v) => set({ key: v || undefined })} /> : null}
        {spec.kind === 'list' ? (
          <label>
            Items
            <select className="field-input" value={spec.items} onChange={(e) => set({ items: e.target.value })}>
              <option value="any">any</option>
              <option value="numbers">numbers</option>
              <option value="strings">strings</option>
            </select>
          </label>
        ) : null}
        {spec.kind === 'regex' ? (
          <>
            <SmallInput label="Pattern" value={spec.pattern} onChange={(v) => set({ pattern: v })} />
            <SmallInput label="Flags" value={spec.flags} onChange={(v) => set({ flags: v })} />
          </>
        ) : null}
        {spec.kind === 'jsonParts' ? (
          <>
            <SmallInput label="Part key" value={spec.partKey} onChange={(v) => set({ partKey: v })} />
            <SmallInput label="Value keys" value={spec.valueKeys.join(', ')} onChange={(v) => set({ valueKeys: v.split(',').map((x) => x.trim()).filter(Boolean) })} />
          </>
        ) : null}
        {spec.kind === 'function' ? (
          <label>
            Name
            <select className="field-input" value={spec.name} onChange={(e) => set({ name: e.target.value })}>
              <option value="">choose…</option>
              {Object.entries(functions.parsers).map(([name, f]) => (
                <option key={name} value={name} title={f.help}>
                  {name} — {f.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <details className="parser-preview">
        <summary>Try it on sample text</summary>
        <textarea className="field-input mono" rows={3} value={text} onChange={(e) => setSample(e.target.value)} aria-label="Sample answer" />
        <pre className={preview.ok ? '' : 'preview-error'} data-testid={`parser-preview-${id}`}>
          {preview.ok ? preview.updates.map((u, i) => `thought ${i + 1}: ${JSON.stringify(u)}`).join('\n') || 'no thoughts' : preview.message}
        </pre>
      </details>
    </div>
  );
}

function SmallInput({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <input className="field-input" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
