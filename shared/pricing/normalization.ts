/**
 * Normalization factors for regional RI size flexibility (Linux/Unix, default tenancy), from the EC2
 * User Guide "How Reserved Instances are applied" (docs.aws.amazon.com/AWSEC2/latest/UserGuide/apply_ri.html).
 * A .metal size takes the factor of the size with the same vCPU count in its family.
 */
export const NORMALIZATION_FACTORS: Readonly<Record<string, number>> = {
  nano: 0.25,
  micro: 0.5,
  small: 1,
  medium: 2,
  large: 4,
  xlarge: 8,
  '2xlarge': 16,
  '3xlarge': 24,
  '4xlarge': 32,
  '6xlarge': 48,
  '8xlarge': 64,
  '9xlarge': 72,
  '10xlarge': 80,
  '12xlarge': 96,
  '16xlarge': 128,
  '18xlarge': 144,
  '24xlarge': 192,
  '32xlarge': 256,
  '48xlarge': 384,
  '56xlarge': 448,
  '96xlarge': 768,
  '112xlarge': 896,
};

export function normalizationFactorForSize(size: string): number | null {
  return NORMALIZATION_FACTORS[size] ?? null;
}
