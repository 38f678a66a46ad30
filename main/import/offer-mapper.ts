import type { CatalogSink } from './catalog-sink';
import { ImportError, type ImportErrorWhere } from './errors';
import {
  divideUsd,
  effectiveHourly,
  mapComputeProduct,
  mapEbsProduct,
  reservedTerm,
  type SkipReason,
} from './mapping';
import { canonicalPrice, isZeroPrice } from './price-string';
import type { Attributes, Dimension, OfferHeader, SkuRef } from './types';

export interface MapperCounts {
  products: number;
  keptSkus: number;
  skipped: Partial<Record<SkipReason | 'ebs-unmapped', number>>;
  zeroPrices: number;
  unknownTerms: number;
}

/**
 * Turns an AmazonEC2 offer (either variant) into catalog rows, handed to a CatalogSink. Products come before terms, so kept
 * SKUs are remembered in a compact map (SKU → shared ref object) and terms of other SKUs are never
 * parsed. Zero prices: AWS lists $0.00 for capacity-block, reservation and host placeholders; a
 * kept shared-tenancy price of exactly 0 is therefore not a real price and is skipped and counted,
 * never stored (an All Upfront reservation's $0 hourly is fine: its effective rate is not 0).
 */
export class OfferMapper {
  readonly skus = new Map<string, SkuRef>();
  readonly counts: MapperCounts = { products: 0, keptSkus: 0, skipped: {}, zeroPrices: 0, unknownTerms: 0 };
  private readonly interned = new Map<string, string>();

  constructor(private readonly sink: CatalogSink) {}

  /** `where`: the file's publication date, for a stale or malformed date. */
  header(h: OfferHeader, where: ImportErrorWhere): void {
    this.sink.header(h, where);
  }

  /** Whether terms of this SKU are worth parsing. */
  wants(sku: string): boolean {
    return this.skus.has(sku);
  }

  private intern(s: string): string {
    const v = this.interned.get(s);
    if (v !== undefined) return v;
    this.interned.set(s, s);
    return s;
  }

  product(sku: string, family: string | undefined, attrs: Attributes): void {
    this.counts.products++;
    if (attrs.regionCode === undefined && attrs.locationType === 'AWS Region') {
      const code = this.sink.regionCodeFor(attrs.location);
      if (code) attrs = { ...attrs, regionCode: code };
    }
    const mapped = mapComputeProduct(family, attrs);
    if ('ref' in mapped) {
      const { ref } = mapped;
      if (!this.sink.instanceType(ref.instanceType, attrs)) return this.skip('unknown-type');
      this.sink.region(ref.region, attrs.location);
      ref.region = this.intern(ref.region);
      ref.instanceType = this.intern(ref.instanceType);
      this.skus.set(sku, ref);
      this.counts.keptSkus++;
      return;
    }
    if (mapped.skip === 'not-compute') {
      const ebs = mapEbsProduct(family, attrs);
      if (ebs) {
        this.sink.region(ebs.region, attrs.location);
        this.skus.set(sku, ebs);
        this.counts.keptSkus++;
        return;
      }
      return this.skip('ebs-unmapped');
    }
    this.skip(mapped.skip);
  }

  /** A product recognized as unusable without parsing it (other tenancy, not EBS). */
  skipUnparsed(): void {
    this.counts.products++;
    this.skip('tenancy');
  }

  private skip(reason: SkipReason | 'ebs-unmapped'): void {
    this.counts.skipped[reason] = (this.counts.skipped[reason] ?? 0) + 1;
  }

  onDemand(sku: string, dims: Dimension[], where: ImportErrorWhere): void {
    const ref = this.skus.get(sku);
    if (!ref) return;
    const dim = dims.find((d) => (ref.kind === 'compute' ? d.unit === 'Hrs' : true));
    if (!dim) {
      this.counts.unknownTerms++;
      return;
    }
    const price = canonicalPrice(dim.price, { ...where, field: dim.field });
    if (isZeroPrice(price)) {
      this.counts.zeroPrices++;
      return;
    }
    if (ref.kind === 'ebs') {
      this.sink.ebs({
        region: ref.region,
        volume_type: ref.volumeType,
        dimension: ref.dimension,
        unit: ref.unit,
        price_usd: divideUsd(price, ref.divisor),
        description: ref.description,
      });
      return;
    }
    this.sink.ec2({
      region: ref.region,
      instance_type: ref.instanceType,
      os: ref.os,
      model: 'on-demand',
      term_years: 0,
      payment_option: '',
      offering_class: '',
      plan_type: '',
      upfront_usd: '0',
      hourly_usd: price,
      effective_hourly_usd: price,
    });
  }

  reserved(
    sku: string,
    attrs: { lease?: string; purchase?: string; offeringClass?: string },
    dims: Dimension[],
    where: ImportErrorWhere,
  ): void {
    const ref = this.skus.get(sku);
    if (!ref || ref.kind !== 'compute') return;
    const term = reservedTerm(attrs.lease, attrs.purchase, attrs.offeringClass);
    if (!term) {
      this.counts.unknownTerms++;
      return;
    }
    let hourly: string | null = null;
    let upfront = '0';
    for (const d of dims) {
      if (d.unit === 'Hrs') hourly = canonicalPrice(d.price, { ...where, field: d.field });
      else if (d.unit === 'Quantity' && d.description === 'Upfront Fee') {
        upfront = canonicalPrice(d.price, { ...where, field: d.field });
      }
    }
    if (hourly === null) {
      throw new ImportError('bad-value', 'reserved term has no hourly (Hrs) price dimension', where);
    }
    if (term.paymentOption !== 'no-upfront' && upfront === '0') {
      throw new ImportError('bad-value', `${attrs.purchase} term has no Upfront Fee dimension`, where);
    }
    const effective = effectiveHourly(upfront, hourly, term.termYears);
    if (isZeroPrice(effective)) {
      this.counts.zeroPrices++;
      return;
    }
    this.sink.ec2({
      region: ref.region,
      instance_type: ref.instanceType,
      os: ref.os,
      model: 'reserved',
      term_years: term.termYears,
      payment_option: term.paymentOption,
      offering_class: term.offeringClass,
      plan_type: '',
      upfront_usd: upfront,
      hourly_usd: hourly,
      effective_hourly_usd: effective,
    });
  }
}
