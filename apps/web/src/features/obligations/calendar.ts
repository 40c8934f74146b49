// The month grid of the calendar view: weeks from Monday to Sunday covering the month, as local dates.

export interface MonthCell {
  date: string;
  inMonth: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' of the month `delta` months from `month`. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** The weeks (Monday first) that show the month, each day as 'YYYY-MM-DD'. */
export function monthGrid(month: string): MonthCell[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const start = Date.UTC(y, m - 1, 1 - offset);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const weeks = Math.ceil((offset + days) / 7);
  const out: MonthCell[][] = [];
  for (let w = 0; w < weeks; w++) {
    const week: MonthCell[] = [];
    for (let d = 0; d < 7; d++) {
      const date = new Date(start + (w * 7 + d) * 86_400_000).toISOString().slice(0, 10);
      week.push({ date, inMonth: date.startsWith(month) });
    }
    out.push(week);
  }
  return out;
}

/** First and last day of a month, for the task query. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}` };
}
