// The only local SENDIASS details the project has a source for; the council generator adds them to new council files.
// Every other council gets none, so the bot gives the national finder instead of guessing.
import type { SendiassDetails } from './types.js';

const CHECKED = '2026-11-23';

/** Keyed by ONS code. Nothing here is verified: each needs a fresh check against the service's own page. */
export const SENDIASS_SEEDS: Record<string, SendiassDetails> = {
  // Cambridgeshire County Council leaflet "SEN support in mainstream schools", last updated 30/10/2014
  // (sources/seeds/002_77505fb071f3be1c.txt). The phone line is the service's Confidential Advice Line Link (CALL).
  E10000003: {
    name: 'Cambridgeshire SEND Information, Advice and Support Service (Confidential Advice Line Link, CALL)',
    phone: '01223 699214',
    email: 'pps@cambridgeshire.gov.uk',
    website: 'https://www.cambridgeshire.gov.uk/pps',
    hours: {
      text: '10am to 12 noon and 2pm to 4pm, Monday to Friday, term time only',
      slots: [
        { days: [1, 2, 3, 4, 5], opens: '10:00', closes: '12:00' },
        { days: [1, 2, 3, 4, 5], opens: '14:00', closes: '16:00' },
      ],
      termTimeOnly: true,
    },
    sourceUrl: 'seed:002_77505fb071f3be1c.txt',
    sourceDate: '2014-10-30',
    checked: CHECKED,
    verified: false,
    note: 'source dated 2014: needs a fresh check. Details are from the council leaflet "SEN support in mainstream schools", last updated 30/10/2014',
  },
  // Warwickshire Local Offer page on SEN support (sources/seeds/004_9ef699ecad677eef.txt): names the service and says it
  // has an email and call-back service, but gives no number, email or web address.
  E10000031: {
    name: 'Warwickshire SEND Information Advice and Support (SENDIAS)',
    sourceUrl: 'seed:004_9ef699ecad677eef.txt',
    checked: CHECKED,
    verified: false,
    note: 'source gives the name only (it mentions an email and call-back service but no contact details): find and check them',
  },
  // facts.md 42 cites the York service's own site on impartiality.
  E06000014: {
    name: 'York SENDIASS',
    website: 'https://yorksendiass.org.uk',
    sourceUrl: 'https://yorksendiass.org.uk/SENDIASSOurImpartiality',
    checked: CHECKED,
    verified: false,
    note: 'website taken from a page cited in the fact sheet; the name, phone, email and hours have not been checked',
  },
};
