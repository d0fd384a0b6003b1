import { useEffect, useState } from 'react';
import type { ParamField } from '../../../engine/index';

interface FieldProps<T> {
  field: ParamField;
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  id: string;
}

/** An integer or number input; empty means "not set" (optional parameters). */
export function NumberField({ field, value, onChange, id }: FieldProps<number>) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  return (
    <input
      id={id}
      type="number"
      className="field-input"
      value={text}
      min={field.min}
      max={field.max}
      step={field.kind === 'integer' ? 1 : 'any'}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === '') onChange(undefined);
        else if (Number.isFinite(e.target.valueAsNumber)) onChange(e.target.valueAsNumber);
      }}
    />
  );
}

export function BooleanField({ value, onChange, id }: FieldProps<boolean>) {
  return <input id={id} type="checkbox" className="field-checkbox" checked={!!value} onChange={(e) => onChange(e.target.checked)} />;
}

export function TextField({ value, onChange, id }: FieldProps<string>) {
  return <input id={id} className="field-input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
}

/** One string per line. */
export function StringListField({ value, onChange, id }: FieldProps<string[]>) {
  const [text, setText] = useState((value ?? []).join('\n'));
  useEffect(() => {
    if ((value ?? []).join('\n') !== text.split('\n').filter(Boolean).join('\n')) setText((value ?? []).join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <textarea
      id={id}
      className="field-input"
      rows={3}
      placeholder="one per line"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split('\n').map((s) => s.trim()).filter(Boolean));
      }}
    />
  );
}
