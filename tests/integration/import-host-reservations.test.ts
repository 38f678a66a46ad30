import { copyFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { ImportError } from '../../main/import/errors';
import { importPriceFile } from '../../main/import/import-service';
import type { PriceOptions } from '@shared/catalog-types';
import { hostKey } from '@shared/pricing/price-book';
import { fixture, query, sha256, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';
import { parseScenario, realPricing } from '../support/real-pricing';

// Dedicated Host Reservations from `aws ec2 describe-host-reservation-offerings` (the AWS CLI
// reference's m4 example). The output names no region and no date: the import is told the region and
// dates it by the file's modification time, set here to 2026-11-29.

let cat: TempCatalog;
let file: string;
beforeEach(() => {
  cat = tempCatalog(inject('catalogPath'));
  file = join(cat.dir, 'host-reservation-offerings.json');
  copyFileSync(fixture('describe-host-reservation-offerings-m4.json'), file);
  const when = new Date('2026-11-29T12:00:00Z');
  utimesSync(file, when, when);
});
afterEach(() => cat.cleanup());

const SOURCE = 'aws-host-reservations-us-east-1-2026-11-29';

describe('Dedicated Host Reservation offerings (describe-host-reservation-offerings output)', () => {
  it('needs the region it was read in, and refuses --region for files that name their own', async () => {
    const before = sha256(cat.path);
    const err = await importPriceFile({ file, catalogPath: cat.path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(
      /names no region: give the region it was read in \(--region\)/,
    );
    const cli = await runCli(['import', file, '--catalog', cat.path, '--region', 'virginia']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--region: must be a region code such as us-east-1; got virginia');
    const other = await importPriceFile({
      file: fixture('AmazonEC2-dedicated-host-excerpt.json'),
      catalogPath: cat.path,
      region: 'us-east-1',
    }).catch((e: unknown) => e);
    expect((other as ImportError).message).toMatch(/names its own regions/);
    expect(sha256(cat.path)).toBe(before);
  });

  it('stores the six m4 offerings of us-east-1 as host reservations, each as AWS gives it', async () => {
    const r = await runCli(['import', file, '--catalog', cat.path, '--region', 'us-east-1']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'host-reservations',
      sourceId: SOURCE,
      rows: 6,
      hostRows: 6,
    });
    const rows = query<Record<string, unknown>>(
      cat.path,
      `SELECT term_years, payment_option, upfront_usd, hourly_usd, effective_hourly_usd FROM host_prices
       WHERE region = 'us-east-1' AND family = 'm4' AND model = 'reserved' AND source_id = ?
       ORDER BY term_years, payment_option`,
      SOURCE,
    );
    expect(rows.map((x) => [x.term_years, x.payment_option, x.upfront_usd, x.hourly_usd])).toEqual([
      [1, 'all-upfront', '12257', '0'],
      [1, 'no-upfront', '0', '1.499'],
      [1, 'partial-upfront', '6254', '0.714'],
      [3, 'all-upfront', '23913', '0'],
      [3, 'no-upfront', '0', '1.045'],
      [3, 'partial-upfront', '12720', '0.484'],
    ]);
    // 1 yr Partial Upfront: 6,254 / 8,760 h = 0.713926940639269406392…, + 0.714 = 1.427926940639269406…,
    // to decimal.js's 20 significant digits 1.4279269406392694064.
    expect(rows[2]!.effective_hourly_usd).toBe('1.4279269406392694064');
    expect(new Decimal(6254).div(8760).plus('0.714').toSignificantDigits(20).toString()).toBe(
      rows[2]!.effective_hourly_usd,
    );
    expect(
      query(cat.path, 'SELECT model, os, tenancy, as_of, rows FROM scope_dates WHERE source_id = ?', SOURCE),
    ).toEqual([{ model: 'reserved', os: '', tenancy: 'host', as_of: '2026-11-29', rows: 6 }]);

    const shown = await runCli(
      ['price', 'm4.xlarge', '--region', 'us-east-1', '--tenancy', 'host', '--format', 'json'],
      {
        catalogPath: cat.path,
      },
    );
    const p = JSON.parse(shown.stdout) as PriceOptions;
    expect(p.host).toMatchObject({
      family: 'm4',
      onDemandHourlyUsd: null,
      instancesOfThisSize: null,
      note: null,
    });
    expect(p.host!.reservations).toContainEqual({
      termYears: 1,
      paymentOption: 'partial-upfront',
      upfrontUsd: '6254',
      hourlyUsd: '0.714',
      effectiveHourlyUsd: '1.42792694',
      sourceId: SOURCE,
    });

    const pricing = realPricing(cat.path);
    try {
      const book = pricing.book(
        parseScenario({
          name: 'm4 host',
          lines: [
            {
              id: 'm4',
              instanceType: 'm4.xlarge',
              region: 'us-east-1',
              tenancy: 'host',
              usage: { pattern: 'constant', count: 1 },
            },
          ],
        }),
      );
      const host = book.hosts?.[hostKey('us-east-1', 'm4')];
      expect(host).toMatchObject({ family: 'm4', onDemandHourlyUsd: null, instancesPerHost: {}, vcpu: null });
      expect(host!.reservations).toHaveLength(6);
      expect(host!.reservations).toContainEqual({
        termYears: 3,
        paymentOption: 'all-upfront',
        upfrontUsd: '23913',
        hourlyUsd: '0',
        sourceId: SOURCE,
      });
    } finally {
      pricing.close();
    }
  });

  it('refuses an entry it cannot read, naming it, and leaves the catalog as it was', async () => {
    const bad = join(cat.dir, 'bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      bad,
      JSON.stringify({
        OfferingSet: [
          {
            HourlyPrice: '1.499',
            InstanceFamily: 'm4',
            PaymentOption: 'NoUpfront',
            UpfrontPrice: '0',
            Duration: 3600,
          },
        ],
      }),
    );
    const before = sha256(cat.path);
    const err = await importPriceFile({ file: bad, catalogPath: cat.path, region: 'us-east-1' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/OfferingSet\.0\.Duration/);
    expect(sha256(cat.path)).toBe(before);
  });
});
