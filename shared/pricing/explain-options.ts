import { OS_NAMES } from '../catalog-scopes';
import type { OperatingSystem, PriceOption, PriceSource } from '../catalog-types';
import { explanation, num, rateText, type ExplanationRow } from '../explanation';
import { Decimal, toCents } from '../money';
import { TERM_HOURS } from '../units';
import type { PriceOptionExplanation } from './explanation-types';
import { percentText } from './percent';
import { purchaseOptionOf } from './purchase-options';

/**
 * A purchase option's figures as arithmetic (the catalog's options table): the upfront fee as the
 * source gives it (or how it was derived), the hourly rate, the effective hourly (upfront ÷ term
 * hours + hourly), the month (effective × hours) and the saving against On-Demand, each with the
 * catalog row (source and date) it came from.
 */
export interface OptionContext {
  instanceType: string;
  region: string;
  os: OperatingSystem;
  hoursPerMonth: number;
  onDemand: PriceOption | undefined;
  sources: readonly PriceSource[];
}

/** Decimals the options table carries an effective rate to (price-options.ts rounds to 8). */
const EFFECTIVE_DECIMALS = 8;

export function explainPriceOption(o: PriceOption, ctx: OptionContext): PriceOptionExplanation {
  const label = purchaseOptionOf(o)?.label ?? o.model;
  const what = `${ctx.instanceType} ${ctx.region} ${OS_NAMES[ctx.os]} ${label}`;
  if (o.effectiveHourlyUsd === null || o.hourlyUsd === null || o.upfrontUsd === null) {
    const na = o.note ?? 'n/a — not in this catalog';
    return {
      upfront: explanation(`Upfront — ${label}`, na, null),
      hourly: explanation(`Hourly — ${label}`, na, null),
      effectiveHourly: explanation(`Effective hourly — ${label}`, na, null),
      monthly: explanation(`Monthly — ${label}`, na, null),
      saving: explanation(`Saving — ${label}`, na, null),
    };
  }
  const source = ctx.sources.find((s) => s.id === o.sourceId);
  const rowOf = (part: string, rate: string, unit: string): ExplanationRow => ({
    what: `${what}, ${part}`,
    rate: rateText(rate),
    unit,
    sourceId: o.sourceId,
    asOf: source?.asOf ?? null,
  });
  const upfrontRow = rowOf('upfront', o.upfrontUsd, 'USD once');
  const hourlyRow = rowOf('hourly', o.hourlyUsd, 'USD/h');
  const upfront = explanation(
    `Upfront — ${label}`,
    o.termYears === null
      ? 'nothing is paid upfront'
      : `${num(o.upfrontUsd)} USD${o.upfrontDerived ? ', derived (see the note)' : ', as the source publishes it'}`,
    o.upfrontUsd,
    { rows: [upfrontRow], note: o.upfrontNote },
  );
  const hourly = explanation(`Hourly — ${label}`, `${rateText(o.hourlyUsd)} USD/h`, o.hourlyUsd, {
    rows: [hourlyRow],
    note: o.model === 'spot' ? o.note : null,
  });
  let effectiveFormula = `${rateText(o.hourlyUsd)} USD/h (nothing upfront)`;
  let effectiveNote: string | null = null;
  if (o.termYears !== null) {
    const hours = TERM_HOURS[o.termYears];
    const worked = new Decimal(o.upfrontUsd).div(hours).plus(o.hourlyUsd);
    const rounded = worked.toDecimalPlaces(EFFECTIVE_DECIMALS, Decimal.ROUND_HALF_UP);
    effectiveFormula = `${num(o.upfrontUsd)} USD ÷ ${num(hours)} h + ${rateText(o.hourlyUsd)} USD/h = ${rateText(
      rounded,
    )} USD/h`;
    if (!rounded.eq(o.effectiveHourlyUsd)) {
      effectiveNote = `The catalog's source publishes the effective rate ${rateText(o.effectiveHourlyUsd)} USD/h; the table shows it as published.`;
    }
  }
  const effectiveHourly = explanation(`Effective hourly — ${label}`, effectiveFormula, o.effectiveHourlyUsd, {
    rows: [upfrontRow, hourlyRow],
    note: effectiveNote,
    children: o.termYears === null ? [] : [upfront, hourly],
  });
  const monthlyExact = new Decimal(o.effectiveHourlyUsd).times(ctx.hoursPerMonth);
  const monthly = explanation(
    `Monthly — ${label}`,
    `${rateText(o.effectiveHourlyUsd)} USD/h × ${num(ctx.hoursPerMonth)} h = ${num(monthlyExact)} USD, to the cent ${num(
      toCents(monthlyExact),
    )} USD`,
    o.monthlyUsd,
    { children: [effectiveHourly] },
  );
  const od = ctx.onDemand?.effectiveHourlyUsd ?? null;
  const saving =
    o.model === 'on-demand'
      ? explanation('Saving — On-Demand', 'the reference: On-Demand saves nothing against itself', null)
      : od === null || o.savingsPct === null
        ? explanation(`Saving — ${label}`, 'n/a — no On-Demand price to compare with', null)
        : explanation(
            `Saving — ${label}`,
            `(${rateText(od)} − ${rateText(o.effectiveHourlyUsd)}) ÷ ${rateText(od)} = ${percentText(
              new Decimal(od).minus(o.effectiveHourlyUsd).div(od),
            )} %`,
            null,
            {
              children: [effectiveHourly],
              note: 'Against the On-Demand effective hourly rate of the same type, region and OS.',
            },
          );
  return { upfront, hourly, effectiveHourly, monthly, saving };
}

/** Every option with its explanation (the On-Demand option is the saving's reference). */
export function explainPriceOptions(
  options: readonly PriceOption[],
  ctx: Omit<OptionContext, 'onDemand'>,
): PriceOption[] {
  const onDemand = options.find((o) => o.model === 'on-demand');
  return options.map((o) => ({ ...o, explanation: explainPriceOption(o, { ...ctx, onDemand }) }));
}
