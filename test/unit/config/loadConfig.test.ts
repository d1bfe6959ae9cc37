import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/loadConfig.js';
import { problemsOf } from '../../support/configProblems.js';


describe('parseConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.STORAGE).toBe('sqlite');
    expect(config.RETENTION_DAYS).toBe(30);
    expect(config.authEnabled).toBe(false);
    expect(config.localDirectLine).toBe(true);
    expect(config.TEAMS_TENANT_IDS).toEqual([]);
  });

  it('names each wrong variable, what it got and what it expects', () => {
    const problems = problemsOf({ PORT: 'eighty', STORAGE: 'postgres', BRAND_COLOUR: 'blue' });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toMatch(/got "eighty".*whole number/);
    expect(problems.find((p) => p.startsWith('STORAGE:'))).toMatch(/got "postgres".*memory, sqlite or blob/);
    expect(problems.find((p) => p.startsWith('BRAND_COLOUR:'))).toMatch(/got "blue".*hex colour/);
  });

  it('never prints secret values in its messages', () => {
    const problems = problemsOf({ MicrosoftAppPassword: 'sup3r-secret' });
    expect(problems.join('\n')).not.toContain('sup3r-secret');
    expect(problems[0]).toMatch(/^MicrosoftAppId: .*set together/);
  });

  it('switches authentication on when credentials are set, and local Direct Line off by default', () => {
    const config = parseConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' });
    expect(config.authEnabled).toBe(true);
    expect(config.localDirectLine).toBe(false);
  });

  it('refuses production without credentials unless anonymous access is explicitly allowed', () => {
    expect(problemsOf({ NODE_ENV: 'production' })[0]).toMatch(/^MicrosoftAppId: .*ALLOW_ANONYMOUS/);
    const config = parseConfig({ NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true' });
    expect(config.localDirectLine).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', LOCAL_DIRECTLINE: 'true' }).localDirectLine).toBe(true);
  });

  it('needs a connection string for blob storage and a tenant for single-tenant apps', () => {
    expect(problemsOf({ STORAGE: 'blob' })[0]).toMatch(/^BLOB_CONNECTION_STRING:/);
    expect(problemsOf({ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'a', MicrosoftAppPassword: 'b' })[0]).toMatch(/^MicrosoftAppTenantId:/);
  });

  it('checks the council code is an English ONS code and splits tenant ids', () => {
    expect(problemsOf({ COUNCIL_CODE: 'S12000033' })[0]).toMatch(/^COUNCIL_CODE: got "S12000033"/);
    expect(parseConfig({ COUNCIL_CODE: 'E10000003' }).COUNCIL_CODE).toBe('E10000003');
    expect(parseConfig({ TEAMS_TENANT_IDS: ' a , b,' }).TEAMS_TENANT_IDS).toEqual(['a', 'b']);
  });
});
