import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppRequest,
} from '../../main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/transport/http/bridge';
import { isAppUrl } from '../../main/window-security';

const ROOT = resolve(import.meta.dirname, '..', '..');

// A renderer folder with a secret beside it, which no app:// URL may reach.
const base = mkdtempSync(join(tmpdir(), 'planner-app-protocol-'));
const dir = join(base, 'renderer');
mkdirSync(join(dir, 'assets'), { recursive: true });
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>planner</title>');
writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(dir, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(base, 'secret.js'), 'the user’s secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** URLs that try to reach secret.js beside the renderer folder. */
const WAYS_OUT = [
  'app://planner/../secret.js',
  'app://planner/assets/../../secret.js',
  'app://planner/%2e%2e/secret.js',
  'app://planner/assets/%2e%2e%2f%2e%2e%2fsecret.js',
  'app://planner/..%2fsecret.js',
  'app://planner/..%5csecret.js',
  'app://planner/assets%5c..%5c..%5csecret.js',
];

describe('main/app-protocol resolveAppRequest', () => {
  it('maps app://planner URLs to files in the renderer folder, with their content type', () => {
    expect(resolveAppRequest(dir, APP_INDEX_URL)).toEqual({
      ok: true,
      path: join(dir, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest(dir, 'app://planner/')).toMatchObject({ path: join(dir, 'index.html') });
    expect(resolveAppRequest(dir, 'app://planner/index.html?x=1#workloads')).toMatchObject({ ok: true });
    expect(resolveAppRequest(dir, 'app://planner/assets/index-abc.js')).toMatchObject({
      path: join(dir, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it.each(WAYS_OUT)('never maps %s outside the renderer folder', (url) => {
    const r = resolveAppRequest(dir, url);
    // The URL parser already folds plain and %2e dot segments at the root (…/secret.js inside the
    // folder, which does not exist); encoded separators reach the folder check and are refused.
    if (r.ok) expect(r.path.startsWith(dir + sep)).toBe(true);
    else expect(r.status).toBe(403);
  });

  it('refuses encoded separators that would climb out', () => {
    for (const url of WAYS_OUT.slice(3)) {
      expect(resolveAppRequest(dir, url)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses other origins, methods, malformed escapes, NUL bytes and unknown file types', () => {
    expect(resolveAppRequest(dir, 'app://elsewhere/index.html')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest(dir, 'file:///etc/passwd')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest(dir, APP_INDEX_URL, 'POST')).toMatchObject({ ok: false, status: 405 });
    expect(resolveAppRequest(dir, 'app://planner/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest(dir, 'app://planner/index.html%00.js')).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(resolveAppRequest(dir, 'app://planner/assets')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest(dir, 'app://planner/../../etc/shadow')).toMatchObject({ ok: false });
  });
});

describe('main/app-protocol handler', () => {
  const handle = createAppProtocolHandler(dir);

  it('serves the page with the Content-Security-Policy and nosniff', async () => {
    const res = await handle(new Request(APP_INDEX_URL));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>planner</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for a missing file and never serves the file beside the folder', async () => {
    expect((await handle(new Request('app://planner/assets/missing.js'))).status).toBe(404);
    for (const url of WAYS_OUT) {
      const res = await handle(new Request(url));
      expect([403, 404]).toContain(res.status);
      expect(await res.text()).toBe('');
    }
  });

  it('the scheme is standard and secure, and grants no CSP bypass, CORS or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(isAppUrl(`${APP_INDEX_URL}#compare`, APP_INDEX_URL)).toBe(true);
  });
});

describe('content security policy', () => {
  it('allows no inline styles or scripts, in the header and in the page’s meta tag alike', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // A meta policy cannot carry frame-ancestors; otherwise it is the header's policy.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace(" frame-ancestors 'none';", ''));
  });
});

describe('electron-builder.yml fuses', () => {
  // Read with the YAML parser electron-builder itself uses, and checked against its schema's fuse names,
  // so a misspelt fuse cannot be silently ignored.
  const builderRequire = createRequire(
    createRequire(import.meta.url).resolve('app-builder-lib/package.json'),
  );
  const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
    electronFuses: Record<string, boolean>;
  };
  const schema = builderRequire('./scheme.json') as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };

  it('names only fuses electron-builder knows', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses).filter((k) => !known.includes(k))).toEqual([]);
  });

  it('validates app.asar, loads only it, and gives file:// no extra privileges', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
