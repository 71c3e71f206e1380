// Pinterest writes timestamps in UTC without an offset: "2025-01-15T10:30:00".
export function pinterestTime(date: Date | number | string): string {
  return new Date(date).toISOString().slice(0, 19);
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function isoIn(seconds: number, from = Date.now()): string {
  return new Date(from + seconds * 1000).toISOString();
}
