// Chromium reports "ResizeObserver loop completed with undelivered notifications" as a window error when
// an element observed by a ResizeObserver is added or resized while that observer's notifications are
// being handled (the message list does this: it renders newly visible rows in the update its row
// measurements trigger); the rest are delivered in the next frame. Mocha would fail whichever test is
// running, so this one message, and nothing else, is kept from it (the runner still logs it, as `null`).
window.addEventListener(
  'error',
  (event) => {
    // Failed image loads reach this capturing listener too, as plain `Event`s without a message.
    if (event instanceof ErrorEvent && event.message.startsWith('ResizeObserver loop'))
      event.stopImmediatePropagation();
  },
  true,
);
