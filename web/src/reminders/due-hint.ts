/**
 * The hint under a reminder's date when that date has passed: the reminder is still
 * kept, and is due at once (as `kith remind add` notes too).
 */
export function pastDueHint(date: string, today: Date = new Date()): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return date < local ? 'That is in the past, so it will be due now' : undefined;
}
