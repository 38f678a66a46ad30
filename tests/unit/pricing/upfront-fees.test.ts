import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal, toUsdString } from '@shared/money';
import { upfrontFromEffectiveHourly } from '@shared/pricing/rates';
import { savingsPlanPayment, wholeDollarUpfrontFee } from '@shared/pricing/upfront-fees';
import { TERM_HOURS } from '@shared/units';
import { splitCsv } from '../../../main/import/csv-lines';
import { fixture } from '../../fixtures/import-test-support';

interface PublishedFee {
  file: string;
  purchase: string;
  termYears: 1 | 3;
  fee: string;
}

const years = (lease: string): 1 | 3 => (lease.startsWith('3') ? 3 : 1);

/** Every "Upfront Fee" price dimension of the real offer files, as AWS wrote it. */
function publishedFees(): PublishedFee[] {
  const out: PublishedFee[] = [];
  const json = JSON.parse(
    readFileSync(fixture('AmazonEC2-offer-m5.large-us-east-1-from-get-products.json'), 'utf8'),
  ) as {
    terms: {
      Reserved: Record<
        string,
        Record<
          string,
          {
            termAttributes: { LeaseContractLength: string; PurchaseOption: string };
            priceDimensions: Record<string, { description: string; pricePerUnit: { USD: string } }>;
          }
        >
      >;
    };
  };
  for (const terms of Object.values(json.terms.Reserved)) {
    for (const t of Object.values(terms)) {
      for (const d of Object.values(t.priceDimensions)) {
        if (d.description !== 'Upfront Fee') continue;
        out.push({
          file: 'json',
          purchase: t.termAttributes.PurchaseOption,
          termYears: years(t.termAttributes.LeaseContractLength),
          fee: d.pricePerUnit.USD,
        });
      }
    }
  }
  const lines = readFileSync(fixture('AmazonEC2-offer-sample.csv'), 'utf8').split('\n');
  const header: string[] = [];
  splitCsv(lines[5]!, header);
  const col = (name: string) => header.indexOf(name);
  const f: string[] = [];
  for (const line of lines.slice(6)) {
    if (!line || !splitCsv(line, f) || f[col('PriceDescription')] !== 'Upfront Fee') continue;
    out.push({
      file: 'csv',
      purchase: f[col('PurchaseOption')]!,
      termYears: years(f[col('LeaseContractLength')]!),
      fee: f[col('PricePerUnit')]!,
    });
  }
  return out;
}

/** What a source that publishes only an effective rate gives: fee ÷ term hours to 6 decimals. */
const sixDecimalRate = (fee: Decimal, termYears: 1 | 3) =>
  fee.div(TERM_HOURS[termYears]).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);

