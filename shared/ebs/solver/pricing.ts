import type { EbsPrices, VolumeType } from '../../catalog-types';
import { Decimal } from '../../money';
import type { CostComponent, VolumeCostDimension } from '../cost';
import { ebsVolumeMonthlyCost } from '../cost';
import type { Layout } from './layout-types';
import type { BindingConstraint } from './types';

/** A layout priced per volume and in total, and the constraint its extra spend went on. */

export interface PricedLayout {
  layout: Layout;
  perVolume: { monthlyUsd: Decimal; components: CostComponent[] };
  monthlyUsd: Decimal;
}

export function priceLayout(type: VolumeType, layout: Layout, prices: EbsPrices): PricedLayout {
  const perVolume = ebsVolumeMonthlyCost(prices, {
    volumeType: type,
    sizeGiB: layout.sizeGiB,
    iops: layout.iops,
    throughputMiBps: layout.throughputMiBps,
    ioRequestsPerMonthMillions: layout.ioRequestsPerMonthMillions,
  });
  return { layout, perVolume, monthlyUsd: perVolume.monthlyUsd.times(layout.volumes) };
}

/** The constraint whose extra quantities cost the most per volume (ties keep the earlier driver). */
export function bindingFrom(priced: PricedLayout): BindingConstraint {
  const { layout, perVolume } = priced;
  const unitPrice = (dimension: VolumeCostDimension): Decimal | null =>
    perVolume.components.find((c) => c.dimension === dimension)?.unitUsd ?? null;
  const totals = new Map<BindingConstraint, Decimal>();
  for (const driver of layout.drivers) {
    if (driver.quantity <= 0) continue;
    const price = unitPrice(driver.dimension);
    if (price === null) continue;
    const spent = price.times(driver.quantity);
    totals.set(driver.constraint, (totals.get(driver.constraint) ?? new Decimal(0)).plus(spent));
  }
  let best: BindingConstraint = layout.sizeSetBy ?? 'capacity';
  let bestUsd = new Decimal(0);
  for (const [constraint, usd] of totals) {
    if (usd.gt(bestUsd)) {
      best = constraint;
      bestUsd = usd;
    }
  }
  return best;
}

/** One volume's cost components multiplied out over the stripe. */
export function scaleComponents(components: CostComponent[], volumes: number): CostComponent[] {
  if (volumes === 1) return components;
  return components.map((c) => ({
    ...c,
    quantity: c.quantity * volumes,
    monthlyUsd: c.monthlyUsd.times(volumes),
  }));
}
