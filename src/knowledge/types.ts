// The shapes of the knowledge base every other part reads: topics, glossary, services directory, flows.
export type Audience = 'parent' | 'staff';

export interface SourceRef {
  /** What a reader sees, e.g. "SEND Code of Practice 6.65" or "Children and Families Act 2014 s36(8)". */
  label: string;
  url: string;
}

export interface StaffVariant {
  summary: string;
  /** Markdown for school staff: duties, records, evidence, wording to share with parents. */
  body: string;
}

export interface Topic {
  id: string;
  title: string;
  /** One or two sentences, at most 300 characters; usable alone on SMS. */
  summary: string;
  audiences: Audience[];
  sources: SourceRef[];
  /** Ways a parent might ask; training data for the intent classifier. */
  examples: string[];
  related: string[];
  /** ISO date, yyyy-mm-dd. */
  lastReviewed: string;
  /** Markdown answer for parents, answer first. */
  body: string;
  staff?: StaffVariant;
  /** Path of the file this topic came from, for error messages. */
  file: string;
}

export interface GlossaryEntry {
  term: string;
  standsFor?: string;
  meaning: string;
  topic?: string;
}

export interface OpeningHours {
  /** e.g. "Monday to Friday, 10am to 12 noon and 2pm to 4pm, term time only" as the source says it. */
  text: string;
  /** Machine-readable weekly slots in UK local time; day 1 = Monday ... 7 = Sunday. */
  slots?: Array<{ days: number[]; opens: string; closes: string }>;
  termTimeOnly?: boolean;
}

export interface SendiassDetails {
  name: string;
  phone?: string;
  email?: string;
  website?: string;
  hours?: OpeningHours;
  sourceUrl: string;
  /** The date the source itself carries (e.g. "Last updated 30/10/2014"), ISO. */
  sourceDate?: string;
  /** When someone last checked these details, ISO. */
  checked: string;
  verified: boolean;
  /** Why the details are not verified, e.g. "source dated 2014: needs a fresh check". */
  note?: string;
}

export interface CouncilRecord {
  /** ONS (GSS) code, e.g. E10000003. */
  code: string;
  name: string;
  officialName: string;
  altNames: string[];
  govUkSlug?: string;
  sendiass?: SendiassDetails;
  childrensSocialCare?: { phone?: string; website?: string; sourceUrl: string; checked: string; verified: boolean };
}

export interface NationalService {
  id: string;
  name: string;
  whatItDoes: string;
  phone?: string;
  website: string;
  hours?: OpeningHours;
  sourceUrl: string;
  checked: string;
  verified: boolean;
  /** Why the details are not verified, e.g. "phone number not checked against a dated source". */
  note?: string;
}

export interface KnowledgeBase {
  topics: Map<string, Topic>;
  glossary: GlossaryEntry[];
  councils: CouncilRecord[];
  nationalServices: NationalService[];
  /** Training examples for control intents (greeting, thanks, ...) and the out-of-scope class "none". */
  intentExamples: Map<string, string[]>;
  /** Guided flows by id; the shape is owned by the flow dialog (src/knowledge/flowTypes.ts). */
  flows: Map<string, unknown>;
}
