import { describe, expect, it } from 'vitest';
import {
  mapComputeProduct,
  mapFeeProduct,
  mapHostProduct,
  osForOperation,
} from '../../../main/import/mapping';
import { parseUsageType, regionOfUsageType } from '../../../main/import/usage-type';

// A real Dedicated Host Reservation product: AWS Price List GetProducts output of 2019-09-20 (version
// 20190920043334) for the GovCloud m5d host, as quoted in asheiduk/as-scripts (file `x`); only the
// attributes the mapping reads, values as published.
const RESERVED_M5D_HOST = {
  vcpu: '96',
  instanceCapacityLarge: '48',
  capacitystatus: 'AllocatedHost',
  locationType: 'AWS Region',
  operatingSystem: 'Linux',
  instanceType: 'm5d',
  tenancy: 'Reserved',
  usagetype: 'UGW1-ReservedHostUsage:m5d',
  instanceCapacity2xlarge: '12',
  instanceCapacity4xlarge: '6',
  instanceCapacity12xlarge: '2',
  instanceCapacityXlarge: '24',
  licenseModel: 'No License required',
  preInstalledSw: 'NA',
  location: 'AWS GovCloud (US)',
  instanceCapacity24xlarge: '1',
  physicalCores: '48',
  operation: 'RunInstances',
};

describe('Dedicated Host and fee products', () => {
  it('maps a reserved host product to its family with what one host holds', () => {
    expect(mapHostProduct('Dedicated Host', RESERVED_M5D_HOST, 'us-gov-west-1')).toEqual({
      ref: {
        kind: 'host',
        region: 'us-gov-west-1',
        family: 'm5d',
        vcpu: 96,
        physicalCores: 48,
        instancesPerSize: {
          large: 48,
          '2xlarge': 12,
          '4xlarge': 6,
          '12xlarge': 2,
          xlarge: 24,
          '24xlarge': 1,
        },
      },
    });
    // A family that disagrees with the usage type, or a host product with no region, is not guessed.
    expect(
      mapHostProduct('Dedicated Host', { ...RESERVED_M5D_HOST, instanceType: 'm5' }, 'us-gov-west-1'),
    ).toEqual({
      skip: 'host-unmapped',
    });
    expect(mapHostProduct('Dedicated Host', RESERVED_M5D_HOST, null)).toEqual({ skip: 'no-region' });
    expect(mapHostProduct('Compute Instance', RESERVED_M5D_HOST, 'us-gov-west-1')).toBeNull();
  });

  it('maps only the EC2-Dedicated Usage surcharge as the per-Region fee', () => {
    const fee = {
      group: 'EC2-Dedicated Usage',
      usagetype: 'SAE1-DedicatedUsage',
      operation: 'Surcharge',
    };
    expect(mapFeeProduct('Fee', fee, 'sa-east-1')).toEqual({ kind: 'fee', region: 'sa-east-1' });
    expect(
      mapFeeProduct('Fee', { ...fee, usagetype: 'SAE1-DedicatedUsage:m5.large' }, 'sa-east-1'),
    ).toBeNull();
    expect(mapFeeProduct('Fee', { ...fee, operation: 'RunInstances' }, 'sa-east-1')).toBeNull();
    expect(regionOfUsageType('SAE1-DedicatedUsage')).toBe('sa-east-1');
    expect(regionOfUsageType('DedicatedUsage')).toBe('us-east-1');
    expect(regionOfUsageType('XXX9-DedicatedUsage')).toBeNull();
  });
});

describe('licences and tenancies of instance products', () => {
  const base = {
    tenancy: 'Dedicated',
    capacitystatus: 'Used',
    operation: 'RunInstances:0800',
    operatingSystem: 'Windows',
    preInstalledSw: 'NA',
    licenseModel: 'Bring your own license',
    regionCode: 'eu-central-1',
    instanceType: 'r7i.2xlarge',
    locationType: 'AWS Region',
  };

  it('takes the OS from the operation code only when the attributes agree', () => {
    expect(mapComputeProduct('Compute Instance', base)).toEqual({
      ref: {
        kind: 'compute',
        region: 'eu-central-1',
        instanceType: 'r7i.2xlarge',
        os: 'windows-byol',
        tenancy: 'dedicated',
      },
    });
    // BYOL with a licence-included model, or shared (AWS sells BYOL only on dedicated hardware): no.
    expect(mapComputeProduct('Compute Instance', { ...base, licenseModel: 'No License required' })).toEqual({
      skip: 'os',
    });
    expect(mapComputeProduct('Compute Instance', { ...base, tenancy: 'Shared' })).toEqual({ skip: 'os' });
    // SQL Server Web is 0202 with preInstalledSw "SQL Web"; 0202 saying "NA" does not agree.
    const web = {
      ...base,
      operation: 'RunInstances:0202',
      licenseModel: 'No License required',
      preInstalledSw: 'SQL Web',
    };
    expect(mapComputeProduct('Compute Instance', web)).toMatchObject({ ref: { os: 'windows-sql-web' } });
    expect(mapComputeProduct('Compute Instance', { ...web, preInstalledSw: 'NA' })).toEqual({ skip: 'os' });
    expect(mapComputeProduct('Compute Instance', { ...base, tenancy: 'Host' })).toMatchObject({
      ref: { tenancy: 'host' },
    });
    expect(mapComputeProduct('Compute Instance', { ...base, tenancy: 'Reserved' })).toEqual({
      skip: 'tenancy',
    });
    expect(osForOperation('RunInstances:0102')).toBe('windows-sql-ent');
    expect(osForOperation('RunInstances:1010')).toBeNull();
  });

  it('reads a Savings Plans usage type’s tenancy: BoxUsage shared, DedicatedUsage dedicated, the rest none', () => {
    expect(parseUsageType('APE2-DedicatedUsage:r7g.xlarge')).toEqual({
      region: 'ap-east-2',
      tenancy: 'dedicated',
      instanceType: 'r7g.xlarge',
    });
    expect(parseUsageType('BoxUsage:m5.large')?.tenancy).toBe('shared');
    expect(parseUsageType('APE2-UnusedDed:r7g.large')?.tenancy).toBeNull();
    expect(parseUsageType('APE2-HostUsage:r7g')).toBeNull();
  });
});
