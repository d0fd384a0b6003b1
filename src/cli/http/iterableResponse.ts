// The answer of `nodeFetch`: what the openai SDK reads of a fetch Response (status, ok, headers,
// url, body, text, json, arrayBuffer), over a body that is an async iterable of bytes — the shape
// the SDK takes from Node streams (it iterates `body`, and cancels it through the iterator's
// `return`), without a web stream per answer.

/** Bytes as they arrive; `return()` on its iterator gives the rest up (the connection with it). */
export type ByteSource = AsyncIterable<Uint8Array>;

export interface IterableResponseInit {
  status: number;
  statusText?: string;
  headers: Headers;
  url: string;
  redirected?: boolean;
}

const decoder = new TextDecoder();

/** A fetch Response as far as the SDK and the CLI use one; `body` is an async iterable, not a ReadableStream. */
export class IterableResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: Headers;
  readonly url: string;
  readonly redirected: boolean;
  readonly type = 'basic';
  #used = false;

  constructor(
    readonly body: ByteSource,
    init: IterableResponseInit,
  ) {
    this.status = init.status;
    this.ok = init.status >= 200 && init.status < 300;
    this.statusText = init.statusText ?? '';
    this.headers = init.headers;
    this.url = init.url;
    this.redirected = init.redirected ?? false;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  async bytes(): Promise<Uint8Array> {
    if (this.#used) throw new TypeError('The body of this response was already read.');
    this.#used = true;
    const parts: Uint8Array[] = [];
    let length = 0;
    for await (const part of this.body) {
      parts.push(part);
      length += part.byteLength;
    }
    if (parts.length === 1) return parts[0]!;
    const all = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      all.set(part, at);
      at += part.byteLength;
    }
    return all;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return decoder.decode(await this.bytes());
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  /** As the fetch type: the SDK and the CLI read only the members above. */
  asResponse(): Response {
    return this as unknown as Response;
  }
}
