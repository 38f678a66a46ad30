import type { Migration } from '../../migrate';

/**
 * The catalog: instance types, regions, prices per purchase model, EBS types and prices, sources.
 * Its rows are typed in main/catalog/rows.ts and read and written only through main/catalog/statements.ts.
 */
export const m0001Schema: Migration = {
  version: 1,
  name: 'catalog schema',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL,
        licence TEXT NOT NULL,
        as_of TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE regions (code TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;

      CREATE TABLE instance_types (
        instance_type TEXT PRIMARY KEY,
        family TEXT NOT NULL,
        size TEXT NOT NULL,
        generation TEXT NOT NULL CHECK (generation IN ('current','previous')),
        vcpu INTEGER NOT NULL,
        memory_gib REAL NOT NULL,
        arch TEXT NOT NULL CHECK (arch IN ('x86_64','arm64')),
        architectures TEXT NOT NULL,
        processor TEXT,
        clock_ghz REAL,
        burstable INTEGER NOT NULL,
        bare_metal INTEGER NOT NULL,
        network_performance TEXT,
        network_baseline_gbps REAL,
        network_peak_gbps REAL,
        gpu_count INTEGER NOT NULL,
        gpu_model TEXT,
        gpu_memory_gib REAL,
        accelerator_info TEXT,
        instance_store_gb INTEGER NOT NULL,
        instance_store_disks TEXT,
        ebs_baseline_bandwidth_mbps REAL,
        ebs_max_bandwidth_mbps REAL,
        ebs_baseline_iops INTEGER,
        ebs_max_iops INTEGER,
        ebs_baseline_throughput_mbps REAL,
        ebs_max_throughput_mbps REAL,
        normalization_factor REAL
      ) STRICT;
      CREATE INDEX instance_types_family ON instance_types(family);

      CREATE TABLE instance_regions (
        region TEXT NOT NULL REFERENCES regions(code),
        instance_type TEXT NOT NULL REFERENCES instance_types(instance_type),
        PRIMARY KEY (region, instance_type)
      ) STRICT, WITHOUT ROWID;

      -- One row per price. Not-applicable attributes are '' / 0 so the unique key holds;
      -- the service maps them back to null. Money is decimal TEXT.
      CREATE TABLE ec2_prices (
        region TEXT NOT NULL REFERENCES regions(code),
        instance_type TEXT NOT NULL REFERENCES instance_types(instance_type),
        os TEXT NOT NULL,
        tenancy TEXT NOT NULL DEFAULT 'shared',
        model TEXT NOT NULL CHECK (model IN ('on-demand','reserved','savings-plan','spot')),
        term_years INTEGER NOT NULL DEFAULT 0 CHECK (term_years IN (0,1,3)),
        payment_option TEXT NOT NULL DEFAULT '',
        offering_class TEXT NOT NULL DEFAULT '',
        plan_type TEXT NOT NULL DEFAULT '',
        upfront_usd TEXT NOT NULL DEFAULT '0',
        hourly_usd TEXT NOT NULL,
        effective_hourly_usd TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id),
        PRIMARY KEY (region, os, instance_type, tenancy, model, term_years, payment_option, offering_class, plan_type)
      ) STRICT, WITHOUT ROWID;

      -- Derived from ec2_prices when a catalog is built or imported (main/catalog/price-summary.ts):
      -- the headline figures of the catalog table, so listing a region is one indexed join.
      CREATE TABLE price_summary (
        region TEXT NOT NULL,
        os TEXT NOT NULL,
        instance_type TEXT NOT NULL,
        od_hourly TEXT,
        best_1y TEXT,
        best_3y TEXT,
        spot_hourly TEXT,
        PRIMARY KEY (region, os, instance_type)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ebs_volume_types (
        volume_type TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        media TEXT NOT NULL CHECK (media IN ('ssd','hdd')),
        previous_generation INTEGER NOT NULL,
        min_size_gib INTEGER NOT NULL,
        max_size_gib INTEGER NOT NULL,
        max_iops INTEGER NOT NULL,
        max_throughput_mibps INTEGER NOT NULL,
        max_iops_per_gib REAL,
        baseline_iops INTEGER,
        baseline_throughput_mibps INTEGER,
        io_size_cap_kib INTEGER NOT NULL,
        notes TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ebs_prices (
        region TEXT NOT NULL REFERENCES regions(code),
        volume_type TEXT NOT NULL,
        dimension TEXT NOT NULL,
        unit TEXT NOT NULL,
        price_usd TEXT NOT NULL,
        description TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id),
        PRIMARY KEY (region, volume_type, dimension)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
