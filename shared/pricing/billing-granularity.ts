import type { OperatingSystem } from '../catalog-types';
import { OS_FACTS } from '../operating-systems';

/**
 * How AWS meters an instance's running time, by operating system: per second with a 60-second minimum
 * each time an instance starts, or per hour (each partial hour billed as a full hour).
 *
 * Source: AWS Knowledge Center "How am I billed for my Amazon EC2 instances?"
 * (https://repost.aws/knowledge-center/ec2-instance-hour-billing, read 2026-11-29): "Per-second billing
 * with a 60-second minimum is available for Amazon Linux, Windows, RHEL, Ubuntu, and Ubuntu Pro
 * instances across all Regions"; "Each partial instance-hour is billed as a full hour for instances
 * launched in the operating systems SUSE". RHEL joined on 2024-04-01
 * (https://aws.amazon.com/about-aws/whats-new/2024/04/per-second-billing-ec2-rhel-based-instances),
 * Windows and SQL Server on 2021-06-11; Linux since 2017-10-02.
 */
export const PER_SECOND_BILLING_SOURCE = {
  url: 'https://repost.aws/knowledge-center/ec2-instance-hour-billing',
  readOn: '2026-11-29',
} as const;

export const PER_SECOND_MINIMUM_SECONDS = 60;
const SECONDS_PER_HOUR = 3600;

export type BillingGranularity = 'second' | 'hour';

export function billingGranularity(os: OperatingSystem): BillingGranularity {
  return OS_FACTS[os].perSecond ? 'second' : 'hour';
}

/** Seconds one run of `durationSeconds` is billed: max(60, duration) per second, else whole hours. */
export function billedSecondsPerRun(os: OperatingSystem, durationSeconds: number): number {
  return billingGranularity(os) === 'second'
    ? Math.max(PER_SECOND_MINIMUM_SECONDS, durationSeconds)
    : Math.ceil(durationSeconds / SECONDS_PER_HOUR) * SECONDS_PER_HOUR;
}

/** The rule in words, for explanations. */
export function billingRuleText(os: OperatingSystem): string {
  return billingGranularity(os) === 'second'
    ? `billed per second with a ${PER_SECOND_MINIMUM_SECONDS}-second minimum (AWS, ${PER_SECOND_BILLING_SOURCE.url}, read ${PER_SECOND_BILLING_SOURCE.readOn})`
    : `billed per hour, each partial hour as a full hour (AWS, ${PER_SECOND_BILLING_SOURCE.url}, read ${PER_SECOND_BILLING_SOURCE.readOn})`;
}
