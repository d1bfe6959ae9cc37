// GET /widget.js and /widget.css: the chat button and panel a council adds to its Local Offer pages with one script tag.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { chatPageTheme, type ChatPageTheme } from '../chatPageTheme.js';
import { StaticAssets } from '../staticAssets.js';
import { browserScript, STATIC_DIR } from './browserScript.js';
import { EMBED_PATH, IN_WIDGET_QUERY, WIDGET_SCRIPT_PATH, WIDGET_STYLE_PATH } from './widgetPaths.js';

export interface WidgetOptions {
  serviceName: string;
  brandColour: string;
  /** QUICK_EXIT_URL. */
  quickExitUrl: string;
  /** WIDGET_ALLOWED_ORIGINS: the script shows its button only on these sites, as only they may frame /embed. */
  allowedOrigins: readonly string[];
}

/** Every word the widget shows, in one place. A council may replace the button's label with data-label. */
export const WIDGET_TEXT = {
  button: 'Chat about SEN support',
  close: 'Close',
  closeHidden: ' the chat',
  quickExit: 'Leave this page quickly',
  quickExitHint: 'Or press Shift 3 times',
  frameTitle: (service: string) => `Chat with ${service}`,
};

export function registerWidget(server: Server, options: WidgetOptions): void {
  const theme = chatPageTheme(options.brandColour);
  const style = new StaticAssets().add(WIDGET_STYLE_PATH, 'text/css; charset=utf-8', widgetThemeCss(theme) + readFileSync(path.join(STATIC_DIR, 'widget.css'), 'utf8'));
  const config = {
    stylePath: style.url(WIDGET_STYLE_PATH),
    embedPath: `${EMBED_PATH}?${IN_WIDGET_QUERY}`,
    quickExitUrl: options.quickExitUrl,
    allowedOrigins: options.allowedOrigins,
    text: {
      button: WIDGET_TEXT.button,
      title: options.serviceName,
      close: WIDGET_TEXT.close,
      closeHidden: WIDGET_TEXT.closeHidden,
      quickExit: WIDGET_TEXT.quickExit,
      quickExitHint: WIDGET_TEXT.quickExitHint,
      frameTitle: WIDGET_TEXT.frameTitle(options.serviceName),
    },
  };
  const script = browserScript(['quickExitKeys.js', 'widget.js'], `var WIDGET_CONFIG = ${scriptJson(config)};\n`);
  style.add(WIDGET_SCRIPT_PATH, 'text/javascript; charset=utf-8', script).register(server);
}

/** The theme as custom properties on the widget's shadow host, so they can never clash with the council's own. */
function widgetThemeCss(theme: ChatPageTheme): string {
  return `:host{--sgw-brand:${theme.brand};--sgw-on-brand:${theme.onBrand};--sgw-accent:${theme.accent};}\n`;
}

/** JSON that is also safe inside a script: no "</script>", no line separators that end a JavaScript string. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
