// ISMS benchmark phase: the obligations calendar. The demo organisation is level B with a generated
// calendar; the phase raises it to level A (the refresh adds and cancels tasks), times unchanged refreshes,
// adds the 5,000-node imported framework to the frameworks in use (495 more obligations), then times the
// calendar views at that size and the daily reminder job.
import { timed } from './measure.mjs';

/** Imported by the library phase (bench/lib/isms-library.mjs). */
const GENERATED_KEY = 'bench-generated';

function shiftMonths(date, months) {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const lastDay = (month) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

const counts = (g) =>
  `${g.obligations.active} obligations; tasks +${g.tasks.created} created, ${g.tasks.cancelled} cancelled, ` +
  `${g.tasks.reopened} reopened, ${g.tasks.kept} kept`;

export async function calendarCases({ api, rec, settings, log }) {
  log('obligations calendar');
  const before = await api.get('/api/obligations/profile');
  await api.put('/api/org', { responsibilityLevel: 'A' });
  const anchorOn = shiftMonths(before.today, -4);
  await api.patch('/api/obligations/profile', { anchorOn });
  const up = await timed(() => api.post('/api/obligations/generate'));
  rec.step(`calendar refresh after level B → A (${counts(up.value)})`, up.ms, up.value.tasks.created);

  const refreshes = [];
  let last = null;
  for (let i = 0; i < settings.calendarRefreshes; i++) {
    const r = await timed(() => api.post('/api/obligations/generate'));
    refreshes.push(r.ms);
    last = r.value;
  }
  if (last.tasks.created + last.tasks.cancelled + last.tasks.reopened !== 0)
    throw new Error(`an unchanged refresh changed tasks: ${counts(last)}`);
  rec.sample(`calendar refresh, nothing changed (${last.tasks.kept} tasks kept)`, refreshes, last.tasks.kept);

  // A user's framework in use as well: the generated 5,000-node file has 495 items due every 6 months at A.
  const profile = await api.get('/api/obligations/profile');
  await api.patch('/api/obligations/profile', {
    frameworksInUse: [...profile.frameworksInUse, GENERATED_KEY],
  });
  const big = await timed(() => api.post('/api/obligations/generate'));
  rec.step(
    `calendar refresh adding the 5,000-node framework (${counts(big.value)})`,
    big.ms,
    big.value.tasks.created,
  );
  const bigRefreshes = [];
  for (let i = 0; i < Math.max(3, Math.round(settings.calendarRefreshes / 4)); i++)
    bigRefreshes.push((await timed(() => api.post('/api/obligations/generate'))).ms);
  rec.sample(
    `calendar refresh at that size, nothing changed (${big.value.obligations.active} obligations)`,
    bigRefreshes,
    big.value.obligations.active,
  );

  const total = (await api.get('/api/obligation-tasks?limit=1')).total;
  // The generated items all fall due 6 months after the anchor: the busiest month of the calendar.
  const month = shiftMonths(anchorOn, 6).slice(0, 7);
  const monthPath = `/api/obligation-tasks?dueFrom=${month}-01&dueTo=${lastDay(month)}&limit=1000`;
  const inMonth = (await api.get(monthPath)).items.length;
  const overdue = (await api.get('/api/obligation-tasks?overdue=true&limit=200')).items.length;
  await rec.requests(`task list, first 200 of ${total} tasks`, '/api/obligation-tasks?limit=200', {
    items: Math.min(200, total),
  });
  await rec.requests(`calendar month view (${month}, ${inMonth} tasks due)`, monthPath, { items: inMonth });
  await rec.requests('overdue tasks (first 200)', '/api/obligation-tasks?overdue=true&limit=200', {
    items: overdue,
  });
  await rec.requests(`obligations list (${big.value.obligations.active})`, '/api/obligations', {
    items: big.value.obligations.active,
  });
  await rec.requests('home card summary', '/api/obligations/summary');
  const job = await timed(() => api.post('/api/jobs/obligations.reminders/run'));
  rec.step('daily reminder job, run now (queues e-mail per due task)', job.ms);
}
