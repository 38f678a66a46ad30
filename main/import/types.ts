/**
 * The importer's shared shapes: what the readers (offer-json, offer-csv, savings-plans,
 * spot-history) and the mapper hand on, and what a CatalogSink (catalog-sink.ts) receives. A leaf:
 * it imports types only, from the catalog's rows and the shared catalog types.
 */
import type { EbsDimension, OperatingSystem, Tenancy, VolumeType } from '@shared/catalog-types';
import type {
  DedicatedFeeDbRow,
  EbsPriceDbRow,
  Ec2PriceDbRow,
  HostCapacityDbRow,
  HostPriceDbRow,
} from '../catalog/rows';

/** The header of a price file; AWS writes offerCode, version and publicationDate before any price. */
export interface OfferHeader {
  offerCode: string;
  version: string;
  publicationDate: string;
}

/** A product's attributes as AWS writes them (every value a string). */
export type Attributes = Record<string, string | undefined>;

/** One price dimension of a term, as both the JSON and the CSV variant carry it. */
export interface Dimension {
  unit: string;
  price: unknown;
  description: string;
  field: string;
}

/** What a kept compute SKU stands for; built once per product, shared by its terms. */
export interface ComputeRef {
  kind: 'compute';
  region: string;
  instanceType: string;
  os: OperatingSystem;
  tenancy: Tenancy;
}

/** An EBS SKU: one (region, volume type, dimension) price. */
export interface EbsRef {
  kind: 'ebs';
  region: string;
  volumeType: VolumeType;
  dimension: EbsDimension;
  unit: string;
  description: string;
  /** AWS quotes gp3 throughput per GiBps-month; the catalog stores MiBps-month (÷ 1024). */
  divisor: number;
}

/** A Dedicated Host SKU: one host family in one region, with what one host holds. */
export interface HostRef {
  kind: 'host';
  region: string;
  family: string;
  vcpu: number | null;
  physicalCores: number | null;
  /** Instances of each size one host holds ({ xlarge: 8 }). */
  instancesPerSize: Record<string, number>;
}

/** The per-Region Dedicated fee SKU of one region. */
export interface FeeRef {
  kind: 'fee';
  region: string;
}

export type SkuRef = ComputeRef | EbsRef | HostRef | FeeRef;

/**
 * An ec2_prices row as a file gives it: the sink adds the file's source (and shared tenancy when the
 * file names none); an AWS file's upfront fee is always as published.
 */
export type Ec2PriceInput = Omit<Ec2PriceDbRow, 'tenancy' | 'source_id' | 'upfront_source'> & {
  tenancy?: Tenancy;
};

/** An ebs_prices row as a file gives it: the sink adds the file's source. */
export type EbsPriceInput = Omit<EbsPriceDbRow, 'source_id'>;

/** A host_prices row as a file gives it, with the capacity of the host it prices. */
export type HostPriceInput = Omit<HostPriceDbRow, 'source_id'> & {
  capacity: Omit<HostCapacityDbRow, 'region' | 'family' | 'source_id'> | null;
};

/** A dedicated_fees row as a file gives it. */
export type DedicatedFeeInput = Omit<DedicatedFeeDbRow, 'source_id'>;
