import Decimal from 'decimal.js';
import type { Migration } from '../../migrate';

/**
 * Catalog version 3: whether an upfront fee is as its source publishes it or derived by the planner.
 *
 * `ec2_prices.upfront_source`: 'published' (an offer file's "Upfront Fee" dimension, or no fee at
 * all) or 'derived' (the shipped snapshot's standard All Upfront rows, whose source gives only an
 * effective hourly rate: the fee is that rate × term hours rounded to the whole dollar, see
 * shared/pricing/upfront-fees.ts). Savings Plans rows carry no fee: their upfront part follows from
 * the rate and the payment option (price-options.ts).
 *
 * A version-1 catalog (shipped, or a user's imported copy of it) holds the ec2instances.info All
 * Upfront rows with fees rebuilt unrounded (0.056393 × 8,760 = 494.00268). Those are the only derived
 * fees version 1 ever stored (imports always stored AWS's published fee), so they are marked derived
 * and given the whole-dollar fee and the matching effective rate (fee ÷ term hours, to decimal.js's 20
 * significant digits as the importer writes it), and the headline 1- and 3-year figures recomputed.
 * The arithmetic is written out here, not imported, so this step stays what it was when later code changes.
 */
const V1_DERIVED_SOURCE = 'vantage-2026-05';
const TERM_HOURS = { 1: 8760, 3: 26280 } as const;

interface V1DerivedRow {
  region: string;
  os: string;
  instance_type: string;
  term_years: 1 | 3;
  offering_class: string;
  upfront_usd: string;
}

const canonical = (d: Decimal) => {
  const fixed = d.toFixed();
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
};

export const m0003UpfrontFees: Migration = {
  version: 3,
  name: 'published and derived upfront fees',
  up(db) {
    db.exec(`ALTER TABLE ec2_prices ADD COLUMN upfront_source TEXT NOT NULL DEFAULT 'published'
      CHECK (upfront_source IN ('published', 'derived'))`);

    const rows = db
      .prepare<[string], V1DerivedRow>(
        `SELECT region, os, instance_type, term_years, offering_class, upfront_usd FROM ec2_prices
         WHERE source_id = ? AND model = 'reserved' AND payment_option = 'all-upfront'
           AND term_years IN (1, 3) AND hourly_usd = '0'`,
      )
      .all(V1_DERIVED_SOURCE);
    if (rows.length === 0) return;
    const fix = db.prepare(
      `UPDATE ec2_prices SET upfront_usd = @fee, effective_hourly_usd = @effective, upfront_source = 'derived'
       WHERE region = @region AND os = @os AND instance_type = @instance_type AND tenancy = 'shared'
         AND model = 'reserved' AND term_years = @term_years AND payment_option = 'all-upfront'
         AND offering_class = @offering_class AND plan_type = ''`,
    );
    for (const r of rows) {
      // Version 1 stored effective × term hours unrounded, so rounding it is rounding that product.
      const fee = new Decimal(r.upfront_usd).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      fix.run({
        ...r,
        fee: canonical(fee),
        effective: canonical(fee.div(TERM_HOURS[r.term_years])),
      });
    }
    // Version 1's headline figures: the cheapest 1- and 3-year commitment by effective hourly rate.
    const cheapest = (term: 1 | 3) => `(SELECT p.effective_hourly_usd FROM ec2_prices p
      WHERE p.region = s.region AND p.os = s.os AND p.instance_type = s.instance_type AND p.tenancy = 'shared'
        AND p.model IN ('reserved', 'savings-plan') AND p.term_years = ${term}
      ORDER BY CAST(p.effective_hourly_usd AS REAL) LIMIT 1)`;
    db.exec(`UPDATE price_summary AS s SET best_1y = ${cheapest(1)}, best_3y = ${cheapest(3)}
      WHERE EXISTS (SELECT 1 FROM ec2_prices d WHERE d.region = s.region AND d.os = s.os
        AND d.instance_type = s.instance_type AND d.upfront_source = 'derived')`);
  },
};
