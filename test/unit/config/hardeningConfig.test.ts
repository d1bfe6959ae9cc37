import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/loadConfig.js';
import { problemsOf } from '../../support/configProblems.js';


describe('hardening settings', () => {
  it('limits by default, and never trusts X-Forwarded-For or allows framing unless told to', () => {
    const config = parseConfig({});
    expect(config.RATE_LIMIT_PER_IP_PER_MINUTE).toBe(120);
    expect(config.RATE_LIMIT_PER_CONVERSATION_PER_MINUTE).toBe(30);
    expect(config.TRUST_PROXY).toBe(false);
    expect(config.FRAME_ANCESTORS).toEqual([]);
  });

  it('takes 0 to mean "no limit" and refuses anything that is not a whole number, naming the variable', () => {
    expect(parseConfig({ RATE_LIMIT_PER_IP_PER_MINUTE: '0' }).RATE_LIMIT_PER_IP_PER_MINUTE).toBe(0);
    expect(problemsOf({ RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '-1' })[0]).toMatch(/^RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: got "-1", expected 0 \(off\) or more/);
    expect(problemsOf({ RATE_LIMIT_PER_IP_PER_MINUTE: 'lots' })[0]).toMatch(/^RATE_LIMIT_PER_IP_PER_MINUTE: got "lots"/);
    expect(problemsOf({ TRUST_PROXY: 'maybe' })[0]).toMatch(/^TRUST_PROXY: .*true or false/);
  });

  it('reads FRAME_ANCESTORS as https origins, and refuses anything a policy could be broken out of', () => {
    expect(parseConfig({ FRAME_ANCESTORS: "https://www.council.example.gov.uk, https://*.council.example.gov.uk 'self'" }).FRAME_ANCESTORS).toEqual([
      'https://www.council.example.gov.uk',
      'https://*.council.example.gov.uk',
      "'self'",
    ]);
    for (const bad of ['http://www.council.example.gov.uk', '*', "https://a.example; script-src 'unsafe-inline'", 'https://a.example/path']) {
      expect(problemsOf({ FRAME_ANCESTORS: bad })[0], bad).toMatch(/^FRAME_ANCESTORS: .*https origins/);
    }
  });
});
