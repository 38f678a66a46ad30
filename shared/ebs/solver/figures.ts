import { HOURS_PER_MONTH } from '../../money';

/** Time units and figure formatting shared by the solver's rules, notes and reasons. */
export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;
/** A month of 730 hours (the AWS Pricing Calculator's assumption), for magnetic I/O request counts. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * SECONDS_PER_HOUR;
/** A duty cycle (a share of the day) as a percentage. */
export const PERCENT_PER_UNIT = 100;

/** A figure as notes and reasons print it: grouped thousands, at most two decimals. */
export function formatFigure(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A duty cycle as a percentage of the day: 0.1 → "10". */
export function formatDutyPercent(dutyCycle: number): string {
  return formatFigure(dutyCycle * PERCENT_PER_UNIT);
}

const oneDecimal = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 1 });

/**
 * An instance's EBS throughput as every EBS screen prints it: in MiB/s, the unit volumes are specified in,
 * with AWS's own MB/s figure beside the conversion: "1,192.1 MiB/s (AWS: 1,250 MB/s)".
 */
export function formatInstanceThroughput(miBps: number, awsMBps: number | null): string {
  return awsMBps === null
    ? `${oneDecimal(miBps)} MiB/s`
    : `${oneDecimal(miBps)} MiB/s (AWS: ${formatFigure(awsMBps)} MB/s)`;
}
