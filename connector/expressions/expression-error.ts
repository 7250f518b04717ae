/** A mistake in an expression, found while reading or evaluating it. `pointer` is relative to the expression. */
export class ExpressionError extends Error {
  readonly pointer: string;
  constructor(message: string, pointer = '') {
    super(message);
    this.name = 'ExpressionError';
    this.pointer = pointer;
  }
}
