// Shift pressed three times on its own within five seconds means "leave now" (the GOV.UK "Exit this page" pattern).
// Shared by chat.js and widget.js: the server puts each in one function scope, so nothing here becomes a global.
function watchShiftPresses(isActive, handlers) {
  var PRESSES = 3;
  var count = 0;
  var timer = null;
  // Shift used for a capital letter is not a press on its own, so typing "I Am OK" never counts.
  var lastKeyWasModified = false;

  function reset() {
    count = 0;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  // Capture phase: Web Chat's send box and the host page's own scripts may stop key events bubbling.
  document.addEventListener(
    'keyup',
    function (event) {
      if (!isActive()) {
        reset();
        return;
      }
      if (event.key === 'Shift' && !lastKeyWasModified) {
        count += 1;
        if (timer) clearTimeout(timer);
        if (count >= PRESSES) {
          reset();
          handlers.onExit();
          return;
        }
        handlers.onProgress(PRESSES - count);
        timer = setTimeout(function () {
          reset();
          handlers.onTimeout();
        }, 5000);
      } else if (count > 0) {
        reset();
        handlers.onTimeout();
      }
      lastKeyWasModified = event.shiftKey;
    },
    true
  );
}

/** What a screen reader hears after each press: "Shift, press 2 more times to leave this page." */
function shiftProgressText(remaining) {
  return 'Shift, press ' + remaining + ' more ' + (remaining === 1 ? 'time' : 'times') + ' to leave this page.';
}