describe('All Upfront fees derived from an effective rate, justified by the real offer files', () => {
  const fees = publishedFees();
  const allUpfront = fees.filter((p) => p.purchase === 'All Upfront');

  it('finds every Upfront Fee of the real excerpts, and every one is a whole number of dollars', () => {
    // m5.large us-east-1 (GetProducts): All Upfront 494 / 577 (1 yr std / conv), 949 / 1,161 (3 yr);
    // Partial 252 / 294 (1 yr), 505 / 592 (3 yr). The CSV sample (c6i.large Win+SQL Web dedicated,
    // m6id.2xlarge Win+SQL Std): All Upfront 2,033, 2,129, 14,359 (1 yr), 5,421, 5,655 (3 yr), Partial 6.
    expect(allUpfront.map((p) => Number(p.fee)).sort((a, b) => a - b)).toEqual([
      494, 577, 949, 1161, 2033, 2129, 5421, 5655, 14359,
    ]);
    expect(fees).toHaveLength(9 + 4 + 6);
    for (const p of fees) expect(p.fee, `${p.file} ${p.purchase} ${p.termYears} yr`).toMatch(/^\d+$/);
  });

  it('rounding effective × term hours to the dollar gives back every published All Upfront fee', () => {
    for (const p of allUpfront) {
      const fee = new Decimal(p.fee);
      const rate = sixDecimalRate(fee, p.termYears);
      expect(toUsdString(wholeDollarUpfrontFee(rate, p.termYears)), `${p.fee} via ${rate}`).toBe(p.fee);
    }
    // …where the plain product does not: 494 / 8,760 = 0.0563926… → 0.056393 × 8,760 = 494.00268.
    const products = allUpfront.map((p) =>
      toUsdString(upfrontFromEffectiveHourly(sixDecimalRate(new Decimal(p.fee), p.termYears), p.termYears)),
    );
    expect(products.filter((v, i) => v !== allUpfront[i]!.fee).length).toBeGreaterThanOrEqual(8);
  });

  it('turns the snapshot’s effective rates of the three examples into AWS’s fees', () => {
    // pricing-data/snapshot/vantage-ec2-prices-by-region-os.csv:
    // m5.large us-east-1 linux 0.056393 (1 yr) and 0.036111 (3 yr); AWS's offer file: 494 and 949.
    expect(toUsdString(wholeDollarUpfrontFee(new Decimal('0.056393'), 1))).toBe('494'); // 494.00268
    expect(toUsdString(wholeDollarUpfrontFee(new Decimal('0.036111'), 3))).toBe('949'); // 948.99708
    // c5.xlarge ap-northeast-1 Windows 0.309817 (1 yr) and 0.26446 (3 yr); the AWS Pricing
    // Calculator: "1 Reserved instances x 2714.000000 USD upfront cost", "… x 6950.000000 USD".
    expect(toUsdString(wholeDollarUpfrontFee(new Decimal('0.309817'), 1))).toBe('2714'); // 2,713.99692
    expect(toUsdString(wholeDollarUpfrontFee(new Decimal('0.26446'), 3))).toBe('6950'); // 6,950.0088
  });

  it('refuses a rate that no whole-dollar fee rounds to', () => {
    // 0.0564 × 8,760 = 494.064: 0.064 from 494, more than 0.0000005 × 8,760 = 0.00438.
    expect(() => wholeDollarUpfrontFee(new Decimal('0.0564'), 1)).toThrow(
      'effective rate 0.0564/h × 8760 h = 494.064 is 0.064 from a whole-dollar fee, more than its 6-decimal rounding allows (0.00438)',
    );
    // With 4 decimals the same figure fits (0.00005 × 8,760 = 0.438).
    expect(toUsdString(wholeDollarUpfrontFee(new Decimal('0.0564'), 1, 4))).toBe('494');
  });
});

describe('the upfront part of a Savings Plan', () => {
  // A real rate: ap-east-2 EC2 Instance Savings Plan r7g, 3 yr Partial Upfront, r7g.2xlarge Linux
  // (APE2-BoxUsage:r7g.2xlarge, RunInstances): 0.1954/h (AWSComputeSavingsPlan-ap-east-2-sample.csv).
  const rate = new Decimal('0.1954');

  it('Partial Upfront: half the term’s commitment upfront, the other half hourly', () => {
    // 0.1954 × 26,280 h = 5,135.112; half = 2,567.556 upfront; 0.1954 / 2 = 0.0977/h.
    const p = savingsPlanPayment(rate, 3, 'partial-upfront');
    expect(toUsdString(p.upfrontUsd)).toBe('2567.556');
    expect(toUsdString(p.hourlyUsd)).toBe('0.0977');
    // Together they are the rate again: 2,567.556 / 26,280 + 0.0977 = 0.1954.
    expect(toUsdString(p.upfrontUsd.div(26280).plus(p.hourlyUsd))).toBe('0.1954');
  });

  it('All Upfront: the whole commitment upfront; No Upfront: all of it hourly', () => {
    const all = savingsPlanPayment(rate, 3, 'all-upfront');
    expect([toUsdString(all.upfrontUsd), toUsdString(all.hourlyUsd)]).toEqual(['5135.112', '0']);
    const none = savingsPlanPayment(rate, 1, 'no-upfront');
    expect([toUsdString(none.upfrontUsd), toUsdString(none.hourlyUsd)]).toEqual(['0', '0.1954']);
  });
});
