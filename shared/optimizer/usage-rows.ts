import { sharedTimeline } from '../pricing/allocation';
import type { ClassHours, PlanModel } from './model-types';

export type { ClassHours };

/**
 * The hours the optimizer prices, compressed: only each class's instances per hour matter (the lines of
 * one type, region and OS are served alike), and hours whose usage is the same are priced once. The
 * timeline is the estimate's (allocation.ts sharedTimeline: the periods' least common multiple), so
 * monthly figures are the estimate's: residual × hoursPerMonth ÷ timelineHours.
 *
 * With growth, month m (0-based) of the horizon counts ceil(instances × factor(m)) per line (whole
 * instances, rounded up) and every month's hours weigh 1 / months: the rows are the average month.
 */
export interface UsageRows {
  /** Global class indexes, one column each. */
  classes: number[];
  rows: number;
  /** rows × classes.length, instances. */
  usage: Float64Array;
  /** Timeline hours each row stands for (already divided by the months averaged). */
  weight: Float64Array;
  /** Hours of the timeline (Σ weight). */
  timelineHours: number;
  /** For each month and timeline hour (month-major), its row; null unless asked for. */
  rowOf: Int32Array | null;
  months: number;
}

/**
 * Each class's instances per timeline hour (hour-major: [t × classes + c]), for the lines not on spot
 * and for those on spot. The timeline is that of every priced line (the least common multiple of
 * their periods, as the estimate's sharedTimeline), whichever side they are on, so that every choice
 * of spot lines is priced over the same hours.
 */
export function classHours(model: PlanModel, onSpot: readonly boolean[]): ClassHours {
  const key = onSpot.map((s) => (s ? '1' : '0')).join('');
  const cached = model.hoursCache.get(key);
  if (cached) return cached;
  const nc = model.classes.length;
  const priced = model.lines.filter((l) => l.cls >= 0);
  const T = priced.length === 0 ? 168 : sharedTimeline(priced.map((l) => l.profile.periodHours)).hours;
  const committed = new Float64Array(T * nc);
  const spot = new Float64Array(T * nc);
  for (const l of priced) {
    const target = onSpot[l.index] ? spot : committed;
    const counts = l.profile.counts;
    const p = l.profile.periodHours;
    for (let t = 0, at = 0; t < T; t++) {
      const c = counts[at] as number;
      if (c !== 0) target[t * nc + l.cls] = (target[t * nc + l.cls] as number) + c;
      at = at + 1 === p ? 0 : at + 1;
    }
  }
  const hours = { T, committed, spot };
  model.hoursCache.set(key, hours);
  return hours;
}

/**
 * Whole instances after scaling by `factor`, rounded up (a binary fraction's last bit does not count).
 * Growth and the sensitivity's usage changes scale each type's instances per hour this way.
 */
export function scaledCount(count: number, factor: number): number {
  if (factor === 1 || count === 0) return count;
  return Math.ceil(Math.round(count * factor * 1e9) / 1e9);
}

export interface RowsRequest {
  /** Blocks of global class indexes; each gets its own compressed rows. */
  blocks: number[][];
  /** The scale of month m's usage (1 = the profile). */
  factorOf: (month: number) => number;
  months: number;
  keepHours: boolean;
}

export function buildRows(model: PlanModel, hours: ClassHours, req: RowsRequest): UsageRows[] {
  const nc = model.classes.length;
  const { T, committed } = hours;
  const builders = req.blocks.map((classes) => new RowBuilder(classes, T, req.months, req.keepHours));
  const hour = new Float64Array(nc);
  for (let m = 0; m < req.months; m++) {
    const factor = req.factorOf(m);
    const w = 1 / req.months;
    for (let t = 0; t < T; t++) {
      const base = t * nc;
      for (let c = 0; c < nc; c++) hour[c] = scaledCount(committed[base + c] as number, factor);
      for (let b = 0; b < builders.length; b++) (builders[b] as RowBuilder).add(hour, w, m, t);
    }
  }
  return builders.map((b) => b.done());
}

/** Collects one block's hours, keeping one row per distinct usage (open-addressing hash of the rows). */
class RowBuilder {
  private readonly nc: number;
  private usage: Float64Array;
  private weight: Float64Array;
  private rows = 0;
  private table: Int32Array;
  private mask: number;
  private readonly rowOf: Int32Array | null;

  constructor(
    private readonly classes: number[],
    private readonly T: number,
    private readonly months: number,
    keepHours: boolean,
  ) {
    this.nc = classes.length;
    this.usage = new Float64Array(Math.max(1, 256 * this.nc));
    this.weight = new Float64Array(256);
    this.table = new Int32Array(1024).fill(-1);
    this.mask = 1023;
    this.rowOf = keepHours ? new Int32Array(months * T) : null;
  }

  add(hour: Float64Array, w: number, m: number, t: number): void {
    const nc = this.nc;
    const classes = this.classes;
    let h = 0x811c9dc5;
    for (let j = 0; j < nc; j++) h = Math.imul(h ^ ((hour[classes[j] as number] as number) | 0), 0x01000193);
    h ^= h >>> 15;
    let slot = h & this.mask;
    let found = -1;
    for (;;) {
      const r = this.table[slot] as number;
      if (r < 0) break;
      const base = r * nc;
      let same = true;
      for (let j = 0; j < nc; j++) {
        if (this.usage[base + j] !== hour[classes[j] as number]) {
          same = false;
          break;
        }
      }
      if (same) {
        found = r;
        break;
      }
      slot = (slot + 1) & this.mask;
    }
    if (found < 0) {
      found = this.rows++;
      if ((found + 1) * nc > this.usage.length || found + 1 > this.weight.length) this.grow();
      const base = found * nc;
      for (let j = 0; j < nc; j++) this.usage[base + j] = hour[classes[j] as number] as number;
      this.table[slot] = found;
      if (this.rows * 2 > this.mask) this.rehash();
    }
    this.weight[found] = (this.weight[found] as number) + w;
    if (this.rowOf) this.rowOf[m * this.T + t] = found;
  }

  private grow(): void {
    const usage = new Float64Array(this.usage.length * 2);
    usage.set(this.usage);
    this.usage = usage;
    const weight = new Float64Array(this.weight.length * 2);
    weight.set(this.weight);
    this.weight = weight;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    const nc = this.nc;
    for (let r = 0; r < this.rows; r++) {
      let h = 0x811c9dc5;
      for (let j = 0; j < nc; j++) h = Math.imul(h ^ ((this.usage[r * nc + j] as number) | 0), 0x01000193);
      h ^= h >>> 15;
      let slot = h & this.mask;
      while ((this.table[slot] as number) >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = r;
    }
  }

  done(): UsageRows {
    return {
      classes: this.classes,
      rows: this.rows,
      usage: this.usage.subarray(0, this.rows * this.nc),
      weight: this.weight.subarray(0, this.rows),
      timelineHours: this.T,
      rowOf: this.rowOf,
      months: this.months,
    };
  }
}
