// Tokens from the local Direct Line service (development): a new conversation in this process, no secret involved.
import { randomBytes } from 'node:crypto';
import { hashId, type Logger } from '../logging/logger.js';
import type { ConversationStore } from './directline/ConversationStore.js';
import type { DirectLineTokens } from './directline/DirectLineTokens.js';
import { DIRECT_LINE_BASE } from './directline/directLineRoutes.js';
import type { DirectLineTokenSource, IssuedDirectLineToken, TokenRequestContext } from './directLineTokenSource.js';

export interface LocalDirectLineTokenOptions {
  store: ConversationStore;
  tokens: DirectLineTokens;
  logger: Logger;
}

export class LocalDirectLineTokens implements DirectLineTokenSource {
  readonly kind = 'local';

  constructor(private readonly options: LocalDirectLineTokenOptions) {}

  async issue(context: TokenRequestContext): Promise<IssuedDirectLineToken> {
    // The same shape of conversation the service's own tokens/generate makes: the user id is issued, never chosen.
    const conversation = this.options.store.create({ id: `dl_${randomBytes(12).toString('base64url')}`, role: 'user' });
    this.options.logger.info('directline.conversation_created', { conversation: hashId(conversation.id) });
    const issued = this.options.tokens.issue(conversation.id, conversation.user.id);
    return { token: issued.token, conversationId: conversation.id, expires_in: issued.expiresIn, domain: `${context.baseUrl}${DIRECT_LINE_BASE}` };
  }
}
