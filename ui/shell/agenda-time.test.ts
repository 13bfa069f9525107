import { describe, expect, it } from 'vitest';
import { formatAgendaTime } from './agenda-time';

describe('formatAgendaTime', () => {
  it('prints the agenda slide times', () => {
    expect(formatAgendaTime('12:30')).toBe('12:30 pm');
    expect(formatAgendaTime('14:00')).toBe('2:00 pm');
    expect(formatAgendaTime('15:15')).toBe('3:15 pm');
    expect(formatAgendaTime('16:15')).toBe('4:15 pm');
  });

  it('handles the morning and midnight', () => {
    expect(formatAgendaTime('09:05')).toBe('9:05 am');
    expect(formatAgendaTime('00:10')).toBe('12:10 am');
  });

  it('returns anything else unchanged rather than inventing a time', () => {
    expect(formatAgendaTime('noon')).toBe('noon');
  });
});
