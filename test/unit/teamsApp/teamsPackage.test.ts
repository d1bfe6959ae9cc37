import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/loadConfig.js';
import { TEAMS_MANIFEST_VERSION } from '../../../src/teamsApp/buildTeamsManifest.js';
import { buildTeamsPackage } from '../../../src/teamsApp/packageTeamsApp.js';
import { readZip } from '../../support/readZip.js';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function pngSize(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] ?? -1 };
}

/** Decodes the pixels of one of our own PNGs (single IDAT, filter 0) to check transparency and colour. */
function pixels(png: Buffer): Buffer {
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const { width } = pngSize(png);
  const rows: Buffer[] = [];
  for (let offset = 0; offset < raw.length; offset += width * 4 + 1) rows.push(raw.subarray(offset + 1, offset + 1 + width * 4));
  return Buffer.concat(rows);
}

describe('Teams app package', () => {
  const config = parseConfig({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'secret',
    PUBLIC_URL: 'https://sen-guide.example.gov.uk',
    SERVICE_NAME: 'Anyshire SEN Guide',
    BRAND_COLOUR: '#005ea5',
  });

  it('zips a manifest at the current schema naming this bot, and both icons at the sizes Teams requires', () => {
    const entries = readZip(buildTeamsPackage(config, '1.2.3'));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}');
    expect(manifest.manifestVersion).toBe(TEAMS_MANIFEST_VERSION);
    expect(manifest.$schema).toContain(`v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.accentColor).toBe('#005ea5');
    expect(manifest.validDomains).toEqual(['sen-guide.example.gov.uk']);
    expect(pngSize(entries.get('color.png') as Buffer)).toMatchObject({ width: 192, height: 192, colourType: 6 });
    expect(pngSize(entries.get('outline.png') as Buffer)).toMatchObject({ width: 32, height: 32, colourType: 6 });
  });

  it('draws the outline icon white on transparent, and the colour icon on the brand colour', () => {
    const entries = readZip(buildTeamsPackage(config, '1.0.0'));
    const outline = pixels(entries.get('outline.png') as Buffer);
    for (let i = 0; i < outline.length; i += 4) {
      const alpha = outline[i + 3];
      if (alpha === 0) continue;
      expect([outline[i], outline[i + 1], outline[i + 2], alpha]).toEqual([255, 255, 255, 255]);
    }
    const colour = pixels(entries.get('color.png') as Buffer);
    expect([...colour.subarray(0, 4)]).toEqual([0x00, 0x5e, 0xa5, 255]);
  });

  it('names each missing setting instead of building a package Teams would reject', () => {
    const bare = parseConfig({});
    expect(() => buildTeamsPackage(bare, '1.0.0')).toThrow(/MicrosoftAppId: not set[\s\S]*PUBLIC_URL: not set/);
    const badId = parseConfig({ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: 'x', PUBLIC_URL: 'https://a.example' });
    expect(() => buildTeamsPackage(badId, '1.0.0')).toThrow(/MicrosoftAppId: got "not-a-guid", expected a GUID/);
  });
});
