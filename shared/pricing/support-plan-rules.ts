/**
 * AWS Support plans' published fee rules: the one place they live (support-plan.ts prices them).
 *
 * Source: AWS Support plan pricing, https://aws.amazon.com/premiumsupport/pricing/ — each plan's fee is
 * the greater of a monthly minimum and a percentage of the month's AWS charges, tiered like tax brackets
 * for Business and Enterprise. Worked examples on that page: Developer at 2,000 USD → 60 USD; Business
 * at 85,000 USD → 1,000 + 4,900 + 250 = 6,150 USD; Enterprise at 1.2M USD → 15,000 + 24,500 + 25,000 +
 * 6,000 = 70,500 USD. The AWS Price List's AWSEnterpriseOnRamp offer gives On-Ramp as "10% of monthly
 * AWS usage" with a 5,500 USD recurring fee, effective 2021-10-19. Checked on SUPPORT_RULES_AS_OF.
 *
 * Conflict noted on that date: in December 2025 AWS announced new plans (Business Support+, a new
 * Enterprise Support, Unified Operations) with other rates; the four plans below are "legacy" plans that
 * AWS keeps selling until 2027-01-01 (as billing tools that follow AWS relay it). They are the plans
 * priced here; the new ones are not.
 *
 * AWS bases the fee on the account's (Enterprise: all enrolled accounts') gross monthly AWS charges
 * before discounts and credits, Reserved Instance and Savings Plan fees included; the planner knows
 * only the scenario's EC2 and EBS part, so its figure is the fee those charges alone would bring.
 */

export const SUPPORT_PLANS = ['developer', 'business', 'enterprise-on-ramp', 'enterprise'] as const;
export type SupportPlan = (typeof SUPPORT_PLANS)[number];

export const SUPPORT_RULES_SOURCE = 'https://aws.amazon.com/premiumsupport/pricing/';
/** The rules' id where an explanation row names its source (not a catalog source: no price file holds them). */
export const SUPPORT_RULES_SOURCE_ID = 'aws-support-plan-pricing';
/** The day the rules above were checked against AWS's published statements. */
export const SUPPORT_RULES_AS_OF = '2026-11-29';

/** A band of the month's charges: from the previous band's top up to `upToUsd` (null: no top). */
export interface SupportTier {
  upToUsd: string | null;
  pct: string;
}

export interface SupportPlanRule {
  label: string;
  minimumUsd: string;
  tiers: readonly SupportTier[];
}

export const SUPPORT_PLAN_RULES: Record<SupportPlan, SupportPlanRule> = {
  developer: { label: 'Developer', minimumUsd: '29', tiers: [{ upToUsd: null, pct: '3' }] },
  business: {
    label: 'Business',
    minimumUsd: '100',
    tiers: [
      { upToUsd: '10000', pct: '10' },
      { upToUsd: '80000', pct: '7' },
      { upToUsd: '250000', pct: '5' },
      { upToUsd: null, pct: '3' },
    ],
  },
  'enterprise-on-ramp': {
    label: 'Enterprise On-Ramp',
    minimumUsd: '5500',
    tiers: [{ upToUsd: null, pct: '10' }],
  },
  enterprise: {
    label: 'Enterprise',
    minimumUsd: '15000',
    tiers: [
      { upToUsd: '150000', pct: '10' },
      { upToUsd: '500000', pct: '7' },
      { upToUsd: '1000000', pct: '5' },
      { upToUsd: null, pct: '3' },
    ],
  },
};
