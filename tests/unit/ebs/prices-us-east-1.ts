import type { EbsPriceRow, EbsPrices, VolumeType } from '@shared/catalog-types';

/**
 * us-east-1 EBS list prices (aws.amazon.com/ebs/pricing), typed in as literals for hand-worked tests.
 * GB-month prices are applied per provisioned GiB, as AWS bills them.
 */
function row(volumeType: VolumeType, prices: Partial<Omit<EbsPriceRow, 'volumeType'>>): EbsPriceRow {
  return {
    volumeType,
    storageUsdPerGBMonth: null,
    iopsUsdPerIopsMonth: null,
    iopsTier2UsdPerIopsMonth: null,
    iopsTier3UsdPerIopsMonth: null,
    throughputUsdPerMiBpsMonth: null,
    ioRequestsUsdPerMillion: null,
    ...prices,
  };
}

export function usEast1Prices(): EbsPrices {
  return {
    region: 'us-east-1',
    sourceId: 'test-fixture',
    asOf: '2025-11-01',
    volumes: [
      row('gp3', {
        storageUsdPerGBMonth: '0.08',
        iopsUsdPerIopsMonth: '0.005',
        throughputUsdPerMiBpsMonth: '0.04',
      }),
      row('gp2', { storageUsdPerGBMonth: '0.10' }),
      row('io1', { storageUsdPerGBMonth: '0.125', iopsUsdPerIopsMonth: '0.065' }),
      row('io2', {
        storageUsdPerGBMonth: '0.125',
        iopsUsdPerIopsMonth: '0.065',
        iopsTier2UsdPerIopsMonth: '0.0455',
        iopsTier3UsdPerIopsMonth: '0.03185',
      }),
      row('st1', { storageUsdPerGBMonth: '0.045' }),
      row('sc1', { storageUsdPerGBMonth: '0.015' }),
      row('standard', { storageUsdPerGBMonth: '0.05', ioRequestsUsdPerMillion: '0.05' }),
    ],
    snapshots: {
      standardUsdPerGBMonth: '0.05',
      archiveUsdPerGBMonth: '0.0125',
      archiveRetrievalUsdPerGB: '0.03',
      fastSnapshotRestoreUsdPerDsuHour: null,
    },
  };
}

/** The same prices with one volume type's row made to miss a price (null), for "n/a" paths. */
export function withMissing(volumeType: VolumeType, field: keyof Omit<EbsPriceRow, 'volumeType'>): EbsPrices {
  const prices = usEast1Prices();
  return {
    ...prices,
    volumes: prices.volumes.map((r) => (r.volumeType === volumeType ? { ...r, [field]: null } : r)),
  };
}
