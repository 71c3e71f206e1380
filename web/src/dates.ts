// Dates as the app shows them: "Dec 2, 2026", in English like the rest of the app.
export const shortDate = (iso: string) => new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
