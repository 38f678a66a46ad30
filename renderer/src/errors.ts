import { ApiError } from './api-client';

/** A message a person can read: the contract's error message, never a stack trace. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.error.message;
  if (err instanceof TypeError) return `Could not reach the planner service (${err.message}).`;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
