import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { ImportError } from '../../main/import/errors';
import { importPriceFile } from '../../main/import/import-service';
import { generateOffer, loadCatalogShape } from '../fixtures/generate-offer';
import { fixture, importTemps, sha256, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';

let cat: TempCatalog;
let before: string;
beforeEach(() => {
  cat = tempCatalog(inject('catalogPath'));
  before = sha256(cat.path);
});
afterEach(() => {
  // Whatever went wrong, the catalog is byte-identical and no temporary file is left behind.
  expect(sha256(cat.path)).toBe(before);
  expect(importTemps(cat.dir)).toEqual([]);
  cat.cleanup();
});

/** Writes `text` as a file in the test's folder and imports it, returning the ImportError. */
async function failure(
  name: string,
  text: string | Buffer,
  opts: { force?: boolean; kind?: 'spot' } = {},
): Promise<ImportError> {
  const file = join(cat.dir, name);
  writeFileSync(file, text);
  const err = await importPriceFile({
    file,
    catalogPath: cat.path,
    force: opts.force ?? true,
    ...(opts.kind ? { kind: opts.kind } : {}),
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

const excerpt = () => readFileSync(fixture('AmazonEC2-offer-excerpt-us-east-1.json'), 'utf8');

function generated(): { json: Buffer; csv: string } {
  const json = join(cat.dir, 'gen.json');
  const csv = join(cat.dir, 'gen.csv');
  generateOffer({
    jsonPath: json,
    csvPath: csv,
    targetBytes: 300_000,
    shape: loadCatalogShape(cat.path),
    ebs: false,
  });
  return { json: readFileSync(json), csv: readFileSync(csv, 'utf8') };
}

describe('bad input stops the import with the place and the field, and changes nothing', () => {
  it('a truncated JSON file: names the end of the file', async () => {
    const { json } = generated();
    const cut = json.subarray(0, Math.floor(json.length / 2));
    const err = await failure('truncated.json', cut);
    expect(err.code).toBe('truncated');
    expect(err.byteOffset).toBe(cut.length);
    expect(err.message).toMatch(
      new RegExp(`^byte ${cut.length}, field terms\\.(OnDemand|Reserved)[^:]*: file ends inside`),
    );
  });

  it('a wrong offerCode: names the byte where the value starts', async () => {
    const text = excerpt().replace('"offerCode": "AmazonEC2"', '"offerCode": "AmazonEC2x"');
    const err = await failure('wrong-offer.json', text);
    expect(err.code).toBe('wrong-offer');
    expect(err.byteOffset).toBe(Buffer.byteLength(text.slice(0, text.indexOf('"AmazonEC2x"'))));
    expect(err.message).toBe(
      `byte ${err.byteOffset}, field offerCode: offerCode is "AmazonEC2x", expected "AmazonEC2"`,
    );
  });

  it('malformed JSON inside a product: names the byte of the stray comma and the product', async () => {
    const text = excerpt().replace('"vcpu": "96",', '"vcpu": "96",,');
    const err = await failure('malformed.json', text);
    expect(err.code).toBe('malformed');
    expect(err.byteOffset).toBe(Buffer.byteLength(text.slice(0, text.indexOf(',,') + 1)));
    expect(err.field).toBe('products.H7NGEAC6UEHNTKSJ');
  });

  it('malformed JSON in a part it skips: still caught, at the exact byte', async () => {
    const text = excerpt().replace('"attributesList"', '@"attributesList"');
    const err = await failure('garbage.json', text);
    expect(err.code).toBe('malformed');
    expect(err.byteOffset).toBe(Buffer.byteLength(text.slice(0, text.indexOf('@'))));
    expect(err.message).toMatch(/unexpected character 0x40/);
  });

  it('a price that is not a number (JSON): names the price field', async () => {
    const text = excerpt().replace('"32.7726000000"', '"32.77x"');
    const err = await failure('bad-price.json', text);
    expect(err.code).toBe('bad-price');
    expect(err.field).toBe(
      'terms.OnDemand.H7NGEAC6UEHNTKSJ.H7NGEAC6UEHNTKSJ.JRTCKXETXF.priceDimensions.H7NGEAC6UEHNTKSJ.JRTCKXETXF.6YS6EN2CT7.pricePerUnit.USD',
    );
    expect(err.message).toMatch(/not a price: "32\.77x"$/);
  });

  it('a CSV without a required column: names line 6 and the column', async () => {
    const { csv } = generated();
    const text = csv.replace('"PricePerUnit",', '');
    const err = await failure('missing-column.csv', text);
    expect(err.code).toBe('missing-column');
    expect(err.message).toBe('line 6, field PricePerUnit: the header has no "PricePerUnit" column');
  });

  it('a price that is not a number (CSV): names the line', async () => {
    const { csv } = generated();
    const lines = csv.split('\n');
    // The first Linux/Shared/Used on-demand row: a row the importer keeps.
    const i = lines.findIndex(
      (l) =>
        l.includes('"OnDemand"') &&
        l.includes('"Shared"') &&
        l.includes('"Used"') &&
        l.includes('"RunInstances"'),
    );
    lines[i] = lines[i]!.replace(/"Hrs","(\d+\.\d+)"/, '"Hrs","1,5"');
    const err = await failure('bad-price.csv', lines.join('\n'));
    expect(err.code).toBe('bad-price');
    expect(err.line).toBe(i + 1);
    expect(err.message).toBe(`line ${i + 1}, field PricePerUnit: not a price: "1,5"`);
  });

  it('a file older than the catalog for every scope it holds, unless forced', async () => {
    // The excerpt holds us-east-1 Linux On-Demand only; the catalog's are Karpenter's of 2026-07-20.
    const err = await failure('old.json', excerpt(), { force: false });
    expect(err.code).toBe('stale');
    expect(err.message).toBe(
      "field publicationDate: the catalog's us-east-1 Linux On-Demand prices are from 2026-07-20, newer than this file's 2024-05-28; use --force to replace them",
    );
  });

  it('a file of another kind than asked for', async () => {
    const err = await failure('ec2.json', excerpt(), { kind: 'spot' });
    expect(err.message).toBe('field kind: --kind spot given, but the file is a ec2 file');
  });

  it('a cancel (AbortSignal) part-way through', async () => {
    const { json } = generated();
    const file = join(cat.dir, 'cancel.json');
    writeFileSync(file, json);
    const ac = new AbortController();
    const err = await importPriceFile({
      file,
      catalogPath: cat.path,
      signal: ac.signal,
      progressIntervalMs: 0,
      onProgress: () => ac.abort(),
    }).catch((e: unknown) => e);
    expect((err as ImportError).code).toBe('cancelled');
  });
});
