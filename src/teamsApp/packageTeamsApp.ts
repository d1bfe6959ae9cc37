// `npm run teams:package`: writes the Teams app package (manifest and both icons, zipped) for this deployment.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/loadConfig.js';
import { buildTeamsManifest, TeamsPackageError, type TeamsManifestConfig } from './buildTeamsManifest.js';
import { colourIcon, outlineIcon } from './teamsIcons.js';
import { createZip } from './zipArchive.js';

export function buildTeamsPackage(config: TeamsManifestConfig, version: string): Buffer {
  const manifest = buildTeamsManifest(config, version);
  return createZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: colourIcon(config.BRAND_COLOUR) },
    { name: 'outline.png', data: outlineIcon() },
  ]);
}

function main(): void {
  const outFile = path.resolve(process.argv[2] ?? 'dist/teams-app.zip');
  try {
    const config = loadConfig();
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const zip = buildTeamsPackage(config, version);
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, zip);
    process.stdout.write(`Teams app package written to ${outFile} (${zip.length} bytes). Upload it in Teams: Apps > Manage your apps > Upload an app.\n`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof TeamsPackageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
