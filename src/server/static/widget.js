// The chat widget on a council's page: a "Chat about SEN support" button that opens the chat (/embed) in a panel.
// It runs on the council's page, so it lives in a shadow root (their CSS cannot reach it, ours cannot leak out),
// defines no globals, and sets no cookies or storage. The server puts WIDGET_CONFIG and quickExitKeys.js before it.
var FROM_EMBED = 'sen-support-guide-embed';
var FROM_WIDGET = 'sen-support-guide-widget';
var MARKER = 'data-sen-support-guide-widget';

var script = document.currentScript || document.querySelector('script[src*="/widget.js"]');
var botOrigin = script && script.src ? new URL(script.src, window.location.href).origin : '';

function originAllowed(origin, allowed) {
  return allowed.some(function (pattern) {
    // https://*.example.gov.uk allows every subdomain (not the bare domain), as frame-ancestors reads it.
    if (pattern.indexOf('https://*.') === 0) {
      var suffix = pattern.slice('https://*'.length);
      return origin.indexOf('https://') === 0 && origin.length > 'https://'.length + suffix.length && origin.slice(-suffix.length) === suffix;
    }
    return origin === pattern;
  });
}

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A speech bubble, drawn with SVG so it needs no image request and no font. Decorative: the text names the button. */
function chatIcon() {
  var ns = 'http://www.w3.org/2000/svg';
  var svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'sgw-launcher__icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  var path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  path.setAttribute('fill', 'currentColor');
  svg.appendChild(path);
  return svg;
}

