/**
 * A value now, or a promise of it: what the hot paths return when the store answers synchronously (the
 * memory store always does), so that a request served from memory runs start to end without a promise.
 *
 * Why: each `await` of an async function suspends it, and a suspended async function is an object the
 * size of its frame plus a promise and its reactions. On an Uphold token request that made ~3 KiB of the
 * ~8 KiB allocated per request (V8's sampling heap profiler, objects collected by minor GC included), all
 * of it garbage within the request, so that the young generation filled and was scavenged twice as often.
 */
export type Eventually<T> = T | Promise<T>;

/**
 * `next(value)`, at once when `value` is there, else when the promise settles. (Not named `then`: a
 * module exporting `then` is a thenable, and `await import()` of it would call it.)
 */
export function andThen<T, U>(value: Eventually<T>, next: (value: T) => Eventually<U>): Eventually<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * What `answer()` gives, always as a promise (one it throws becomes a rejection). A promise is handed on as
 * it is: an async function returning one would wait two more turns.
 */
export function promised<T>(answer: () => Eventually<T>): Promise<T> {
  try {
    const value = answer();
    return value instanceof Promise ? value : Promise.resolve(value);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * `run()`'s value, or what `failed` makes of its error, whether `run` throws or its promise rejects: one
 * place for an error mapping that the synchronous and the asynchronous path both need.
 */
export function caught<T>(
  run: () => Eventually<T>,
  failed: (error: unknown) => Eventually<T>,
): Eventually<T> {
  try {
    const value = run();
    return value instanceof Promise ? value.catch(failed) : value;
  } catch (error) {
    return failed(error);
  }
}
