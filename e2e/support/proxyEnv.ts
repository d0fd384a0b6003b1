/** The key the dev server's proxy adds upstream in e2e runs; tests check it never reaches the page. */
export const PROXY_TEST_KEY = 'sk-test-proxy-key';

/** The dev server's environment for e2e: its /api/llm proxy forwards to its own /api/simulator/v1 endpoint. */
export function proxyServerEnv(port: number): Record<string, string> {
  return { OPENAI_BASE_URL: `http://localhost:${port}/api/simulator/v1`, OPENAI_API_KEY: PROXY_TEST_KEY };
}
