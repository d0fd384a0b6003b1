import { memo } from 'react';
import type { ParamField, ParserSpec, ThoughtState } from '../../../engine/index';
import { opDiagnosticsKey, parseDiagnosticsKey } from '../../diagnostics/diagnosticsOf';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { TemplateEditor } from '../TemplateEditor';
import { BooleanField, NumberField, StringListField, TextField } from './basicFields';
import { FunctionSpecEditor } from './FunctionSpecEditor';
import { ParserEditor } from './ParserEditor';

interface Props {
  opId: string;
  field: ParamField;
  keys: readonly string[];
  state: ThoughtState;
}

/** One declared parameter: label, the editor its kind calls for, help and its own diagnostics. */
export const FieldEditor = memo(function FieldEditor({ opId, field, keys, state }: Props) {
  const store = useAppStoreApi();
  const value = useAppStore((s) => s.doc.operations.find((o) => o.id === opId)?.params[field.key]);
  const branches = useAppStore((s) => s.doc.operations.find((o) => o.id === opId)?.params.branchesPerPrompt);
  const diagKey = useAppStore((s) => opDiagnosticsKey(s.doc, opId, field.key));
  const diags = parseDiagnosticsKey(diagKey);
  const id = `field-${opId}-${field.key}`;
  const set = (v: unknown) => store.getState().setParam(opId, field.key, v);
  const editor = (() => {
    switch (field.kind) {
      case 'integer':
      case 'number':
        return <NumberField id={id} field={field} value={value as number | undefined} onChange={set} />;
      case 'boolean':
        return <BooleanField id={id} field={field} value={value as boolean | undefined} onChange={set} />;
      case 'text':
        return <TextField id={id} field={field} value={value as string | undefined} onChange={set} />;
      case 'stringList':
        return <StringListField id={id} field={field} value={value as string[] | undefined} onChange={set} />;
      case 'template':
        return <TemplateEditor id={id} label={field.label} value={typeof value === 'string' ? value : ''} onChange={(v) => set(v === '' && !field.required ? undefined : v)} keys={keys} previewState={state} branches={typeof branches === 'number' ? branches : undefined} />;
      case 'parser':
        return <ParserEditor id={id} value={value as ParserSpec | undefined} onChange={set} state={state} />;
      case 'scorer':
      case 'validator':
      case 'evaluator':
      case 'selector':
        return <FunctionSpecEditor id={id} fnKind={field.kind} value={value as never} onChange={set} keys={keys} state={state} />;
    }
  })();
  return (
    <div className={`field field-${field.kind}${diags.length ? ' has-diag' : ''}`} data-testid={`field-${field.key}`}>
      <label htmlFor={id} className={field.kind === 'boolean' ? 'field-label inline' : 'field-label'}>
        {field.kind === 'boolean' ? editor : null}
        {field.label}
        {field.required ? <span className="required" title="required"> *</span> : null}
      </label>
      {field.kind !== 'boolean' ? editor : null}
      <div className="field-help">{field.help}</div>
      {diags.map((d, i) => (
        <div key={i} className={`field-${d.severity}`} data-testid={`field-diagnostic-${field.key}`}>
          {d.message}
        </div>
      ))}
    </div>
  );
});
