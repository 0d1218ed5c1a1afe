/**
 * `then` for a value that may or may not be a promise: a handler that answers at once goes on
 * without a turn of the microtask queue, one that waited goes on when it settles.
 */
export function settled<T, R>(value: T | Promise<T>, then: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}
