// Timing helpers of the ISMS benchmarks: repeated in-process runs, HTTP requests with a few in flight, and a
// small JSON API client with the session cookie and CSRF token.
export const round = (n, digits = 1) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Runs `fn` `warmup` times, then `runs` times; answers the median and fastest run in ms. */
export async function repeat(fn, { runs, warmup = 1 }) {
  let last;
  for (let i = 0; i < warmup; i++) last = await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 0.5), minMs: times[0], p95Ms: percentile(times, 0.95), last };
}

/**
 * Sends `requests` requests made by `request()` (a fetch promise) with `concurrency` in flight, after
 * `warmup` unmeasured ones; answers p50/p95 in ms, requests per second, failures and the response size.
 */
export async function timeRequests(request, { requests, concurrency, warmup = 5, ok = (r) => r.ok }) {
  for (let i = 0; i < warmup; i++) await (await request()).arrayBuffer();
  const durations = [];
  let next = 0;
  let failed = 0;
  let bytes = 0;
  let firstError = null;
  const worker = async () => {
    while (next < requests) {
      next++;
      const t = performance.now();
      const res = await request();
      const body = await res.arrayBuffer();
      durations.push(performance.now() - t);
      bytes = body.byteLength;
      if (!ok(res)) {
        failed++;
        firstError ??= `${res.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  const sec = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return {
    p50: round(percentile(durations, 0.5), 2),
    p95: round(percentile(durations, 0.95), 2),
    rps: round(durations.length / sec, 0),
    failed,
    firstError,
    responseKiB: round(bytes / 1024, 1),
  };
}

/** A JSON client for one signed-in person; `send` answers the raw Response, the verbs the parsed body. */
export function apiClient(base, auth) {
  const send = (method, path, body, headers = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: auth.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': auth.csrfToken }),
        ...(body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : Buffer.isBuffer(body) || typeof body === 'string'
            ? body
            : JSON.stringify(body),
    });
  const call = async (method, path, body, expect = [200, 201]) => {
    const res = await send(method, path, body);
    const text = await res.text();
    if (!expect.includes(res.status))
      throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    send,
    get: (path) => call('GET', path),
    post: (path, body = {}, expect) => call('POST', path, body, expect),
    patch: (path, body, expect) => call('PATCH', path, body, expect),
    put: (path, body, expect) => call('PUT', path, body, expect),
  };
}

/** Times one async step in ms, with its answer. */
export async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}
