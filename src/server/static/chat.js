// Starts Web Chat on the chat page (and /embed): asks this server for a Direct Line token, renders the chat into
// #webchat, and wires "Leave this page quickly". Plain browser script, kept out of the HTML so a
// Content-Security-Policy can forbid inline script. The server joins it after quickExitKeys.js in one scope.
(function () {
  var host = document.getElementById('webchat');
  var status = document.getElementById('chat-status');
  if (!host || !status) return;
  var settings = host.dataset;
  var mode = settings.mode || 'page';
  var framed = window.parent !== window;
  // Messages to and from the widget script on the council's page (static/widget.js).
  var FROM_EMBED = 'sen-support-guide-embed';
  var FROM_WIDGET = 'sen-support-guide-widget';
  var SEND_BOX = '[data-id="webchat-sendbox-input"]';
  var directLine = null;
  var rendered = false;
  var focusWanted = false;
  var leaving = false;

  function showStatus(text) {
    status.textContent = text;
    status.hidden = false;
  }

  function tellWidget(type) {
    // The message carries no data, only what happened, so any parent may hear it.
    if (framed) window.parent.postMessage({ source: FROM_EMBED, type: type }, '*');
  }

  function styleOptions(accent) {
    return {
      accent: accent,
      primaryFont: 'Arial, "Helvetica Neue", Helvetica, sans-serif',
      backgroundColor: '#ffffff',
      bubbleBackground: '#f3f2f1',
      bubbleBorderColor: '#f3f2f1',
      bubbleBorderRadius: 4,
      bubbleTextColor: '#0b0c0c',
      bubbleFromUserBackground: '#ffffff',
      bubbleFromUserBorderColor: '#505a5f',
      bubbleFromUserBorderRadius: 4,
      bubbleFromUserTextColor: '#0b0c0c',
      bubbleMaxWidth: 640,
      // Web Chat's default minimum (250px) overflows a 320px screen once padding is added.
      bubbleMinWidth: 0,
      hideUploadButton: true,
      sendBoxTextWrap: true,
      sendBoxBorderTop: 'solid 2px #0b0c0c',
      sendBoxPlaceholderColor: '#505a5f',
      suggestedActionLayout: 'flow',
      suggestedActionBorderRadius: 4,
      suggestedActionKeyboardFocusIndicatorBorderColor: '#0b0c0c',
      sendBoxButtonKeyboardFocusIndicatorBorderColor: '#0b0c0c',
      sendBoxButtonKeyboardFocusIndicatorBorderWidth: 2,
      suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
      suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
      transcriptVisualKeyboardIndicatorColor: '#0b0c0c',
      transcriptVisualKeyboardIndicatorWidth: 3,
      transcriptActivityVisualKeyboardIndicatorColor: '#0b0c0c',
      transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
      transcriptActivityVisualKeyboardIndicatorWidth: 2,
      timestampColor: '#505a5f',
      notificationText: '#505a5f'
    };
  }

  /** Web Chat draws its send box a moment after rendering starts, so look again for a short while. */
  function focusSendBox(triesLeft) {
    var input = host.querySelector(SEND_BOX);
    if (input) input.focus();
    else if (triesLeft > 0) window.setTimeout(focusSendBox, 100, triesLeft - 1);
  }

  function start(body) {
    // The server says where to connect: this server's own service locally, Azure's Direct Line in production.
    var domain = new URL(body.domain, window.location.href).href.replace(/\/+$/, '');
    var onThisServer = new URL(domain).origin === window.location.origin;
    directLine = window.WebChat.createDirectLine({
      token: body.token,
      domain: domain,
      // The local service only polls; Azure streams over a WebSocket, which the page's connect-src allows.
      webSocket: !onThisServer
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        locale: 'en-GB',
        role: 'region',
        styleOptions: styleOptions(settings.accent),
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: settings.placeholder }
      },
      host
    );
    status.hidden = true;
    rendered = true;
    // In the widget the parent asked for focus when the panel opened, possibly before Web Chat existed.
    if (focusWanted) focusSendBox(50);
  }

  /** Leave this page quickly: end the chat, forget what we stored, blank the page, then go where Back cannot return. */
  function leave() {
    if (leaving) return;
    leaving = true;
    var exitUrl = settings.quickExitUrl;
    try {
      if (directLine) directLine.end();
    } catch (error) {
      // Leaving matters more than a clean goodbye.
    }
    // This page's storage belongs to this service's origin only, never to a council's site.
    try {
      window.sessionStorage.clear();
      window.localStorage.clear();
    } catch (error) {
      // Storage can be switched off; there is then nothing to clear.
    }
    document.body.textContent = '';
    if (mode === 'widget') {
      // The widget on the council's page removes this frame and takes its own page away too.
      tellWidget('quick-exit');
    }
    if (framed) {
      // A site that framed /embed without our widget: take the whole tab away if the browser lets a frame do that.
      window.setTimeout(function () {
        try {
          window.top.location.replace(exitUrl);
        } catch (error) {
          window.location.replace(exitUrl);
        }
      }, mode === 'widget' ? 300 : 0);
      return;
    }
    window.location.replace(exitUrl);
  }

  var quickExitButton = document.getElementById('quick-exit');
  if (quickExitButton) quickExitButton.addEventListener('click', leave);
  var quickExitStatus = document.getElementById('quick-exit-status');
  watchShiftPresses(
    function () {
      return !leaving;
    },
    {
      onExit: leave,
      onProgress: function (remaining) {
        if (quickExitStatus) quickExitStatus.textContent = shiftProgressText(remaining);
      },
      onTimeout: function () {
        if (quickExitStatus) quickExitStatus.textContent = '';
      }
    }
  );

  if (mode === 'widget') {
    document.addEventListener('keydown', function (event) {
      // Web Chat uses Escape inside its transcript (back to the send box) and marks it handled; only a free Escape closes.
      if (event.key === 'Escape' && !event.defaultPrevented) tellWidget('close');
    });
    window.addEventListener('message', function (event) {
      if (event.source !== window.parent || !event.data || event.data.source !== FROM_WIDGET) return;
      if (event.data.type === 'focus') {
        if (rendered) focusSendBox(50);
        else focusWanted = true;
      }
    });
  }

  if (!window.WebChat) {
    showStatus(settings.startFailed);
    return;
  }

  fetch(settings.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) throw new Error('token request failed with status ' + response.status);
      return response.json();
    })
    .then(function (body) {
      if (!body || typeof body.token !== 'string' || typeof body.domain !== 'string') throw new Error('token response incomplete');
      start(body);
    })
    .catch(function () {
      showStatus(settings.startFailed);
    });
})();
