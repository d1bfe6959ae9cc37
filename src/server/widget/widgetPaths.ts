// The addresses the embeddable widget is served at, shared by its routes and the security headers that treat them apart.

/** The chat page in compact form, the only page other sites may show in a frame (WIDGET_ALLOWED_ORIGINS). */
export const EMBED_PATH = '/embed';
/** The script a council pastes into its pages. Unversioned on purpose: councils paste it once and get every fix. */
export const WIDGET_SCRIPT_PATH = '/widget.js';
export const WIDGET_STYLE_PATH = '/widget.css';
/** Loaded by other sites' pages, so they must be allowed across origins (Cross-Origin-Resource-Policy). */
export const WIDGET_ASSET_PATHS = [WIDGET_SCRIPT_PATH, WIDGET_STYLE_PATH] as const;
/** The query the widget adds to EMBED_PATH: the panel around the frame has its own close and quick exit buttons. */
export const IN_WIDGET_QUERY = 'widget=1';
