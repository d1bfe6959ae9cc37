// The one schema every setting passes through at startup (DESIGN.md, contract 9).
import { z } from 'zod';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** An https origin, a wildcard subdomain of one, or a local development address; never a path. */
const WIDGET_ORIGIN = /^(?:https:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?|http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?)$/;

export const configSchema = z
  .object({
    PORT: z.coerce
      .number({ message: 'expected a whole number from 1 to 65535' })
      .int('expected a whole number from 1 to 65535')
      .min(1, 'expected a whole number from 1 to 65535')
      .max(65535, 'expected a whole number from 1 to 65535')
      .default(3978),
    NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'expected development, test or production' }).default('development'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'expected debug, info, warn, error or silent' }).default('info'),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { message: 'expected MultiTenant, SingleTenant or UserAssignedMSI' }).default('MultiTenant'),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppTenantId: optionalText,
    LOCAL_DIRECTLINE: booleanText.optional(),
    ALLOW_ANONYMOUS: booleanText.default(false),
    COUNCIL_CODE: optionalText.pipe(
      z.string().regex(/^E\d{8}$/, 'expected an ONS code for an English council, like E10000003').optional(),
    ),
    SERVICE_NAME: z.string().trim().min(1, 'expected a name to show people').max(80, 'expected at most 80 characters').default('SEN Support Guide'),
    BRAND_COLOUR: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'expected a hex colour like #1d70b8')
      .default('#1d70b8'),
    PRIVACY_URL: z.string().url('expected a full web address starting https://').default('https://www.gov.uk/help/privacy-notice'),
    STORAGE: z.enum(['memory', 'sqlite', 'blob'], { message: 'expected memory, sqlite or blob' }).default('sqlite'),
    DATA_DIR: z.string().min(1, 'expected a folder path').default('./data'),
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'expected 3-63 lower-case letters, digits or dashes').default('sen-support-state'),
    RETENTION_DAYS: z.coerce.number({ message: 'expected a whole number of days' }).int('expected a whole number of days').min(1, 'expected at least 1 day').max(3650, 'expected at most 3650 days').default(30),
    TEAMS_TENANT_IDS: optionalText.transform((value) =>
      value === undefined ? [] : value.split(',').map((id) => id.trim()).filter((id) => id.length > 0),
    ),
    DIRECTLINE_SECRET: optionalText,
    /** The https address this bot is published at (Teams package, widget snippet). */
    PUBLIC_URL: optionalText.pipe(z.string().url('expected a full https address like https://sen-guide.example.gov.uk').optional()),
    CONTENT_DIR: z.string().min(1, 'expected a folder path').default('./content'),
    /** Who Teams users are taken to be: school staff by default, so they get the staff variant of a topic. */
    TEAMS_AUDIENCE: z.enum(['staff', 'parent'], { message: 'expected staff or parent' }).default('staff'),
    /** Messages longer than this get a kind "please send a shorter message". */
    MAX_MESSAGE_LENGTH: z.coerce.number({ message: 'expected a whole number of characters' }).int().min(100, 'expected at least 100').max(20000, 'expected at most 20000').default(2000),
    /** Requests (POSTs) one client address may make per minute to the chat services; 0 switches the limit off. */
    RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number({ message: 'expected a whole number of requests' }).int('expected a whole number of requests').min(0, 'expected 0 (off) or more').max(100000, 'expected at most 100000').default(120),
    /** Messages one conversation may send per minute before the bot asks them to slow down; 0 switches the limit off. */
    RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: z.coerce.number({ message: 'expected a whole number of messages' }).int('expected a whole number of messages').min(0, 'expected 0 (off) or more').max(100000, 'expected at most 100000').default(30),
    /** Behind one reverse proxy, the client's address is the X-Forwarded-For entry that proxy added; never trust it otherwise. */
    TRUST_PROXY: booleanText.default(false),
    /** Origins allowed to show the chat page in a frame (council websites); empty means no site may. */
    FRAME_ANCESTORS: optionalText.transform((value) =>
      value === undefined ? [] : value.split(/[\s,]+/).map((origin) => origin.trim()).filter((origin) => origin.length > 0),
    ).pipe(z.array(z.string().regex(/^(?:'self'|https:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?|http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?)$/i, "expected https origins like https://www.example.gov.uk (or 'self'), separated by spaces or commas"))),
    /** Council websites that may show the chat widget (its /embed frame): https origins, comma-separated. */
    WIDGET_ALLOWED_ORIGINS: optionalText
      .transform((value) =>
        value === undefined ? [] : value.split(/[\s,]+/).map((origin) => origin.trim().replace(/\/$/, '').toLowerCase()).filter((origin) => origin.length > 0),
      )
      .pipe(z.array(z.string().regex(WIDGET_ORIGIN, 'expected https origins (no path) like https://localoffer.example.gov.uk or https://*.example.gov.uk, separated by commas'))),
    /** Where "Leave this page quickly" (and Shift pressed three times) takes someone: a neutral site. */
    QUICK_EXIT_URL: z.string().url('expected a full web address starting https://').refine((value) => /^https?:\/\//i.test(value), 'expected a web address starting https://').default('https://www.bbc.co.uk/weather'),
    /** Azure Bot Service's Direct Line endpoint the widget talks to in production; a regional one keeps data in that region. */
    DIRECTLINE_DOMAIN: z
      .string()
      .url('expected a full https address like https://europe.directline.botframework.com/v3/directline')
      .refine((value) => value.startsWith('https://'), 'expected an https address')
      .transform((value) => value.replace(/\/+$/, ''))
      .default('https://directline.botframework.com/v3/directline'),
    /** Web Chat tokens one client address may ask for per minute (POST /api/directline/token); 0 switches the limit off. */
    RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE: z.coerce.number({ message: 'expected a whole number of tokens' }).int('expected a whole number of tokens').min(0, 'expected 0 (off) or more').max(100000, 'expected at most 100000').default(20),
  })
  .superRefine((config, ctx) => {
    const credentials = [config.MicrosoftAppId, config.MicrosoftAppPassword].filter((value) => value !== undefined);
    if (credentials.length === 1) {
      ctx.addIssue({
        code: 'custom',
        path: [config.MicrosoftAppId === undefined ? 'MicrosoftAppId' : 'MicrosoftAppPassword'],
        message: 'expected MicrosoftAppId and MicrosoftAppPassword to be set together',
      });
    }
    if (config.MicrosoftAppType === 'SingleTenant' && config.MicrosoftAppId && !config.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'expected a tenant id when MicrosoftAppType is SingleTenant' });
    }
    if (config.STORAGE === 'blob' && !config.BLOB_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['BLOB_CONNECTION_STRING'], message: 'expected an Azure Storage connection string when STORAGE is blob' });
    }
    if (config.NODE_ENV === 'production' && !config.MicrosoftAppId && !config.ALLOW_ANONYMOUS) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'expected app credentials in production (or ALLOW_ANONYMOUS=true to run without Bot Framework authentication)',
      });
    }
  });

export type RawConfig = z.output<typeof configSchema>;
