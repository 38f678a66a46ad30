/** A CatalogSink that keeps what the readers and the mapper hand it in memory (no database). */
import type { InstanceTypeDbRow } from '../../../main/catalog/rows';
import type { CatalogSink } from '../../../main/import/catalog-sink';
import type { ImportErrorWhere } from '../../../main/import/errors';
import { specFromAttributes } from '../../../main/import/instance-spec';
import type {
  Attributes,
  DedicatedFeeInput,
  EbsPriceInput,
  Ec2PriceInput,
  HostPriceInput,
  OfferHeader,
} from '../../../main/import/types';

export class MemorySink implements CatalogSink {
  readonly headers: { header: OfferHeader; where: ImportErrorWhere }[] = [];
  /** code → name, starting with the regions the "catalog" already has. */
  readonly regions: Map<string, string>;
  /** Types the sink added from product attributes (types it already knew are not listed). */
  readonly addedTypes: InstanceTypeDbRow[] = [];
  readonly skippedTypes: string[] = [];
  readonly ec2Rows: Ec2PriceInput[] = [];
  readonly ebsRows: EbsPriceInput[] = [];
  readonly hostRows: HostPriceInput[] = [];
  readonly feeRows: DedicatedFeeInput[] = [];
  private readonly knownTypes: Set<string>;

  constructor(known: { types?: readonly string[]; regions?: Record<string, string> } = {}) {
    this.knownTypes = new Set(known.types);
    this.regions = new Map(Object.entries(known.regions ?? {}));
  }

  header(header: OfferHeader, where: ImportErrorWhere): void {
    this.headers.push({ header, where });
  }

  regionCodeFor(location: string | undefined): string | undefined {
    for (const [code, name] of this.regions) if (name === location) return code;
    return undefined;
  }

  region(code: string, name: string | undefined): void {
    if (!this.regions.has(code)) this.regions.set(code, name ?? code);
  }

  instanceType(type: string, attrs: Attributes | null): boolean {
    if (this.knownTypes.has(type)) return true;
    const spec = attrs ? specFromAttributes(attrs) : null;
    if (!spec) {
      this.skippedTypes.push(type);
      return false;
    }
    this.addedTypes.push(spec);
    this.knownTypes.add(type);
    return true;
  }

  ec2(row: Ec2PriceInput): void {
    this.ec2Rows.push(row);
  }

  ebs(row: EbsPriceInput): void {
    this.ebsRows.push(row);
  }

  host(row: HostPriceInput): void {
    this.hostRows.push(row);
  }

  dedicatedFee(row: DedicatedFeeInput): void {
    this.feeRows.push(row);
  }
}
