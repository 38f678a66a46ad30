/**
 * Errors a person may see. Rendered as a clear message, never a stack trace. The message says what is
 * wrong and what is allowed, without the field; `field` is the field's path in the input and `label`
 * what a person calls it, and whoever shows the error puts them together ("--iops: …", "IOPS: …").
 */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly label?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export class NotFoundError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly label?: string,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}
