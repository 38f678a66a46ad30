import type { ByteReader } from './byte-reader';
import type { PaymentOption, PlanType } from '@shared/catalog-types';
import type { CatalogSink } from './catalog-sink';
import { columnIndex, csvMetadata, dateLine, readCsvLines, splitCsv } from './csv-lines';
import { excerpt, ImportError, type ImportErrorWhere } from './errors';
import { osForOperation } from './mapping';
import { isObject, own, parseSlice, str } from './parse-slice';
import { canonicalPrice, isZeroPrice } from './price-string';
import { scanJson } from './scanner';
import type { OfferHeader } from './types';
import { parseUsageType } from './usage-type';

export interface SpCounts {
  rates: number;
  skipped: number;
  zeroPrices: number;
}

interface Rate {
  planFamily: string | undefined;
  purchase: string | undefined;
  termYears: number | null;
  usageType: string;
  operation: string | undefined;
  regionCode: string | undefined;
  instanceType: string | undefined;
  rate: unknown;
}

const PAYMENT: Record<string, PaymentOption> = {
  'No Upfront': 'no-upfront',
  'Partial Upfront': 'partial-upfront',
  'All Upfront': 'all-upfront',
};
const PLAN: Record<string, PlanType> = {
  EC2InstanceSavingsPlans: 'ec2-instance',
  ComputeSavingsPlans: 'compute',
};

/**
 * One Savings Plans rate → a 'savings-plan' price row: the plan's discounted hourly rate for an
 * instance type, region and OS, shared tenancy (BoxUsage) or a Dedicated Instance (DedicatedUsage).
 * Dedicated Host usage (HostUsage) is not taken: the catalog prices hosts per family, not per rate. Savings Plans have no per-instance
 * upfront fee (the commitment is in USD/hour), so upfront is 0 and effective = the rate.
 */
function writeRate(w: CatalogSink, counts: SpCounts, r: Rate, where: ImportErrorWhere): void {
  counts.rates++;
  const usage = parseUsageType(r.usageType);
  const os = osForOperation(r.operation);
  const plan = own(PLAN, r.planFamily);
  const payment = own(PAYMENT, r.purchase);
  const region = r.regionCode || usage?.region;
  const type = r.instanceType || usage?.instanceType;
  if (
    !usage?.tenancy ||
    !os ||
    !plan ||
    !payment ||
    !region ||
    !type ||
    (r.termYears !== 1 && r.termYears !== 3)
  ) {
    counts.skipped++;
    return;
  }
  const price = canonicalPrice(r.rate, where);
  if (isZeroPrice(price)) {
    counts.zeroPrices++;
    return;
  }
  if (!w.instanceType(type, null)) {
    counts.skipped++;
    return;
  }
  w.region(region, undefined);
  w.ec2({
    region,
    instance_type: type,
    os,
    tenancy: usage.tenancy,
    model: 'savings-plan',
    term_years: r.termYears,
    payment_option: payment,
    offering_class: '',
    plan_type: plan,
    upfront_usd: '0',
    hourly_usd: price,
    effective_hourly_usd: price,
  });
}

const SP_COLUMNS = [
  'DiscountedRate',
  'Currency',
  'DiscountedUsageType',
  'DiscountedOperation',
  'PurchaseOption',
  'LeaseContractLength',
  'LeaseContractLengthUnit',
  'Product Family',
] as const;

export async function readSavingsPlansCsv(
  reader: ByteReader,
  w: CatalogSink,
  counts: SpCounts,
): Promise<OfferHeader> {
  const metaLines: string[][] = [];
  let col: Map<string, number> | null = null;
  let columns = 0;
  const f: string[] = [];
  await readCsvLines(reader, (line, lineNo) => {
    if (!splitCsv(line, f)) return false;
    if (lineNo <= 5) {
      metaLines.push([...f]);
      const code = lineNo === 5 ? csvMetadata(metaLines).OfferCode : undefined;
      if (lineNo === 5 && !/SavingsPlan/.test(code ?? '')) {
        throw new ImportError(
          'wrong-offer',
          `OfferCode is ${excerpt(code ?? null)}, expected a Savings Plans offer`,
          {
            line: 5,
            field: 'OfferCode',
          },
        );
      }
      if (lineNo === 5) w.header(csvHeader(metaLines), dateLine(metaLines));
      return true;
    }
    if (col === null) {
      col = columnIndex(f, SP_COLUMNS, lineNo);
      columns = f.length;
      return true;
    }
    if (line.length === 0) return true;
    // A row cut short (the file was truncated) would otherwise import as a partial set of rates.
    if (f.length < columns) {
      throw new ImportError('missing-column', `row has ${f.length} fields, the header has ${columns}`, {
        line: lineNo,
        field: 'row',
      });
    }
    const get = (name: string) => {
      const i = col!.get(name);
      return i === undefined ? undefined : f[i];
    };
    if (get('Currency') !== 'USD') {
      throw new ImportError('bad-value', `currency ${excerpt(get('Currency'))}, expected USD`, {
        line: lineNo,
        field: 'Currency',
      });
    }
    const unit = get('LeaseContractLengthUnit');
    const length = Number(get('LeaseContractLength'));
    writeRate(
      w,
      counts,
      {
        planFamily: get('Product Family'),
        purchase: get('PurchaseOption'),
        termYears: unit === 'year' || unit === 'years' ? length : null,
        usageType: get('DiscountedUsageType') ?? '',
        operation: get('DiscountedOperation'),
        regionCode: get('DiscountedRegionCode'),
        instanceType: get('DiscountedInstanceType'),
        rate: get('DiscountedRate'),
      },
      { line: lineNo, field: 'DiscountedRate' },
    );
    return true;
  });
  if (col === null) throw new ImportError('truncated', 'the file ends before its header row', { line: 6 });
  return csvHeader(metaLines);
}

