import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A PEM key and certificate for a local TLS server. */
export interface TlsPair {
  key: string;
  cert: string;
}

const run = promisify(execFile);

/**
 * A throwaway self-signed certificate for localhost and 127.0.0.1, made by the `openssl` binary at
 * start (nothing is shipped or kept: the files live in a temporary folder only while openssl writes them).
 */
export async function selfSignedCert(): Promise<TlsPair> {
  const dir = await mkdtemp(join(tmpdir(), 'got-sim-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '7'];
    args.push('-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1', '-keyout', key, '-out', cert);
    try {
      await run('openssl', args);
    } catch (err) {
      throw new Error(`--tls makes a self-signed certificate with the openssl program, which failed: ${(err as Error).message}`, { cause: err });
    }
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
