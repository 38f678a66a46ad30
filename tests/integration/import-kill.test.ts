import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importPriceFile } from '../../main/import/import-service';
import { openCatalog } from '../../main/services';
import { generateOffer, loadCatalogShape } from '../fixtures/generate-offer';
import { fixture, importTemps, sha256, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';

const ROOT = resolve(import.meta.dirname, '..', '..');
let dir: string;
let offer: string;
let cat: TempCatalog;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-kill-'));
  offer = join(dir, 'offer.json');
  generateOffer({ jsonPath: offer, targetBytes: 40e6, shape: loadCatalogShape(inject('catalogPath')) });
  cat = tempCatalog(inject('catalogPath'));
});
afterAll(() => {
  cat.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts an import in a child process and SIGKILLs it once it has read part of the file. */
function importAndKill(
  file: string,
  catalog: string,
): Promise<{ killedAt: number; total: number; signal: string | null; pid: number }> {
  const script = `
    import { importPriceFile } from ${JSON.stringify(join(ROOT, 'main/import/import-service.ts'))};
    await importPriceFile({ file: ${JSON.stringify(file)}, catalogPath: ${JSON.stringify(catalog)}, progressIntervalMs: 0,
      onProgress: (p) => process.stdout.write(p.bytesRead + ' ' + p.totalBytes + '\\n') });
    process.stdout.write('finished\\n');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
  });
  return new Promise((done, fail) => {
    let killedAt = -1;
    let total = 0;
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      for (const line of buffered.split('\n').slice(0, -1)) {
        if (line === 'finished') fail(new Error('the import finished before it could be killed'));
        const [read, size] = line.split(' ').map(Number) as [number, number];
        if (killedAt < 0 && read >= size * 0.25 && read < size) {
          killedAt = read;
          total = size;
          child.kill('SIGKILL');
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
    child.on('exit', (_code, signal) => done({ killedAt, total, signal, pid: child.pid ?? -1 }));
    child.on('error', fail);
  });
}

describe('kill -9 during an import', () => {
  it('leaves the old catalog byte-identical and usable; the next import removes the orphaned temp file', async () => {
    const before = sha256(cat.path);
    const killed = await importAndKill(offer, cat.path);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.killedAt).toBeGreaterThan(0);
    expect(killed.killedAt).toBeLessThan(killed.total);
    expect(sha256(cat.path)).toBe(before);
    // The killed process could not clean up after itself…
    expect(importTemps(cat.dir)).toContain(`catalog.sqlite.import-${killed.pid}.tmp`);
    // …the old catalog still opens (read-only, schema checked) and answers,
    const db = openCatalog(cat.path);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'as_of'").pluck().get()).toBe('2026-07-20');
    db.close();
    // …and the next import (here the small real excerpt) removes the orphan and succeeds.
    const s = await importPriceFile({
      file: fixture('AmazonEC2-offer-excerpt-us-east-1.json'),
      catalogPath: cat.path,
      force: true,
    });
    expect(s.rows).toBe(1);
    expect(importTemps(cat.dir)).toEqual([]);
    expect(existsSync(cat.path)).toBe(true);
  });
});
