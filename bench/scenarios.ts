// The measured requests, run in this order against one Corkboard. To add one (e.g. 'create pin'), append an
// entry: `setup` runs once just before its scenario (create boards, pins, ...), and what it creates stays for
// the scenarios after it. The response Corkboard gives to one request
// made after setup is what the baseline server replays, byte for byte, and what every load response is
// checked against when `fixedBody` holds (set it false for responses that legitimately differ, e.g. new ids).
export interface Seed { url: string; token: string }

export interface Scenario {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** The status every load response must have. */
  status: number;
  fixedBody: boolean;
  setup?: (seed: Seed) => Promise<void>;
}

/** One authenticated API call, for setup steps. */
export async function api(seed: Seed, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(seed.url + path, {
    method,
    headers: { authorization: `Bearer ${seed.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export const scenarios: Scenario[] = [
  { name: 'user_account', method: 'GET', path: '/v5/user_account', status: 200, fixedBody: true },
  {
    name: 'list boards',
    method: 'GET',
    path: '/v5/boards',
    status: 200,
    fixedBody: true,
    // A page of a few real boards rather than an empty list, so serialisation is part of the cost.
    setup: async (seed) => {
      for (let i = 1; i <= 5; i++) await api(seed, 'POST', '/v5/boards', { name: `Bench board ${i}`, description: 'seeded by bench/run.ts' });
    },
  },
];
