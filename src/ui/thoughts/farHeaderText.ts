import type { GotDocument } from '../../engine/index';
import { INPUT_LANE } from './layout/laneLayout';
import type { HeaderText } from './layout/farHeaders';
import { opLabelOf, opTypeOf } from './opLabels';

/** The type the far level's headers and lane tags are drawn in, at scale 1 (the canvas scales it). */
export const HEADER_TYPE = (px: number) => `${px}px system-ui, sans-serif`;

let measurer: CanvasRenderingContext2D | null = null;
/** Widths already measured: a streamed run lays the far level out again on every batch, cutting the same lines. */
const widths = new Map<string, number>();
const MAX_WIDTHS = 20_000;

/** A text's width in the headers' type at scale 1, measured as the canvas will draw it. */
function measure(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 6.5;
  measurer.font = HEADER_TYPE(10);
  const width = Math.ceil(measurer.measureText(text).width);
  if (widths.size >= MAX_WIDTHS) widths.clear();
  widths.set(text, width);
  return width;
}

const cache = new WeakMap<GotDocument, HeaderText>();
const NO_DOC: HeaderText = { name: (op) => ({ label: op === INPUT_LANE ? 'Input' : op, type: '' }), measure };

/** Names and widths for the far level's headers of a run's document: each operation's label and type, the input as "Input". */
export function farHeaderText(doc: GotDocument | null): HeaderText {
  if (!doc) return NO_DOC;
  let text = cache.get(doc);
  if (!text) {
    text = { name: (op) => (op === INPUT_LANE ? { label: 'Input', type: '' } : { label: opLabelOf(doc, op), type: opTypeOf(doc, op) }), measure };
    cache.set(doc, text);
  }
  return text;
}
