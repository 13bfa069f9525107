import { describe, expect, it } from 'vitest';
import { blockTitle, dayPosition, formatClock, minutesOf } from './session-clock';

const at = (time: string) => minutesOf(time);

describe('dayPosition', () => {
  it('counts down to the first session before the day starts', () => {
    const position = dayPosition(at('12:00'));
    expect(position).toMatchObject({ kind: 'before', startsInMinutes: 30 });
  });

  it('names the session on and the minutes left until the next block', () => {
    const position = dayPosition(at('14:20'));
    expect(position.kind).toBe('during');
    if (position.kind !== 'during') return;
    expect(blockTitle(position.item)).toBe('Session 2 · Real-time streaming');
    expect(position.remainingMinutes).toBe(40);
    expect(position.next && blockTitle(position.next)).toBe('Break');
  });

  it('treats the break as a block of its own and switches exactly at a start time', () => {
    const position = dayPosition(at('15:00'));
    expect(position.kind === 'during' && blockTitle(position.item)).toBe('Break');
    expect(position.kind === 'during' && position.remainingMinutes).toBe(15);
  });

  it('counts up in the last session, whose end the agenda does not give', () => {
    const position = dayPosition(at('16:45'));
    expect(position).toMatchObject({ kind: 'during', elapsedMinutes: 30, remainingMinutes: null });
  });
});

describe('formatClock', () => {
  it('writes minutes and seconds, with hours when needed', () => {
    expect(formatClock(12.5)).toBe('12:30');
    expect(formatClock(65.25)).toBe('1:05:15');
    expect(formatClock(-3)).toBe('0:00');
  });
});
