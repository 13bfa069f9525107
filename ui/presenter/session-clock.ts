/**
 * Where the workshop day stands at a wall-clock time: which block of the agenda is on (a session or the
 * break) and how long is left in it. The agenda gives start times only; a block ends when the next one
 * starts, and the last session has no printed end, so for it the clock counts up instead of down.
 */
import { agenda, type AgendaItem } from '../../labs/agenda';

/** What the session timer shows. */
export type DayPosition =
  | { readonly kind: 'before'; readonly first: AgendaItem; readonly startsInMinutes: number }
  | {
      readonly kind: 'during';
      readonly item: AgendaItem;
      readonly next: AgendaItem | null;
      readonly elapsedMinutes: number;
      /** Minutes until the next block starts; null for the last block, whose end the agenda does not give. */
      readonly remainingMinutes: number | null;
    };

/** `HH:MM` → minutes after midnight. */
export const minutesOf = (startsAt: string): number => {
  const [hours, minutes] = startsAt.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** The day's position at `minutesOfDay` (minutes after local midnight, fractions allowed). */
export function dayPosition(minutesOfDay: number, items: readonly AgendaItem[] = agenda): DayPosition {
  const first = items[0]!;
  if (minutesOfDay < minutesOf(first.startsAt)) {
    return { kind: 'before', first, startsInMinutes: minutesOf(first.startsAt) - minutesOfDay };
  }
  let index = 0;
  while (index + 1 < items.length && minutesOf(items[index + 1]!.startsAt) <= minutesOfDay) index += 1;
  const item = items[index]!;
  const next = items[index + 1] ?? null;
  return {
    kind: 'during',
    item,
    next,
    elapsedMinutes: minutesOfDay - minutesOf(item.startsAt),
    remainingMinutes: next ? minutesOf(next.startsAt) - minutesOfDay : null,
  };
}

/** Minutes as `1:05:09` or `12:07` (hours:minutes:seconds, or minutes:seconds under an hour). */
export function formatClock(minutes: number): string {
  const total = Math.max(0, Math.floor(minutes * 60));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The title of an agenda block: `Session 2 · Real-time streaming`, or `Break`. */
export const blockTitle = (item: AgendaItem): string =>
  item.kind === 'session' ? `Session ${item.session} · ${item.title}` : item.title;
