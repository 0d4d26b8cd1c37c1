/**
 * A mistake of the user's (bad file, bad flag): the CLI prints its message, no stack trace,
 * and exits with code 2.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** Exit code: 2 for bad input or usage. */
  readonly exitCode = 2;
}
