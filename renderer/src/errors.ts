import { withLabel } from '@shared/validation';
import { ApiError } from './api-client';

/**
 * A message a person can read: the contract's error with its field's label in front ("Line 1 (web) ›
 * Instances: must be …"), never a field path or a stack trace.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return withLabel(err.error);
  if (err instanceof TypeError) return `Could not reach the planner service (${err.message}).`;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
