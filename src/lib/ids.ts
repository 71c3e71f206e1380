// Time-ordered 64-bit ids written as 19-digit decimal strings, like Pinterest's ("1137288271238219776").
// Layout: 41 bits of milliseconds since EPOCH | 10 bits of worker | 12 bits of sequence.
// The worker number is leased from the database at start, so ids are unique across processes.
// Every id this produces has 19 digits until the year 2079, so string order is numeric order.

const EPOCH = 1262304000000n; // 2010-01-01T00:00:00Z
const WORKER_BITS = 10n;
const SEQ_BITS = 12n;
export const MAX_WORKERS = 1 << Number(WORKER_BITS);
const MAX_SEQ = (1n << SEQ_BITS) - 1n;

export class IdGenerator {
  private lastMs = 0n;
  private seq = 0n;
  private readonly worker: bigint;

  constructor(worker: number) {
    if (!Number.isInteger(worker) || worker < 0 || worker >= MAX_WORKERS) throw new Error(`worker id out of range: ${worker}`);
    this.worker = BigInt(worker);
  }

  next(): string {
    let now = BigInt(Date.now());
    if (now < this.lastMs) now = this.lastMs; // the clock stepped back: keep counting on the last millisecond
    if (now === this.lastMs) {
      this.seq = (this.seq + 1n) & MAX_SEQ;
      if (this.seq === 0n) now = this.lastMs + 1n; // 4096 ids in one millisecond: borrow the next one
    } else {
      this.seq = 0n;
    }
    this.lastMs = now;
    return (((now - EPOCH) << (WORKER_BITS + SEQ_BITS)) | (this.worker << SEQ_BITS) | this.seq).toString();
  }
}

/** True for a string that could be one of our ids (numeric, at most 19 digits); used to answer 404 early. */
export function isId(value: string): boolean {
  return /^\d{1,19}$/.test(value);
}
