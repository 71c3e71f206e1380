// The slice of autocannon's programmatic API the bench uses (the package ships no types, and
// `npm run typecheck` covers bench/). Fields as documented in node_modules/autocannon/README.md.
declare module 'autocannon' {
  export interface Histogram { average: number; min: number; max: number; p50: number; p90: number; p99: number; total: number }
  export interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    expectBody?: string;
  }
  export interface Result {
    duration: number; // seconds
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram; // ms
    requests: Histogram; // per-second samples; `total` = completed requests
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
