// The zod schemas for the services directory: national services (national.yaml) and one record per council (councils/*.yaml).
import { z } from 'zod';
import { emailAddress, httpsUrl, isoDate, kebabId, nonEmptyText, todayIso, ukPhone } from './fieldSchemas.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(TIME, { error: 'must be a 24-hour time written hh:mm, for example 09:30' });

const openingHours = z.strictObject({
  text: nonEmptyText('the hours as the source says them, for example "Monday to Friday, 10am to 4pm"'),
  slots: z
    .array(
      z
        .strictObject({
          days: z
            .array(z.number().int().min(1).max(7), { error: 'must be a list of day numbers, 1 = Monday to 7 = Sunday' })
            .min(1, { error: 'is empty. List the day numbers, 1 = Monday to 7 = Sunday' }),
          opens: time,
          closes: time,
        })
        // Compare only well-formed times; a malformed one already has its own problem.
        .refine((slot) => !(TIME.test(slot.opens) && TIME.test(slot.closes)) || slot.opens < slot.closes, {
          error: 'closes before it opens. Check the two times',
          path: ['closes'],
        }),
    )
    .optional(),
  termTimeOnly: z.boolean({ error: 'must be true or false' }).optional(),
});

/**
 * Where details came from: a web page, or "seed:<file>" for a council leaflet kept in the project's sources
 * (sources/seeds) that has no web address. Only web pages can back verified details.
 */
const sourceReference = z.union([httpsUrl, z.string().regex(/^seed:[\w.-]+\.txt$/)], {
  error: 'must be the web address (https://...) the details were checked against, or seed:<file>.txt for a project source leaflet',
});

const verified = z.boolean({ error: 'must be true or false. Use true only when someone checked the details against the source on the checked date' });

/** Checks that hold whether or not details are verified, shared by SENDIASS and children's social care records. */
function checkVerification(record: { verified: boolean; sourceUrl: string; phone?: string; email?: string; website?: string; note?: string }, ctx: z.RefinementCtx): void {
  if (record.verified) {
    if (!record.phone && !record.email && !record.website) {
      ctx.addIssue({ code: 'custom', path: ['verified'], message: 'is true but there is no phone, email or website. Add the contact details that were checked, or set verified: false' });
    }
    if (record.sourceUrl.startsWith('seed:')) {
      ctx.addIssue({ code: 'custom', path: ['sourceUrl'], message: 'is a project leaflet, not a web page, so it cannot back verified details. Check the details on the service\'s web page and give that address' });
    }
  }
}

export function createSendiassSchema(today = todayIso()) {
  return z
    .strictObject({
      name: nonEmptyText('the service\'s name as it gives it'),
      phone: ukPhone.optional(),
      email: emailAddress.optional(),
      website: httpsUrl.optional(),
      hours: openingHours.optional(),
      sourceUrl: sourceReference,
      sourceDate: isoDate(today).optional(),
      checked: isoDate(today),
      verified,
      note: nonEmptyText('why the details are not verified').optional(),
    })
    .superRefine((record, ctx) => {
      checkVerification(record, ctx);
      if (!record.verified && !record.note) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'is missing while verified is false. Say why the details are not verified, for example "source dated 2014: needs a fresh check"' });
      }
    });
}

export function createChildrensSocialCareSchema(today = todayIso()) {
  return z
    .strictObject({
      phone: ukPhone.optional(),
      website: httpsUrl.optional(),
      sourceUrl: sourceReference,
      checked: isoDate(today),
      verified,
    })
    .superRefine(checkVerification);
}

export const COUNCIL_FIELDS = ['code', 'name', 'officialName', 'altNames', 'govUkSlug', 'sendiass', 'childrensSocialCare'] as const;

export function createCouncilSchema(today = todayIso()) {
  return z.strictObject({
    code: z.string().regex(/^E(06|08|09|10)\d{6}$/, { error: 'must be the ONS code of an English education authority, for example E10000003' }),
    name: nonEmptyText('the everyday name, for example "Cambridgeshire"'),
    officialName: nonEmptyText('the full name, for example "Cambridgeshire County Council"'),
    altNames: z.array(nonEmptyText('another name people use'), { error: 'must be a list of names' }).default([]),
    govUkSlug: z.string().regex(/^[a-z0-9.-]+$/, { error: 'must be the council\'s GOV.UK slug in lower case, for example cambridgeshire' }).optional(),
    sendiass: createSendiassSchema(today).optional(),
    childrensSocialCare: createChildrensSocialCareSchema(today).optional(),
  });
}

export const NATIONAL_SERVICE_FIELDS = ['id', 'name', 'whatItDoes', 'phone', 'website', 'hours', 'sourceUrl', 'checked', 'verified', 'note'] as const;

export function createNationalServicesSchema(today = todayIso()) {
  const service = z
    .strictObject({
      id: kebabId,
      name: nonEmptyText('the organisation\'s name'),
      whatItDoes: nonEmptyText('one plain sentence saying how it helps families'),
      phone: ukPhone.optional(),
      website: httpsUrl,
      hours: openingHours.optional(),
      sourceUrl: httpsUrl,
      checked: isoDate(today),
      verified,
      note: nonEmptyText('why the details are not verified').optional(),
    })
    .superRefine((record, ctx) => {
      if (!record.verified && !record.note) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'is missing while verified is false. Say which details were not checked against a dated source' });
      }
    });
  return z.array(service, { error: 'must be a list of services, each starting "- id:"' });
}
