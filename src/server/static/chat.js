// Starts Web Chat on the chat page: asks this server for a Direct Line token, then renders the chat into #webchat.
// Plain browser script (no build step), kept out of the HTML so a Content-Security-Policy can forbid inline script.
(function () {
  'use strict';

  var host = document.getElementById('webchat');
  var status = document.getElementById('chat-status');
  if (!host || !status) return;
  var settings = host.dataset;

  function showStatus(text) {
    status.textContent = text;
    status.hidden = false;
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

  function start(token) {
    var directLine = window.WebChat.createDirectLine({
      token: token,
      domain: window.location.origin + settings.directLine,
      webSocket: false
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
  }

  if (!window.WebChat) {
    showStatus(settings.startFailed);
    return;
  }

  fetch(settings.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    .then(function (response) {
      if (!response.ok) throw new Error('token request failed with status ' + response.status);
      return response.json();
    })
    .then(function (body) {
      start(body.token);
    })
    .catch(function () {
      showStatus(settings.startFailed);
    });
})();
