import type { ImportErrorWhere } from './errors';
import type {
  Attributes,
  DedicatedFeeInput,
  Ec2PriceInput,
  EbsPriceInput,
  HostPriceInput,
  OfferHeader,
} from './types';

/**
 * Where the readers and the mapper put what they read. CatalogWriter (catalog-writer.ts) writes it
 * into an import's private copy of the catalog; a test can keep it in memory.
 */
export interface CatalogSink {
  /**
   * Called as soon as the file's header is known, before any price: refuses a malformed date or a
   * file older than the catalog (unless forced) and records the source the prices will name.
   * `where` = the publication date in the file.
   */
  header(h: OfferHeader, where: ImportErrorWhere): void;
  /** Older offer files carry only the location name ("US East (N. Virginia)"): its region code. */
  regionCodeFor(location: string | undefined): string | undefined;
  /** Makes sure the region exists (named `name`, or its code when the file gives no name). */
  region(code: string, name: string | undefined): void;
  /** True when the type is in the catalog or could be added from these attributes (then it is). */
  instanceType(type: string, attrs: Attributes | null): boolean;
  /** One EC2 price; the first of a scope (region, purchase model, OS, tenancy) replaces its old prices. */
  ec2(row: Ec2PriceInput): void;
  /**
   * One Dedicated Host price (with what the host holds); the first of a scope (region, On-Demand or
   * Reservation) replaces its old prices.
   */
  host(row: HostPriceInput): void;
  /** A region's per-Region Dedicated fee, replacing the one it has. */
  dedicatedFee(row: DedicatedFeeInput): void;
  /** One EBS price, replacing the (region, volume type, dimension) price it has. */
  ebs(row: EbsPriceInput): void;
}
