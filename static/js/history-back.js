/* Links marked data-history-back go back in the browser's history when there is one, so a
   form keeps what was typed; without JavaScript they follow their href. (No inline
   javascript: URL: the Content-Security-Policy refuses those.) */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-history-back]");
    if (!link || window.history.length < 2) return;
    event.preventDefault();
    window.history.back();
  });
})();
