import { describe, expect, it } from 'vitest';
import { viewOf } from '../functions/testing';
import { renderTemplate, TemplateError, templatePlaceholders } from './render';

describe('renderTemplate', () => {
  it('fills state keys, rendering lists as [1, 2, 3] and objects as JSON', () => {
    const out = renderTemplate('Sort {{original}} ({{n}} items, {{ok}}); counts {{counts}}; note {{note}}', {
      state: { original: [3, 1, 2], n: 3, ok: true, counts: { Peru: 2, Chile: 1 }, note: 'plain' },
    });
    expect(out).toBe('Sort [3, 1, 2] (3 items, true); counts {"Peru": 2, "Chile": 1}; note plain');
  });

  it('quotes strings with the json filter', () => {
    expect(renderTemplate('{{name|json}} {{ name | json }} {{xs|json}}', { state: { name: 'a"b', xs: ['x', 1] } })).toBe(
      '"a\\"b" "a\\"b" ["x", 1]',
    );
  });

  it('fills {{branches}} from Generate’s branches per prompt', () => {
    expect(renderTemplate('Give {{branches}} answers', { state: {}, branches: 4 })).toBe('Give 4 answers');
  });

  it('repeats an each block per input thought with a 1-based number', () => {
    const inputs = [viewOf({ current: [1, 5] }, { id: 'a' }), viewOf({ current: [2, 3] }, { id: 'b' })];
    const out = renderTemplate('Merge:\n{{#each inputs}}List {{@n}}: {{current}}\n{{/each}}Original: {{original}}', {
      state: { original: [5, 1, 3, 2] },
      inputs,
    });
    expect(out).toBe('Merge:\nList 1: [1, 5]\nList 2: [2, 3]\nOriginal: [5, 1, 3, 2]');
  });

  it('accepts spaces inside block tags', () => {
    expect(renderTemplate('{{ # each inputs }}{{ @n }}{{ / each }}', { state: {}, inputs: [viewOf({}), viewOf({})] })).toBe('12');
  });

  it('renders an each block over no inputs as nothing', () => {
    expect(renderTemplate('[{{#each inputs}}x{{/each}}]', { state: {}, inputs: [] })).toBe('[]');
  });

  it('keeps single braces and extra leading braces as text', () => {
    expect(renderTemplate('Answer like {"List 1": [..]} or {{{key}}}', { state: { key: 'v' } })).toBe(
      'Answer like {"List 1": [..]} or {v}',
    );
  });

  it('throws a TemplateError naming the missing key', () => {
    let error: unknown;
    try {
      renderTemplate('Sort {{original}} then {{missing}}', { state: { original: [1] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).placeholder).toBe('{{missing}}');
    expect((error as TemplateError).message).toContain("no key 'missing'");
  });

  it('names the input whose state lacks a key inside an each block', () => {
    const inputs = [viewOf({ current: 1 }), viewOf({})];
    expect(() => renderTemplate('{{#each inputs}}{{current}}{{/each}}', { state: {}, inputs })).toThrow(
      "input 2's state has no key 'current'",
    );
  });

  it('refuses {{#each inputs}} where there are no inputs to iterate', () => {
    expect(() => renderTemplate('{{#each inputs}}x{{/each}}', { state: {} })).toThrow(/only available in Aggregate and combined Score/);
  });

  it('refuses malformed templates with a message naming the placeholder', () => {
    expect(() => renderTemplate('{{#each inputs}}x', { state: {}, inputs: [] })).toThrow(/never closed/);
    expect(() => renderTemplate('{{/each}}', { state: {} })).toThrow(/no matching/);
    expect(() => renderTemplate('{{x|upper}}', { state: { x: 1 } })).toThrow(/the only filter is \|json/);
    expect(() => renderTemplate('{{ }}', { state: {} })).toThrow(/empty placeholder/);
    expect(() => renderTemplate('{{x', { state: {} })).toThrow(/never closed/);
    expect(() => renderTemplate('{{@n}}', { state: {} })).toThrow(/only meaningful inside/);
  });
});

describe('templatePlaceholders', () => {
  it('lists the state keys a template reads, once each, in order of use', () => {
    expect(templatePlaceholders('{{b}} {{a|json}} {{branches}} {{#each inputs}}{{@n}} {{c}} {{b}}{{/each}}')).toEqual(['b', 'a', 'c']);
  });

  it('still finds keys in a malformed template', () => {
    expect(templatePlaceholders('{{a}} {{#each inputs}} {{b}}')).toEqual(['a', 'b']);
  });
});
