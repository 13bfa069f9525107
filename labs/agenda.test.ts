import { describe, expect, it } from 'vitest';
import { agenda, agendaSlots, ASSUMED_DAY_END, minutesOf } from './agenda.ts';
import { findLab, registeredLabs } from './index.ts';

const sessions = agenda.flatMap((item) => (item.kind === 'session' ? [item] : []));

describe('the agenda', () => {
  it('keeps the slide times: 12:30, 2:00, the 3:00 break, 3:15 and 4:15', () => {
    expect(agenda.map((item) => item.startsAt)).toEqual(['12:30', '14:00', '15:00', '15:15', '16:15']);
  });

  it('ends each block when the next starts, and the last session at the day’s end', () => {
    expect(agendaSlots().map((slot) => [slot.item.startsAt, slot.endsAt, slot.minutes])).toEqual([
      ['12:30', '14:00', 90],
      ['14:00', '15:00', 60],
      ['15:00', '15:15', 15],
      ['15:15', '16:15', 60],
      ['16:15', ASSUMED_DAY_END, 60],
    ]);
    expect(agendaSlots('17:45').at(-1)?.minutes).toBe(90);
  });

  it('plans every registered lab in the session the lab says it belongs to', () => {
    for (const { lab } of registeredLabs) {
      const session = sessions.find((candidate) => candidate.labs.some((planned) => planned.id === lab.id));
      expect(session?.session, lab.id).toBe(lab.session);
    }
  });
});

describe('each session’s core path', () => {
  const slots = agendaSlots();
  for (const session of sessions) {
    it(`fits session ${session.session}’s slot (${session.title})`, () => {
      const slot = slots.find((candidate) => candidate.item === session)!;
      const core = session.labs.filter((planned) => planned.path === 'core');
      const minutes = core.reduce((sum, planned) => sum + (findLab(planned.id)?.estimatedMinutes ?? 0), 0);
      expect(minutes).toBeLessThanOrEqual(slot.minutes);
    });
  }

  it('has at least one lab wherever the session has labs to play', () => {
    for (const session of sessions) {
      const playable = session.labs.filter((planned) => findLab(planned.id));
      if (playable.length === 0) continue;
      expect(
        playable.some((planned) => planned.path === 'core'),
        `session ${session.session}`,
      ).toBe(true);
    }
  });

  it('leaves session 2’s other labs optional: all eight would take far longer than its hour', () => {
    const streaming = sessions.find((session) => session.session === 2)!;
    const all = streaming.labs.reduce(
      (sum, planned) => sum + (findLab(planned.id)?.estimatedMinutes ?? 0),
      0,
    );
    expect(all).toBeGreaterThan(minutesOf('15:00') - minutesOf('14:00'));
    expect(streaming.labs.filter((planned) => planned.path === 'optional').length).toBeGreaterThan(0);
  });
});