function startWidget() {
  // Pasted twice, or loaded by a site-wide template and a page: one button is enough.
  if (document.querySelector('[' + MARKER + ']')) return;
  var config = WIDGET_CONFIG;
  var text = config.text;
  var label = ((script && script.getAttribute('data-label')) || '').trim().slice(0, 60) || text.button;
  var position = script && script.getAttribute('data-position') === 'left' ? 'left' : 'right';

  var root = element('div');
  root.setAttribute(MARKER, '');
  // Hidden until our stylesheet arrives, so the council's page never shows an unstyled button.
  root.style.display = 'none';
  var shadow = root.attachShadow({ mode: 'open' });

  var stylesheet = element('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = botOrigin + config.stylePath;
  stylesheet.addEventListener('load', function () {
    root.style.display = '';
  });
  stylesheet.addEventListener('error', function () {
    window.console.warn('SEN Support Guide widget: could not load ' + stylesheet.href + ', so the chat button is not shown. If this site has a Content-Security-Policy, add ' + botOrigin + ' to its style-src, script-src and frame-src.');
  });

  var container = element('div', 'sgw sgw--' + position);
  var launcher = element('button', 'sgw-launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'sgw-panel');
  launcher.appendChild(chatIcon());
  launcher.appendChild(element('span', 'sgw-launcher__text', label));

  var panel = element('div', 'sgw-panel');
  panel.id = 'sgw-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'sgw-title');
  panel.hidden = true;

  var header = element('div', 'sgw-header');
  var title = element('h2', 'sgw-title', text.title);
  title.id = 'sgw-title';
  var close = element('button', 'sgw-close');
  close.type = 'button';
  var cross = element('span', 'sgw-close__cross', '\u00d7');
  cross.setAttribute('aria-hidden', 'true');
  var closeText = element('span', 'sgw-close__text', text.close);
  // Heard as "Close the chat"; the visible word "Close" starts the name, so voice control users can say it.
  closeText.appendChild(element('span', 'sgw-visually-hidden', text.closeHidden));
  close.appendChild(cross);
  close.appendChild(closeText);
  header.appendChild(title);
  header.appendChild(close);

  var exitBar = element('div', 'sgw-exit');
  var quickExit = element('button', 'sgw-quick-exit', text.quickExit);
  quickExit.type = 'button';
  quickExit.setAttribute('aria-describedby', 'sgw-exit-hint');
  var hint = element('span', 'sgw-exit__hint', text.quickExitHint);
  hint.id = 'sgw-exit-hint';
  exitBar.appendChild(quickExit);
  exitBar.appendChild(hint);

  var frameBox = element('div', 'sgw-frame');
  var announcer = element('p', 'sgw-visually-hidden');
  announcer.setAttribute('role', 'status');
  panel.appendChild(header);
  panel.appendChild(exitBar);
  panel.appendChild(frameBox);
  panel.appendChild(announcer);

  container.appendChild(panel);
  container.appendChild(launcher);
  shadow.appendChild(stylesheet);
  shadow.appendChild(container);
  document.body.appendChild(root);

  var frame = null;
  var frameLoaded = false;
  var open = false;
  var leaving = false;

  function askFrameForFocus() {
    if (frame && frameLoaded && frame.contentWindow) frame.contentWindow.postMessage({ source: FROM_WIDGET, type: 'focus' }, botOrigin);
  }

  function createFrame() {
    // Made on first open, so a page view alone starts no conversation and costs no token.
    frame = element('iframe', 'sgw-frame__iframe');
    frame.title = text.frameTitle;
    frame.src = botOrigin + config.embedPath;
    frame.addEventListener('load', function () {
      frameLoaded = true;
      if (open) askFrameForFocus();
    });
    frameBox.appendChild(frame);
  }

  function openPanel() {
    if (open || leaving) return;
    open = true;
    if (!frame) createFrame();
    panel.hidden = false;
    container.classList.add('sgw--open');
    launcher.setAttribute('aria-expanded', 'true');
    // Into the chat, ready to type: the frame passes focus on to Web Chat's send box.
    frame.focus();
    askFrameForFocus();
  }

  function closePanel() {
    if (!open) return;
    open = false;
    panel.hidden = true;
    container.classList.remove('sgw--open');
    launcher.setAttribute('aria-expanded', 'false');
    announcer.textContent = '';
    launcher.focus();
  }

  /** Leave this page quickly: hide everything at once, end the chat by removing its frame, and replace this page. */
  function leave() {
    if (leaving) return;
    leaving = true;
    // A plain white cover over the whole page while the neutral site loads (GOV.UK "Exit this page" does the same).
    shadow.appendChild(element('div', 'sgw-cover'));
    panel.hidden = true;
    launcher.hidden = true;
    if (frame) {
      frame.src = 'about:blank';
      frame.remove();
      frame = null;
    }
    // The widget keeps nothing in this site's cookies or storage, so there is nothing of ours to clear here; the chat's
    // own storage lives in the frame's origin and went with it. replace() leaves no history entry to go Back to.
    window.location.replace(config.quickExitUrl);
  }

  launcher.addEventListener('click', function () {
    if (open) closePanel();
    else openPanel();
  });
  close.addEventListener('click', closePanel);
  quickExit.addEventListener('click', leave);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      closePanel();
    }
  });
  launcher.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      closePanel();
    }
  });

  // The chat frame asks us to close (Escape inside it) or to leave (its Shift presses). Only our own frame is heard.
  window.addEventListener('message', function (event) {
    if (event.origin !== botOrigin || !frame || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.source !== FROM_EMBED) return;
    if (data.type === 'close') closePanel();
    else if (data.type === 'quick-exit') leave();
  });

  // Shift three times leaves only while the chat is open: someone who never opened it has no reason to expect it.
  watchShiftPresses(
    function () {
      return open && !leaving;
    },
    {
      onExit: leave,
      onProgress: function (remaining) {
        announcer.textContent = shiftProgressText(remaining);
      },
      onTimeout: function () {
        announcer.textContent = '';
      }
    }
  );
}

if (!botOrigin) {
  window.console.warn('SEN Support Guide widget: cannot tell which server the script came from. Load it with <script src="https://<bot address>/widget.js" async></script>.');
} else if (!originAllowed(window.location.origin, WIDGET_CONFIG.allowedOrigins)) {
  window.console.warn(
    'SEN Support Guide widget: ' + window.location.origin + ' is not in WIDGET_ALLOWED_ORIGINS on ' + botOrigin +
      ', so the chat cannot open here and the button is not shown. Ask the team running the bot to add this site.'
  );
} else if (document.body) {
  startWidget();
} else {
  document.addEventListener('DOMContentLoaded', startWidget);
}
