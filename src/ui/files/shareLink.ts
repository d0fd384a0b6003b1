import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { serializeDocument, type GotDocument } from '../../engine/index';
import { markOutsideDocument } from '../scripts/documentOrigin';
import { readDocument } from './readDocument';
import type { OpenProblem } from './openProblems';

import { SHARE_PREFIX } from './sharePrefix';

const toBase64Url = (bytes: Uint8Array): string => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (s: string): Uint8Array => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

/** The URL hash that carries the document (serialized, so never a key; never run data), compressed. */
export function encodeShareHash(doc: GotDocument): string {
  return SHARE_PREFIX + toBase64Url(zlibSync(strToU8(serializeDocument(doc)), { level: 9 }));
}

/** The document in a share hash; null when the hash is not a share link. */
export function decodeShareHash(hash: string): { ok: true; doc: GotDocument } | { ok: false; problems: OpenProblem[] } | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  let text: string;
  try {
    text = strFromU8(unzlibSync(fromBase64Url(hash.slice(SHARE_PREFIX.length))));
  } catch {
    return { ok: false, problems: [{ message: 'The share link is damaged: its graph could not be decompressed (was the link cut short?).' }] };
  }
  const r = readDocument(text);
  if (r.ok) markOutsideDocument(r.doc, 'share link');
  return r.ok ? { ok: true, doc: r.doc } : r;
}
