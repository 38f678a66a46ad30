import type { ParsedInput } from '@shared/contract';
import { costCurve, costCurveRange, fitEnvelopes } from '@shared/ebs/envelope';
import { ebsVolumeMonthlyCost, MissingPriceError } from '@shared/ebs/cost';
import { snapshotMonthlyCost } from '@shared/ebs/snapshots';
import {
  instanceEbsLimits,
  regimeOf,
  requiredThroughputMiBps,
  solveEbsLayout,
  type SizingRequirement,
} from '@shared/ebs/solver';
import { explainLayout } from '@shared/ebs/explain';
import { DEFAULT_VOLUME_TYPES } from '@shared/ebs/volume-limits';
import {
  componentDto,
  sizingOptionDto,
  snapshotCostDto,
  type EbsCostResult,
  type EbsFitResult,
  type EbsSizingResult,
  type SnapshotCostResult,
} from '@shared/ebs/transport';
import { toUsdString } from '@shared/money';
import { NotFoundError } from '@shared/errors';
import type { CatalogService } from '../catalog/catalog-service';

/** ebs.size's input; ebs.fit's (which never explains) is the same without `explain`. */
type SizingInput = Omit<ParsedInput<'ebs.size'>, 'explain'> & { explain?: boolean };

/** EBS sizing, cost and snapshot figures on the catalog's per-region prices and instance limits. */
export function createEbsService(catalog: CatalogService) {
  const toRequirement = (input: SizingInput): SizingRequirement => ({
    capacityGiB: input.capacityGiB,
    iops: input.iops,
    throughputMiBps: input.throughputMiBps,
    ioSizeKiB: input.ioSizeKiB,
    pattern: input.pattern,
    maxStripeVolumes: input.maxStripeVolumes,
    instance: input.instanceType ? instanceEbsLimits(catalog.instanceSpec(input.instanceType)) : null,
    ...(input.dutyCycle !== undefined ? { dutyCycle: input.dutyCycle } : {}),
    ...(input.volumeTypes ? { volumeTypes: input.volumeTypes } : {}),
  });

  const size = (input: SizingInput): EbsSizingResult => {
    const prices = catalog.ebsPrices({ region: input.region });
    const req = toRequirement(input);
    const result = solveEbsLayout(req, prices);
    return {
      region: input.region,
      pricesAsOf: prices.asOf,
      instance: req.instance ?? null,
      options: result.options.map((o) => {
        const dto = sizingOptionDto(o);
        return input.explain ? { ...dto, explanation: explainLayout(dto, prices) } : dto;
      }),
      infeasible: result.infeasible,
    };
  };

  return {
    size,

    /**
     * The sizing plus what the fit chart draws: each type's reachable region for the layout the sizing
     * proposes for it (its cheapest), and the cost curve.
     */
    fit(input: ParsedInput<'ebs.fit'>): EbsFitResult {
      const sizing = size(input);
      const prices = catalog.ebsPrices({ region: input.region });
      const types = input.volumeTypes ?? DEFAULT_VOLUME_TYPES;
      const envelopes = fitEnvelopes(types, input.capacityGiB, sizing.options, {
        maxStripeVolumes: input.maxStripeVolumes,
        regime: regimeOf(input.dutyCycle),
      });
      const requirement = { iops: input.iops, throughputMiBps: requiredThroughputMiBps(input) };
      const { from, to } = costCurveRange(input.curve.dimension, requirement);
      const points = costCurve(toRequirement(input), prices, {
        dimension: input.curve.dimension,
        from,
        to,
        steps: input.curve.steps,
        scale: 'log',
      });
      return {
        sizing,
        requirement,
        envelopes,
        curve: { dimension: input.curve.dimension, points },
      };
    },

    cost(input: ParsedInput<'ebs.cost'>): EbsCostResult {
      const prices = catalog.ebsPrices({ region: input.region });
      try {
        const c = ebsVolumeMonthlyCost(prices, {
          volumeType: input.volumeType,
          sizeGiB: input.sizeGiB,
          ...(input.iops !== undefined ? { iops: input.iops } : {}),
          ...(input.throughputMiBps !== undefined ? { throughputMiBps: input.throughputMiBps } : {}),
        });
        return {
          region: input.region,
          volumeType: input.volumeType,
          pricesAsOf: prices.asOf,
          monthlyUsd: toUsdString(c.monthlyUsd),
          components: c.components.map(componentDto),
        };
      } catch (err) {
        if (err instanceof MissingPriceError) throw new NotFoundError(`n/a — ${err.message}`, 'volumeType');
        throw err;
      }
    },

    snapshotCost(input: ParsedInput<'ebs.snapshotCost'>): SnapshotCostResult {
      const prices = catalog.ebsPrices({ region: input.region });
      try {
        const c = snapshotMonthlyCost(
          {
            volumeSizeGiB: input.volumeSizeGiB,
            usedPct: input.usedPct,
            dailyChangePct: input.dailyChangePct,
            frequency: input.frequency,
            retentionCount: input.retentionCount,
            tier: input.tier,
          },
          prices,
        );
        return { region: input.region, pricesAsOf: prices.asOf, ...snapshotCostDto(c) };
      } catch (err) {
        if (err instanceof MissingPriceError) throw new NotFoundError(`n/a — ${err.message}`, 'tier');
        throw err;
      }
    },
  };
}
