// Direct Line's own error codes in the shared `{ error: { code, message } }` body that DirectLineJS and the connector read.
import type { Response } from 'restify';

/** Direct Line v3's codes (TokenExpired, NotAllowed, BotError…), which the server-wide ErrorCode list does not carry. */
export type DirectLineErrorCode = 'BadArgument' | 'TokenExpired' | 'NotAllowed' | 'NotFound' | 'BotError' | 'Unauthorized';

export function sendDirectLineError(res: Response, status: number, code: DirectLineErrorCode, message: string): void {
  if (res.headersSent) return;
  res.json(status, { error: { code, message } });
}
