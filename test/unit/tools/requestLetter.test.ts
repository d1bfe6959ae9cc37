import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { isGsm7Safe } from '../../../src/tools/gsm7.js';
import type { RequestLetterInput } from '../../../src/tools/requestLetter.js';
import { LETTER_LIMITS, SHORT_TEXT_MAX, buildRequestLetter } from '../../../src/tools/requestLetter.js';

const full: RequestLetterInput = {
  parentName: 'Alex Taylor',
  childName: 'Sam Taylor',
  childDateOfBirth: '2017-05-04',
  setting: 'Oak Tree Primary School',
  needs: 'Sam finds reading and writing very hard.\nHe cannot follow spoken instructions.\n\nThe speech therapist report says his language is well below his age.',
  supportTried: 'Small group reading three times a week since September.',
  whyPlanNeeded: 'He is falling further behind and is anxious every morning.',
  councilName: 'Cambridgeshire County Council',
  today: '2026-11-23',
};

const render = (markdown: string) => marked.parse(markdown, { async: false });

describe('the letter contains every element of the model request letter', () => {
  const letter = buildRequestLetter(full);
  const text = letter.plainText;

  it.each([
    ['addressed to the SEN team', /To: the special educational needs \(SEN\) team\nCambridgeshire County Council/],
    ['a heading labelled as an EHC needs assessment request', /Request for an education, health and care \(EHC\) needs assessment/],
    ['the child’s name and date of birth', /Child's name: Sam Taylor\nDate of birth: 4 May 2017/],
    ['who is writing', /I am Sam Taylor's parent\./],
    ['made under section 36(1)', /under section 36\(1\) of the Children and Families Act 2014/],
    ['the setting', /Sam Taylor goes to Oak Tree Primary School\./],
    ['the two-part test in s36(8)', /Section 36\(8\).*two-part test.*has or may have special educational needs.*may need special educational provision to be made through an EHC plan/s],
    ['Part 1: needs', /Part 1: Sam Taylor's special educational needs\n\nSam finds reading and writing very hard\.\nHe cannot follow/],
    ['Part 2: why a plan may be necessary', /Part 2: Why Sam Taylor may need an EHC plan[\s\S]*Small group reading[\s\S]*what may happen without an EHC plan:\nHe is falling further behind/],
    ['s36(8) as the only lawful test', /Section 36\(8\) is the only test the law allows\..*would be unlawful/s],
    ['the 6-week reply duty under reg 5(1)', /within 6 weeks of receiving this request.*Regulation 5\(1\) of the Special Educational Needs and Disability Regulations 2014/s],
    ['the right of appeal', /right to appeal to the First-tier Tribunal/],
    ['a sign-off', /Yours sincerely,\n\nAlex Taylor/],
    ['a reminder to keep a copy', /Keep a copy of the letter\./],
    ['a reminder to keep proof of the date it was received', /proof of the date the council received it/],
    ['the date it was written', /\n23 November 2026\n/],
  ])('has %s', (_what, pattern) => {
    expect(text).toMatch(pattern);
  });

  it('keeps notes for the parent below a clear divider', () => {
    const [body, notes] = text.split('----------\nNotes for you (do not send this part)\n');
    expect(body).toMatch(/Yours sincerely/);
    expect(notes).toMatch(/Keep a copy/);
    expect(body).not.toMatch(/Keep a copy of the letter/);
  });

  it('leaves only the address and contact placeholders when every answer is given', () => {
    expect(letter.placeholders).toEqual([
      '[Your address]',
      '[Your phone number or email address]',
      '[If you are sending any reports with this letter, list them here. If not, delete this line.]',
    ]);
  });

  it('gives a file name with the child and the date, safe for any file system', () => {
    expect(letter.fileName).toBe('ehc-needs-assessment-request-sam-taylor-2026-11-23.txt');
    expect(letter.mimeType).toBe('text/plain');
  });

  it('keeps every sentence of its own wording under 25 words', () => {
    const ours = buildRequestLetter({ childName: 'Sam', needs: '', supportTried: '', whyPlanNeeded: '', today: '2026-11-23' }).plainText;
    const sentences = ours.replace(/\[[^\]]*\]/g, 'gap').split(/(?<=[.!?:])\s+|\n+/).filter((s) => s.trim() !== '');
    for (const sentence of sentences) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(25);
  });
});

describe('skipped answers become clear placeholders', () => {
  const letter = buildRequestLetter({ childName: 'Sam', needs: '', supportTried: '  ', whyPlanNeeded: '', today: '2026-11-23' });

  it.each([
    '[Your name]',
    "[add your child's date of birth]",
    "[add the name of your child's school, nursery or college]",
    "[add your council's name]",
    "[describe your child's needs and what you have noticed]",
    '[describe the help your child has had at school, nursery or college]',
    '[explain why this help is not enough and what may happen without a plan]',
  ])('shows %s', (hole) => {
    expect(letter.plainText).toContain(hole);
    expect(letter.placeholders).toContain(hole);
  });

  it('bolds placeholders in markdown and shows the brackets', () => {
    expect(render(letter.markdown)).toContain("<strong>[add your child&#39;s date of birth]</strong>");
  });

  it('writes "my child" when there is no name', () => {
    const nameless = buildRequestLetter({ childName: ' ', needs: 'x', supportTried: 'y', whyPlanNeeded: 'z', today: '2026-11-23' });
    expect(nameless.plainText).toMatch(/I am my child's parent\..*assessment for my child\./s);
    expect(nameless.plainText).toContain("Child's name: [add your child's name]");
    expect(nameless.fileName).toBe('ehc-needs-assessment-request-2026-11-23.txt');
  });

  it('says when the child is out of education, and names the last setting if given', () => {
    const out = buildRequestLetter({ ...full, outOfEducation: true });
    expect(out.plainText).toContain('Sam Taylor is not in a school, nursery or college at the moment. Sam Taylor\'s last school, nursery or college was Oak Tree Primary School.');
    const outNoSetting = buildRequestLetter({ ...full, outOfEducation: true, setting: undefined });
    expect(outNoSetting.plainText).toContain('Sam Taylor is not in a school, nursery or college at the moment.\n');
  });

  it('leaves a date of birth after today blank and says why', () => {
    const future = buildRequestLetter({ ...full, childDateOfBirth: '2027-01-01' });
    expect(future.plainText).toContain("Date of birth: [add your child's date of birth]");
    expect(future.notes.join(' ')).toMatch(/after today/);
  });

  it('keeps a date of birth typed in another form as typed', () => {
    expect(buildRequestLetter({ ...full, childDateOfBirth: '4th May 2017' }).plainText).toContain('Date of birth: 4th May 2017');
  });
});

describe('hostile input', () => {
  const hostile = buildRequestLetter({
    ...full,
    parentName: '<img src=x onerror=alert(1)>',
    childName: '**x** [a](javascript:alert(1))',
    setting: '<script>alert(1)</script>',
    needs: '# Big heading\n- list\n    code block\n> quote\n<iframe src="http://evil.example"></iframe>',
    councilName: 'Council](http://evil.example)',
  });
  const html = render(hostile.markdown);

  it('renders no tag, link, image or script from typed text: only our own attribute-free tags', () => {
    const tags = html.match(/<[^>]*>/g) ?? [];
    for (const tag of tags) expect(tag).toMatch(/^<\/?(p|br|strong|ul|li|hr)>$/);
    expect(html).not.toMatch(/<(script|img|iframe|a)\b/i);
  });

  it('still shows what was typed, as text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('**x** [a](javascript:alert(1))');
    expect(html).toContain('# Big heading');
  });

  it('keeps the plain text exactly as typed (it is never rendered)', () => {
    expect(hostile.plainText).toContain('goes to <script>alert(1)</script>.');
  });

  it('strips control characters everywhere', () => {
    const letter = buildRequestLetter({ ...full, childName: 'Sam\u0000\u001b[31m\u007f', needs: 'a\u0008b\u200Fc' });
    expect(letter.plainText).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    expect(letter.plainText).toContain("Child's name: Sam[31m");
  });

  it('keeps emoji and right-to-left text in the letter', () => {
    const letter = buildRequestLetter({ ...full, childName: 'محمد علي', needs: 'He loves 🦖 dinosaurs' });
    expect(letter.plainText).toContain("Child's name: محمد علي");
    expect(letter.plainText).toContain('He loves 🦖 dinosaurs');
    expect(render(letter.markdown)).toContain('محمد علي');
  });

  it('caps 10,000 characters and says so', () => {
    const long = 'My child struggles. '.repeat(500);
    const letter = buildRequestLetter({ ...full, needs: long, childName: 'S'.repeat(500) });
    expect(long.length).toBe(10_000);
    expect(letter.plainText.length).toBeLessThan(9_000);
    expect(letter.notes).toContain("We shortened what you wrote about your child's needs to 3,000 characters. You can add more before you send the letter.");
    expect(letter.notes.join(' ')).toMatch(/your child's name to 100 characters/);
    expect(letter.plainText).toContain("We shortened what you wrote about your child's needs");
    expect(LETTER_LIMITS.longAnswer).toBe(3000);
  });
});

describe('short text for SMS', () => {
  it('is a GSM-7 summary of at most 600 characters with where to get the full letter', () => {
    const letter = buildRequestLetter(full);
    expect(letter.shortText.length).toBeLessThanOrEqual(SHORT_TEXT_MAX);
    expect(isGsm7Safe(letter.shortText)).toBe(true);
    expect(letter.shortText).toMatch(/Cambridgeshire County Council.*Sam Taylor.*section 36\(1\).*6 weeks.*keep a copy/s);
    expect(letter.shortText).toMatch(/Reply LETTER/);
  });

  it('uses the dialog’s own hint when given', () => {
    expect(buildRequestLetter({ ...full, fullLetterHint: 'Open the chat to see it.' }).shortText).toMatch(/Open the chat to see it\.$/);
  });

  it('falls back to "your child" when the name cannot be sent in GSM-7, and stays short with huge input', () => {
    const letter = buildRequestLetter({ ...full, childName: 'محمد 😀', councilName: 'C'.repeat(120), fullLetterHint: 'x '.repeat(300) });
    expect(letter.shortText).toMatch(/for your child is ready/);
    expect(letter.shortText.length).toBeLessThanOrEqual(SHORT_TEXT_MAX);
    expect(isGsm7Safe(letter.shortText)).toBe(true);
  });

  it('transliterates accents in names', () => {
    expect(buildRequestLetter({ ...full, childName: 'Łucja Nowak' }).shortText).toContain('for Lucja Nowak is ready');
  });
});
