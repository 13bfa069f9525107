/**
 * Formats a 24-hour `HH:MM` agenda time the way the workshop's agenda slide printed it: `12:30`, `2:00`,
 * `3:15` — afternoon times without a leading hour of 13+ — plus `pm`/`am` so nobody has to guess.
 */
export function formatAgendaTime(startsAt: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(startsAt);
  if (!match) return startsAt;
  const hour = Number(match[1]);
  const minutes = match[2];
  const suffix = hour >= 12 ? 'pm' : 'am';
  const twelveHour = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelveHour}:${minutes} ${suffix}`;
}
