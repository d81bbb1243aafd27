// Agents enter and read times in Swedish time, whatever the browser's own time zone is.
const ZONE = 'Europe/Stockholm';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock time in Stockholm at `instant`, as the milliseconds of that wall time read as UTC. */
function wallClock(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}

/**
 * A `datetime-local` value (`2026-12-05T08:00`) read as Stockholm time, as an ISO instant; undefined when the
 * value is not a date and time. Over the autumn's repeated hour the earlier one is taken.
 */
export function stockholmInputToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const firstGuess = wall - (wallClock(wall) - wall);
  const instant = wall - (wallClock(firstGuess) - firstGuess);
  return new Date(instant).toISOString();
}

/** An ISO instant as the `datetime-local` value (`2026-12-05T08:00`) of its Stockholm wall-clock time. */
export function isoToStockholmInput(iso: string): string {
  return new Date(wallClock(Date.parse(iso))).toISOString().slice(0, 16);
}
