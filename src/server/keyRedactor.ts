/** What replaces the server's key wherever an upstream answer shows it. */
export const REDACTED = '[redacted]';

/** The forms a key takes in text an upstream may echo: as is, URL-encoded, JSON-escaped, base64 (also as basic auth). */
export function keyVariants(key: string | undefined): string[] {
  if (!key || key.length < 4) return [];
  const forms = [key, encodeURIComponent(key), JSON.stringify(key).slice(1, -1), Buffer.from(key).toString('base64'), Buffer.from(`:${key}`).toString('base64')];
  // Longest first, so a longer form is replaced whole before a shorter one could split it.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** The text with every variant of the key replaced. */
export function redactKey(text: string, variants: readonly string[]): string {
  let out = text;
  for (const v of variants) out = out.split(v).join(REDACTED);
  return out;
}

/**
 * Redacts a byte stream chunk by chunk. It holds back only a chunk's tail that could still begin
 * a key split across chunks, so server-sent events pass through without delay.
 */
export function createStreamRedactor(variants: readonly string[]): { push(chunk: Uint8Array): Buffer; flush(): Buffer } {
  const patterns = variants.map((v) => Buffer.from(v));
  let carry = Buffer.alloc(0);
  const replaceAll = (buf: Buffer): Buffer => {
    let out = buf;
    for (const p of patterns) {
      if (out.indexOf(p) < 0) continue;
      const parts: Buffer[] = [];
      let from = 0;
      for (let at = out.indexOf(p); at >= 0; at = out.indexOf(p, from)) {
        parts.push(out.subarray(from, at), Buffer.from(REDACTED));
        from = at + p.length;
      }
      parts.push(out.subarray(from));
      out = Buffer.concat(parts);
    }
    return out;
  };
  // The longest tail of `buf` that is a proper prefix of some pattern.
  const pendingTail = (buf: Buffer): number => {
    for (let k = Math.min(buf.length, Math.max(0, ...patterns.map((p) => p.length - 1))); k > 0; k--) {
      const tail = buf.subarray(buf.length - k);
      if (patterns.some((p) => p.length > k && p.subarray(0, k).equals(tail))) return k;
    }
    return 0;
  };
  return {
    push(chunk) {
      if (patterns.length === 0) return Buffer.from(chunk);
      const all = replaceAll(Buffer.concat([carry, chunk]));
      const hold = pendingTail(all);
      carry = Buffer.from(all.subarray(all.length - hold));
      return all.subarray(0, all.length - hold);
    },
    flush() {
      const rest = carry;
      carry = Buffer.alloc(0);
      return rest;
    },
  };
}
