/** Same-origin path of the dev/preview servers' model proxy (the key stays on the server). */
export const PROXY_BASE_URL = '/api/llm';
