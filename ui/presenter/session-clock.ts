/**
 * Where the workshop day stands at a wall-clock time: which block of the agenda is on (a session or the
 * break), how long is left in its slot and what comes next. A block ends when the next one starts; the last
 * session ends at the day's end (the instructor's, or the agenda's assumed end), after which the day is over.
 */
import { agendaSlots, ASSUMED_DAY_END, minutesOf, type AgendaItem } from '../../labs/agenda';

/** What the session timer shows. */
export type DayPosition =
  | { readonly kind: 'before'; readonly first: AgendaItem; readonly startsInMinutes: number }
  | {
      readonly kind: 'during';
      readonly item: AgendaItem;
      /** The block after this one; null when this is the last block of the day. */
      readonly next: AgendaItem | null;
      /** When this block's slot ends, 24-hour `HH:MM`. */
      readonly endsAt: string;
      readonly elapsedMinutes: number;
      /** Minutes until the slot ends. */
      readonly remainingMinutes: number;
    }
  | { readonly kind: 'after'; readonly endedAt: string };

export { minutesOf };

/** The day's position at `minutesOfDay` (minutes after local midnight, fractions allowed). */
export function dayPosition(minutesOfDay: number, dayEndsAt: string = ASSUMED_DAY_END): DayPosition {
  const slots = agendaSlots(dayEndsAt);
  const first = slots[0]!.item;
  if (minutesOfDay < minutesOf(first.startsAt)) {
    return { kind: 'before', first, startsInMinutes: minutesOf(first.startsAt) - minutesOfDay };
  }
  const index = slots.findIndex((slot) => minutesOfDay < minutesOf(slot.endsAt));
  if (index === -1) return { kind: 'after', endedAt: dayEndsAt };
  const { item, endsAt } = slots[index]!;
  return {
    kind: 'during',
    item,
    next: slots[index + 1]?.item ?? null,
    endsAt,
    elapsedMinutes: minutesOfDay - minutesOf(item.startsAt),
    remainingMinutes: minutesOf(endsAt) - minutesOfDay,
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
