// Starts the real Ostoja server for browser tests: a fresh demo SQLite database in a temp dir,
// `ostoja serve` on a free port, ready when GET /api/v1/health answers. Set OSTOJA_URL to test a
// server that is already running instead (nothing is started or stopped then).
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = path.resolve(repoRoot, process.env.OSTOJA_BIN ?? 'build/release/src/app/ostoja');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, child, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`ostoja serve exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) return;
      lastError = new Error(`health: HTTP ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy in ${timeoutMs} ms: ${lastError?.message}`);
}

/** @returns {Promise<{baseUrl: string, stop: () => Promise<void>, log: () => string}>} */
export async function startServer() {
  if (process.env.OSTOJA_URL) {
    const baseUrl = process.env.OSTOJA_URL.replace(/\/$/, '');
    await waitForHealth(baseUrl, null, 5000);
    return { baseUrl, stop: async () => {}, log: () => '' };
  }
  if (!existsSync(binary)) throw new Error(`Ostoja binary not found at ${binary}; build it or set OSTOJA_BIN`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ostoja-e2e-'));
  const database = `sqlite://${path.join(dir, 'demo.db')}`;
  try {
    // --database is a global option of the CLI, so it goes before the subcommand.
    await promisify(execFile)(binary, ['--database', database, 'demo', '--households', '200', '--seed', '1'], { timeout: 120000 });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const port = await freePort();
  let output = '';
  const child = spawn(binary, ['--database', database, 'serve', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  // If the test process dies without running its after() hook, do not leave the server running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child);
  } catch (err) {
    await stop();
    throw new Error(`${err.message}\n--- server output ---\n${output}`);
  }
  return { baseUrl, stop, log: () => output };
}
