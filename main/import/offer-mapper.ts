import type { CatalogSink } from './catalog-sink';
import { ImportError, type ImportErrorWhere } from './errors';
import {
  divideUsd,
  effectiveHourly,
  mapComputeProduct,
  mapEbsProduct,
  mapFeeProduct,
  mapHostProduct,
  reservedTerm,
  type SkipReason,
} from './mapping';
import { canonicalPrice, isZeroPrice } from './price-string';
import type { Attributes, Dimension, HostPriceInput, HostRef, OfferHeader, SkuRef } from './types';
import { regionOfUsageType } from './usage-type';

export interface MapperCounts {
  products: number;
  keptSkus: number;
  /** Products not kept, by why (ebs-unmapped: any other product the catalog does not price). */
  skipped: Partial<Record<SkipReason | 'ebs-unmapped', number>>;
  zeroPrices: number;
  /** Host-tenancy instance charges of $0 kept: a real price there (Linux on a Dedicated Host). */
  zeroHostCharges: number;
  unknownTerms: number;
}

/**
 * Turns an AmazonEC2 offer (either variant) into catalog rows, handed to a CatalogSink. Products come before terms, so kept
 * SKUs are remembered in a compact map (SKU → shared ref object) and terms of other SKUs are never
 * parsed. Zero prices: AWS lists $0.00 for capacity-block, reservation and host placeholders; a
 * kept shared or dedicated price of exactly 0 is therefore not a real price and is skipped and counted,
 * never stored (an All Upfront reservation's $0 hourly is fine: its effective rate is not 0). The one
 * real zero is a host-tenancy instance's charge (the instance on a Dedicated Host: Linux pays only for
 * the host), kept and counted.
 */
export class OfferMapper {
  readonly skus = new Map<string, SkuRef>();
  readonly counts: MapperCounts = {
    products: 0,
    keptSkus: 0,
    skipped: {},
    zeroPrices: 0,
    zeroHostCharges: 0,
    unknownTerms: 0,
  };
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

  private keep(sku: string, ref: SkuRef, location: string | undefined): void {
    this.sink.region(ref.region, location);
    ref.region = this.intern(ref.region);
    this.skus.set(sku, ref);
    this.counts.keptSkus++;
  }

  product(sku: string, family: string | undefined, attrs: Attributes): void {
    this.counts.products++;
    // Older offer files name a region only by its location ("US East (Ohio)").
    if (attrs.regionCode === undefined && (attrs.locationType ?? 'AWS Region') === 'AWS Region') {
      const code = this.sink.regionCodeFor(attrs.location);
      if (code) attrs = { ...attrs, regionCode: code };
    }
    const mapped = mapComputeProduct(family, attrs);
    if ('ref' in mapped) {
      const { ref } = mapped;
      if (!this.sink.instanceType(ref.instanceType, attrs)) return this.skip('unknown-type');
      ref.instanceType = this.intern(ref.instanceType);
      return this.keep(sku, ref, attrs.location);
    }
    if (mapped.skip !== 'not-compute') return this.skip(mapped.skip);
    const region = attrs.regionCode ?? regionOfUsageType(attrs.usagetype);
    const host = mapHostProduct(family, attrs, region);
    if (host) return 'ref' in host ? this.keep(sku, host.ref, attrs.location) : this.skip(host.skip);
    const fee = mapFeeProduct(family, attrs, region);
    if (fee) return this.keep(sku, fee, attrs.location);
    const ebs = mapEbsProduct(family, attrs);
    if (ebs) return this.keep(sku, ebs, attrs.location);
    this.skip('ebs-unmapped');
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
    const dim = dims.find((d) => (ref.kind === 'ebs' ? true : d.unit === 'Hrs'));
    if (!dim) {
      this.counts.unknownTerms++;
      return;
    }
    const price = canonicalPrice(dim.price, { ...where, field: dim.field });
    if (isZeroPrice(price)) {
      if (ref.kind !== 'compute' || ref.tenancy !== 'host') {
        this.counts.zeroPrices++;
        return;
      }
      this.counts.zeroHostCharges++;
    }
    switch (ref.kind) {
      case 'ebs':
        return this.sink.ebs({
          region: ref.region,
          volume_type: ref.volumeType,
          dimension: ref.dimension,
          unit: ref.unit,
          price_usd: divideUsd(price, ref.divisor),
          description: ref.description,
        });
      case 'host':
        return this.sink.host(
          hostRow(ref, { model: 'on-demand', term_years: 0, payment_option: '' }, '0', price),
        );
      case 'fee':
        return this.sink.dedicatedFee({ region: ref.region, hourly_usd: price });
      case 'compute':
        return this.sink.ec2({
          region: ref.region,
          instance_type: ref.instanceType,
          os: ref.os,
          tenancy: ref.tenancy,
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
  }

  reserved(
    sku: string,
    attrs: { lease?: string; purchase?: string; offeringClass?: string },
    dims: Dimension[],
    where: ImportErrorWhere,
  ): void {
    const ref = this.skus.get(sku);
    if (!ref || (ref.kind !== 'compute' && ref.kind !== 'host')) return;
    // A Dedicated Host Reservation has no offering class; AWS may write one or none.
    const term = reservedTerm(
      attrs.lease,
      attrs.purchase,
      ref.kind === 'host' ? 'standard' : attrs.offeringClass,
    );
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
    if (ref.kind === 'host') {
      const t = {
        model: 'reserved',
        term_years: term.termYears,
        payment_option: term.paymentOption,
      } as const;
      return this.sink.host(hostRow(ref, t, upfront, hourly, effective));
    }
    this.sink.ec2({
      region: ref.region,
      instance_type: ref.instanceType,
      os: ref.os,
      tenancy: ref.tenancy,
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

/** A host_prices row of a host SKU, with what one host holds. */
function hostRow(
  ref: HostRef,
  term: Pick<HostPriceInput, 'model' | 'term_years' | 'payment_option'>,
  upfront: string,
  hourly: string,
  effective = hourly,
): HostPriceInput {
  return {
    region: ref.region,
    family: ref.family,
    ...term,
    upfront_usd: upfront,
    hourly_usd: hourly,
    effective_hourly_usd: effective,
    capacity: {
      vcpu: ref.vcpu,
      physical_cores: ref.physicalCores,
      instances_per_size: JSON.stringify(ref.instancesPerSize),
    },
  };
}
