import { InputError } from '@shared/errors';

/** The field an InputError names, 'no error' when nothing is thrown, or the other error's name. */
export function thrownField(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.field;
    return error instanceof Error ? error.name : 'unknown';
  }
  return 'no error';
}
