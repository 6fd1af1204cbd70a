// Black-box harness: starts the real `ostoja` binary on a fresh demo database — SQLite (a temp
// file) or PostgreSQL (a fresh schema in OSTOJA_TEST_PG_URL) — on a free port, and talks HTTP to it.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = path.resolve(root, process.env.OSTOJA_BIN ?? 'build/release/src/app/ostoja');

export const backends = ['sqlite', 'postgresql'];
export const roles = ['admin', 'dyrektor', 'kierownik', 'pracownik', 'asystent', 'swiadczenia', 'analityk', 'partner'];
// Role → permissions, as seeded by migrations 0003_roles.sql, 0006_decisions.sql and 0017_gmina_resolutions.sql
// (the API's GET /roles must agree).
export const rolePermissions = {
  admin: ['users.manage', 'org.read', 'org.write', 'org.templates', 'audit.read', 'tokens.own', 'gmina.read'],
  dyrektor: ['org.read', 'org.write', 'org.templates', 'audit.read', 'cases.read', 'cases.scope_all', 'stats.read',
    'decisions.approve', 'payments.read', 'tokens.own', 'gmina.read'],
  kierownik: ['org.read', 'cases.read', 'cases.write', 'stats.read', 'decisions.write', 'decisions.approve',
    'tokens.own', 'gmina.read'],
  pracownik: ['org.read', 'cases.read', 'cases.write', 'decisions.write', 'tokens.own', 'gmina.read'],
  asystent: ['org.read', 'cases.read', 'cases.write', 'tokens.own'],
  swiadczenia: ['org.read', 'cases.read', 'cases.scope_all', 'decisions.write', 'payments.manage', 'payments.read',
    'tokens.own', 'gmina.read'],
  analityk: ['stats.read', 'tokens.own'],
  partner: ['indicators.write', 'tokens.own'],
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export class Server {
  constructor(backend) {
    this.backend = backend;
  }

  // `env`: extra environment of the server process (e.g. OSTOJA_TRUSTED_PROXIES).
  async start({ households = 300, env = {} } = {}) {
    if (!existsSync(binary)) throw new Error(`no binary at ${binary}`);
    if (this.backend === 'sqlite') {
      this.dir = mkdtempSync(path.join(os.tmpdir(), 'ostoja-api-'));
      this.url = `sqlite://${path.join(this.dir, 'api.db')}`;
    } else {
      const base = process.env.OSTOJA_TEST_PG_URL;
      if (!base) throw new Error('OSTOJA_TEST_PG_URL is not set: API tests need PostgreSQL too');
      this.pgBase = base;
      this.schema = `api_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
      execFileSync('psql', [base, '-q', '-c', `CREATE SCHEMA ${this.schema}`]);
      this.url = `${base}${base.includes('?') ? '&' : '?'}options=-csearch_path%3D${this.schema}`;
    }
    execFileSync(binary, ['demo', '--database', this.url, '--households', String(households), '--seed', '7'], {
      stdio: 'pipe',
      timeout: 120000,
    });
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    this.output = '';
    this.child = spawn(binary, ['serve', '--database', this.url, '--port', String(this.port), '--address', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OSTOJA_ACCESS_LOG: '-', ...env },
    });
    this.child.stdout.on('data', (d) => (this.output += d));
    this.child.stderr.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 30000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`server exited: ${this.output}`);
      try {
        const r = await fetch(`${this.base}/api/v1/health`);
        if (r.ok) break;
      } catch {}
      if (Date.now() > deadline) throw new Error(`server not healthy: ${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return this;
  }

  async stop() {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      await exited;
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    if (this.schema) execFileSync('psql', [this.pgBase, '-q', '-c', `SET client_min_messages = warning; DROP SCHEMA IF EXISTS ${this.schema} CASCADE`]);
  }

  // Runs SQL against the server's database (for finding test records and checking "no state change").
  sql(query) {
    if (this.backend === 'sqlite') {
      return execFileSync('sqlite3', ['-separator', '|', this.url.slice('sqlite://'.length), query]).toString().trim();
    }
    return execFileSync('psql', [this.url, '-At', '-F', '|', '-c', query]).toString().trim();
  }

  async request(method, p, { session, body, headers = {}, raw } = {}) {
    const h = { ...headers };
    if (session?.cookie) h.cookie = session.cookie;
    if (session?.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = session.csrf;
    if (session?.bearer) h.authorization = `Bearer ${session.bearer}`;
    let payload;
    if (raw !== undefined) payload = raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + p, { method, headers: h, body: payload });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, json, text, headers: res.headers };
  }

  // Holds a write lock on `table` from another database session (a real slow query for the server:
  // its writes to that table wait). Resolves once the lock is held, with a function that releases it.
  async holdWriteLock(table) {
    const [cmd, args, lock, end] = this.backend === 'sqlite'
      ? ['sqlite3', [this.url.slice('sqlite://'.length)], 'BEGIN EXCLUSIVE;', 'COMMIT;\n.quit\n']
      : ['psql', [this.pgBase, '-q', '-v', 'ON_ERROR_STOP=1'], `BEGIN; LOCK TABLE ${this.schema}.${table} IN ACCESS EXCLUSIVE MODE;`, 'COMMIT;\n\\q\n'];
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    const held = new Promise((resolve, reject) => {
      child.stdout.on('data', (d) => { out += d; if (out.includes('locked')) resolve(); });
      child.once('exit', (code) => reject(new Error(`${cmd} exited ${code} before taking the lock`)));
    });
    child.stdin.write(`${lock}\nSELECT 'locked';\n`);
    await held;
    let released;
    return () => {
      released ??= new Promise((r) => {
        child.once('exit', r);
        child.stdin.end(end);
      });
      return released;
    };
  }

  async login(login, password = 'demo') {
    const r = await this.request('POST', '/api/v1/auth/login', { body: { login, password } });
    if (r.status !== 200) throw new Error(`login ${login}: ${r.status} ${r.text}`);
    const cookie = r.headers.get('set-cookie').split(';')[0];
    return { cookie, csrf: r.json.csrf_token, user: r.json.user, setCookie: r.headers.get('set-cookie') };
  }
}