function csvHeader(lines: string[][]): OfferHeader {
  const meta = csvMetadata(lines);
  return {
    offerCode: meta.OfferCode ?? '',
    version: meta.Version ?? '',
    publicationDate: meta['Publication Date'] ?? '',
  };
}

interface PlanProduct {
  family: string | undefined;
  purchase: string | undefined;
  termYears: number | null;
}

/**
 * The JSON variant: products[] (plan SKUs: family, purchaseOption, purchaseTerm), then
 * terms.savingsPlan[] with rates[] per discounted usage type. Rates without a discountedOperation
 * cannot name an OS and are skipped, never guessed.
 */
export async function readSavingsPlansJson(
  reader: ByteReader,
  w: CatalogSink,
  counts: SpCounts,
): Promise<OfferHeader> {
  const header: Partial<OfferHeader> = { offerCode: 'AWSComputeSavingsPlan' };
  const plans = new Map<string, PlanProduct>();
  let dateAt = 0;
  let started = false;
  await scanJson(reader, {
    topString(key, value, byteOffset) {
      if (key === 'offerCode' || key === 'version' || key === 'publicationDate') header[key] = value;
      if (key === 'publicationDate') dateAt = byteOffset;
    },
    wants(depth, keys, parentIsArray, byteOffset) {
      if (!started && depth === 3 && keys[1] === 'products') {
        started = true;
        if (!header.publicationDate) {
          throw new ImportError('malformed', 'the file has no publicationDate before its products', {
            byteOffset,
            field: 'publicationDate',
          });
        }
        w.header(
          {
            offerCode: header.offerCode!,
            version: header.version ?? '',
            publicationDate: header.publicationDate,
          },
          { byteOffset: dateAt },
        );
      }
      return (
        parentIsArray &&
        ((depth === 3 && keys[1] === 'products') ||
          (depth === 4 && keys[1] === 'terms' && keys[2] === 'savingsPlan'))
      );
    },
    value(buf, start, end, depth, _keys, byteOffset) {
      const v = parseSlice(
        buf.toString('utf8', start, end),
        byteOffset,
        depth === 3 ? 'products[]' : 'terms.savingsPlan[]',
      );
      if (!isObject(v)) return;
      if (depth === 3) {
        const a = isObject(v.attributes) ? v.attributes : {};
        const term = /^(\d)yr$/.exec(str(a.purchaseTerm) ?? '');
        plans.set(str(v.sku) ?? '', {
          family: str(v.productFamily),
          purchase: str(a.purchaseOption),
          termYears: term ? Number(term[1]) : null,
        });
        return;
      }
      if (!started) {
        throw new ImportError('malformed', 'rates appear before the plans (products) they belong to', {
          byteOffset,
          field: 'terms.savingsPlan[]',
        });
      }
      const plan = plans.get(str(v.sku) ?? '');
      const lease = isObject(v.leaseContractLength) ? Number(v.leaseContractLength.duration) : null;
      for (const r of Array.isArray(v.rates) ? (v.rates as unknown[]) : []) {
        if (!isObject(r)) continue;
        const dr = isObject(r.discountedRate) ? r.discountedRate : {};
        writeRate(
          w,
          counts,
          {
            planFamily: plan?.family,
            purchase: plan?.purchase,
            termYears: plan?.termYears ?? lease,
            usageType: str(r.discountedUsageType) ?? '',
            operation: str(r.discountedOperation),
            regionCode: str(r.discountedRegionCode),
            instanceType: str(r.discountedInstanceType),
            rate: dr.price,
          },
          {
            byteOffset,
            field: `terms.savingsPlan[${str(v.sku) ?? '?'}].rates[${str(r.rateCode) ?? '?'}].discountedRate.price`,
          },
        );
      }
    },
  });
  if (!header.publicationDate)
    throw new ImportError('malformed', 'the file has no publicationDate', {
      byteOffset: reader.stats.bytesRead,
      field: 'publicationDate',
    });
  return {
    offerCode: header.offerCode!,
    version: header.version ?? '',
    publicationDate: header.publicationDate,
  };
}
