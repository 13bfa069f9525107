/**
 * The instructor's day: which labs each session holds today, how long they take (each lab's
 * `estimatedMinutes`), the running total, and how that compares with the session's slot. With no choice
 * saved, the day is each session's core path as the agenda marks it.
 */
import { catalogueEntry } from '../../../labs/catalogue';
import {
  agenda,
  agendaSlots,
  ASSUMED_DAY_END,
  minutesOf,
  type PlannedLab,
  type SessionNumber,
} from '../../../labs/agenda';
import type { PersistedDayPlan } from '../../../sim/persist';

/** A planned lab as the day plan shows it. */
export interface PlanLab extends PlannedLab {
  /** True when the lab can be played in this version of the app. */
  readonly available: boolean;
  /** The lab's estimate, or null for a lab not built yet. */
  readonly minutes: number | null;
  /** On today's plan. */
  readonly chosen: boolean;
  /** Minutes of the session's chosen labs up to and including this one; null when not chosen. */
  readonly runningMinutes: number | null;
}

/** One session of today's plan against its slot. */
export interface SessionPlan {
  readonly session: SessionNumber;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly slotMinutes: number;
  readonly labs: readonly PlanLab[];
  /** Minutes of the chosen labs. */
  readonly plannedMinutes: number;
  /** Slot minutes left after the chosen labs; negative when the plan runs over. */
  readonly spareMinutes: number;
}

/** The day's end: the instructor's, or the agenda's assumed end. */
export const dayEndOf = (plan: PersistedDayPlan): string => plan.endsAt ?? ASSUMED_DAY_END;

/** The ids of every playable lab on its session's core path: the day when the instructor chose nothing. */
export function coreLabIds(): string[] {
  return agenda.flatMap((item) =>
    item.kind === 'session'
      ? item.labs.filter((lab) => lab.path === 'core' && catalogueEntry(lab.id)).map((lab) => lab.id)
      : [],
  );
}

/** The labs on today's plan (ids the agenda does not know are ignored). */
export function chosenLabIds(plan: PersistedDayPlan): ReadonlySet<string> {
  return new Set(plan.labIds ?? coreLabIds());
}

/** Every session of the day with its labs, durations, running totals and slot. */
export function planDay(plan: PersistedDayPlan): SessionPlan[] {
  const chosen = chosenLabIds(plan);
  return agendaSlots(dayEndOf(plan)).flatMap(({ item, endsAt, minutes }) => {
    if (item.kind !== 'session') return [];
    let running = 0;
    const labs = item.labs.map((planned): PlanLab => {
      const lab = catalogueEntry(planned.id);
      const isChosen = lab !== undefined && chosen.has(planned.id);
      if (isChosen) running += lab.estimatedMinutes;
      return {
        ...planned,
        available: lab !== undefined,
        minutes: lab?.estimatedMinutes ?? null,
        chosen: isChosen,
        runningMinutes: isChosen ? running : null,
      };
    });
    return [
      {
        session: item.session,
        title: item.title,
        startsAt: item.startsAt,
        endsAt,
        slotMinutes: minutes,
        labs,
        plannedMinutes: running,
        spareMinutes: minutes - running,
      },
    ];
  });
}

/** The plan with one lab added or removed; saved as an explicit list from then on. */
export function toggleLab(plan: PersistedDayPlan, labId: string, include: boolean): PersistedDayPlan {
  const chosen = new Set(chosenLabIds(plan));
  if (include) chosen.add(labId);
  else chosen.delete(labId);
  // Keep the agenda's order so the saved document reads like the day.
  const order = agenda.flatMap((item) => (item.kind === 'session' ? item.labs.map((lab) => lab.id) : []));
  return { ...plan, labIds: order.filter((id) => chosen.has(id)) };
}

/**
 * Checks an end of day typed by the instructor: a 24-hour `HH:MM` after the last session starts. Returns
 * the problem in words, or undefined when the time is fine.
 */
export function endOfDayProblem(time: string): string | undefined {
  const last = agenda.at(-1)!;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
    return `“${time}” is not a time: enter it as HH:MM, such as 17:15.`;
  if (minutesOf(time) <= minutesOf(last.startsAt))
    return `The day cannot end at ${time}: the last session starts at ${last.startsAt}.`;
  return undefined;
}

/** `45 min`, `1 h 30 min`. */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(Math.abs(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
