// Field schemas shared by every content file (ids, dates, URLs, phone numbers, emails), each failing with a fix-it message.
import { z } from 'zod';

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const kebabId = z
  .string()
  .regex(KEBAB_CASE, { error: 'must be kebab-case: lower-case letters and digits joined by single hyphens. Use a form such as "ehc-request"' });

/** Today as yyyy-mm-dd in UK time (content is dated by people in England), the default for "not in the future". */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date written yyyy-mm-dd; with `notAfter`, also not later than that date. One problem at most. */
export function isoDate(notAfter?: string) {
  return z.preprocess(
    // YAML 1.1 readers turn 2026-11-23 into a Date; accept that and compare the same way.
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z.string({ error: 'must be a date written yyyy-mm-dd, for example 2026-11-23' }).superRefine((value, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be a date written yyyy-mm-dd, for example 2026-11-23' });
      } else if (!isRealDate(value)) {
        ctx.addIssue({ code: 'custom', message: 'is not a real calendar date. Check the day and month' });
      } else if (notAfter !== undefined && value > notAfter) {
        ctx.addIssue({ code: 'custom', message: `is in the future. Use the date the work was actually done (today is ${notAfter}) or earlier` });
      }
    }),
  );
}

export const httpsUrl = z
  .string({ error: 'must be a web address starting https://' })
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, { error: 'must be a full web address starting https:// (for example https://www.gov.uk/...). Add https:// or correct the address' });

/** UK phone numbers as people write them: 0 + 10 digits, +44 + 9–10 digits, or a short national line (999, 101, 111, 116 xxx). */
export function isUkPhoneNumber(value: string): boolean {
  if (!/^[+\d][\d ]*$/.test(value.trim())) return false;
  const digits = value.replace(/\s/g, '');
  if (/^0\d{9,10}$/.test(digits)) return true;
  if (/^\+44\d{9,10}$/.test(digits)) return true;
  return /^(999|101|111|116\d{3})$/.test(digits);
}

export const ukPhone = z.string({ error: 'must be written in quotes, for example "01223 699214", so the first 0 is kept' }).refine(isUkPhoneNumber, {
  error: 'does not look like a UK phone number. Write it as it is dialled, for example 01223 699214 (digits and spaces only)',
});

export const emailAddress = z
  .string()
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@.]+$/, { error: 'does not look like an email address. Write it in full, for example name@council.gov.uk' });

/** Text that must say something: not empty or only spaces. */
export function nonEmptyText(what: string) {
  return z.string({ error: `must be text (${what})` }).trim().min(1, { error: `is empty. Write ${what}` });
}
