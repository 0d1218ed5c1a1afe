import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  /** Mean requests a second over the run. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  durationS: number;
}

/**
 * One autocannon run, bounded in time (`duration`) or count (`amount`), always on loopback.
 * Any error, timeout or non-2xx answer is counted in the result, never dropped.
 */
export async function load(options: autocannon.Options): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+/.test(String(options.url))) throw new Error(`load only targets loopback, not ${options.url}`);
  if (options.duration === undefined && options.amount === undefined) throw new Error('a load run needs a duration or an amount');
  const r = await autocannon({ ...options, timeout: options.timeout ?? 10 });
  return {
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    maxMs: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    durationS: r.duration,
  };
}
