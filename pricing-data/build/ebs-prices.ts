import { Decimal, toUsdString } from '@shared/money';
import type { EbsDimension, VolumeType } from '@shared/catalog-types';
import type { EbsPriceDbRow } from '../../main/catalog/rows';
import { isRegionCode, priceOrNull, readCsv } from './read-snapshot';

type Column = {
  column: string;
  volumeType: VolumeType | 'snapshot';
  dimension: EbsDimension;
  unit: string;
  description: string;
  convert?: (v: Decimal) => Decimal;
};

const COLUMNS: Column[] = [
  {
    column: 'gp2_usd_per_gb_month',
    volumeType: 'gp2',
    dimension: 'storage',
    unit: 'GB-month',
    description: 'gp2 storage',
  },
  {
    column: 'gp3_usd_per_gb_month',
    volumeType: 'gp3',
    dimension: 'storage',
    unit: 'GB-month',
    description: 'gp3 storage',
  },
  {
    column: 'gp3_usd_per_iops_month_above_3000',
    volumeType: 'gp3',
    dimension: 'iops',
    unit: 'IOPS-month',
    description: 'gp3 IOPS above 3,000',
  },
  {
    column: 'gp3_usd_per_gibps_month_above_125mibps',
    volumeType: 'gp3',
    dimension: 'throughput',
    unit: 'MiBps-month',
    description: 'gp3 throughput above 125 MiB/s',
    // AWS's feed prices GiBps-month; 1 GiB/s = 1,024 MiB/s (us-east-1: 40.96 / 1024 = 0.04).
    convert: (v) => v.div(1024),
  },
  {
    column: 'io1_usd_per_gb_month',
    volumeType: 'io1',
    dimension: 'storage',
    unit: 'GB-month',
    description: 'io1 storage',
  },
  {
    column: 'io1_usd_per_iops_month',
    volumeType: 'io1',
    dimension: 'iops',
    unit: 'IOPS-month',
    description: 'io1 provisioned IOPS',
  },
  {
    column: 'io2_usd_per_gb_month',
    volumeType: 'io2',
    dimension: 'storage',
    unit: 'GB-month',
    description: 'io2 storage',
  },
  {
    column: 'io2_usd_per_iops_month_tier1_0_32000',
    volumeType: 'io2',
    dimension: 'iops',
    unit: 'IOPS-month',
    description: 'io2 IOPS up to 32,000',
  },
  {
    column: 'io2_usd_per_iops_month_tier2_32001_64000',
    volumeType: 'io2',
    dimension: 'iops-tier2',
    unit: 'IOPS-month',
    description: 'io2 IOPS 32,001-64,000',
  },
  {
    column: 'io2_usd_per_iops_month_tier3_over_64000',
    volumeType: 'io2',
    dimension: 'iops-tier3',
    unit: 'IOPS-month',
    description: 'io2 IOPS above 64,000',
  },
  {
    column: 'st1_usd_per_gb_month',
    volumeType: 'st1',
    dimension: 'storage',
    unit: 'GB-month',
    description: 'st1 storage',
  },
  {
    column: 'sc1_usd_per_gb_month',
    volumeType: 'sc1',
    dimension: 'storage',
    unit: 'GB-month',
    description: 'sc1 storage',
  },
  {
    column: 'standard_usd_per_gb_month',
    volumeType: 'standard',
    dimension: 'storage',
    unit: 'GB-month',
    description: 'Magnetic storage',
  },
  {
    column: 'standard_usd_per_io_request',
    volumeType: 'standard',
    dimension: 'io-requests',
    unit: 'million I/O requests',
    description: 'Magnetic I/O requests',
    convert: (v) => v.times(1_000_000),
  },
  {
    column: 'snapshot_standard_usd_per_gb_month',
    volumeType: 'snapshot',
    dimension: 'snapshot-standard',
    unit: 'GB-month',
    description: 'Snapshot storage, standard tier',
  },
  {
    column: 'snapshot_archive_usd_per_gb_month',
    volumeType: 'snapshot',
    dimension: 'snapshot-archive',
    unit: 'GB-month',
    description: 'Snapshot storage, archive tier (90-day minimum)',
  },
  {
    column: 'snapshot_archive_retrieval_usd_per_gb',
    volumeType: 'snapshot',
    dimension: 'snapshot-archive-retrieval',
    unit: 'GB retrieved',
    description: 'Snapshot archive retrieval',
  },
  {
    column: 'fast_snapshot_restore_usd_per_dsu_hour',
    volumeType: 'snapshot',
    dimension: 'fast-snapshot-restore',
    unit: 'DSU-hour',
    description: 'Fast snapshot restore',
  },
];

/** EBS prices per region from AWS's pricing-page feed; an empty cell means not offered / not in the feed. */
export function readEbsPrices(): { rows: EbsPriceDbRow[]; regionNames: Map<string, string> } {
  const rows: EbsPriceDbRow[] = [];
  const regionNames = new Map<string, string>();
  for (const r of readCsv('ebs-prices-wide.csv')) {
    const region = r.region_code!;
    if (!isRegionCode(region)) continue;
    regionNames.set(region, r.location!);
    for (const c of COLUMNS) {
      const p = priceOrNull(r[c.column]);
      if (!p) continue;
      const value = c.convert ? c.convert(new Decimal(p)) : new Decimal(p);
      rows.push({
        region,
        volume_type: c.volumeType,
        dimension: c.dimension,
        unit: c.unit,
        price_usd: toUsdString(value),
        description: c.description,
        source_id: 'aws-ebs-2024-07',
      });
    }
  }
  return { rows, regionNames };
}
