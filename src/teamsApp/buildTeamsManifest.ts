// The Teams app manifest for this deployment, built from config so each council's package names its own bot.
import type { AppConfig } from '../config/loadConfig.js';

export const TEAMS_MANIFEST_VERSION = '1.22';

export type TeamsManifestConfig = Pick<AppConfig, 'MicrosoftAppId' | 'SERVICE_NAME' | 'BRAND_COLOUR' | 'PRIVACY_URL' | 'PUBLIC_URL'>;

export class TeamsPackageError extends Error {}

export function buildTeamsManifest(config: TeamsManifestConfig, version: string): Record<string, unknown> {
  const problems: string[] = [];
  if (!config.MicrosoftAppId) problems.push('MicrosoftAppId: not set. Teams needs the Azure Bot registration\'s app id (a GUID) as the bot id.');
  else if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(config.MicrosoftAppId)) problems.push(`MicrosoftAppId: got ${JSON.stringify(config.MicrosoftAppId)}, expected a GUID like 00000000-0000-0000-0000-000000000000.`);
  if (!config.PUBLIC_URL) problems.push('PUBLIC_URL: not set. Teams needs the https address where this bot is published (for the developer website).');
  if (problems.length > 0) throw new TeamsPackageError(`buildTeamsManifest(): cannot build the Teams package:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSet these in the environment or .env, then run npm run teams:package again.`);

  const website = config.PUBLIC_URL as string;
  const name = config.SERVICE_NAME;
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    version,
    id: config.MicrosoftAppId,
    developer: { name, websiteUrl: website, privacyUrl: config.PRIVACY_URL, termsOfUseUrl: config.PRIVACY_URL },
    name: { short: name.slice(0, 30), full: `${name}: special educational needs support`.slice(0, 100) },
    description: {
      short: 'Plain answers on SEN support, EHC needs assessments and your duties.'.slice(0, 80),
      full: 'An automated guide for school staff and families to special educational needs (SEN) support in England: the graduated approach, review meetings, EHC needs assessment requests and deadlines, and where to get help. It gives sourced information, not legal advice.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: config.BRAND_COLOUR,
    bots: [{ botId: config.MicrosoftAppId, scopes: ['personal', 'team', 'groupChat'], supportsFiles: false, isNotificationOnly: false }],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [new URL(website).host],
  };
}
