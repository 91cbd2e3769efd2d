// The console works without this script; it adds: the CSRF token on htmx requests, one submission per form
// (a second click while the first is on its way does nothing; the server's idempotency key covers the rest), and
// focus on the error summary so that screen readers announce it.
(function () {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener('htmx:configRequest', function (e) {
    if (header && token) {
      e.detail.headers[header.content] = token.content;
    }
  });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.dataset.submitted === 'true') {
      e.preventDefault();
      return;
    }
    form.dataset.submitted = 'true';
    form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.setAttribute('aria-disabled', 'true'); });
  });
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  // a "select all" checkbox (data-select-all="name") ticks every checkbox of that name in its form
  document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    all.addEventListener('change', function () {
      all.form.querySelectorAll('input[type="checkbox"][name="' + all.dataset.selectAll + '"]')
        .forEach(function (box) { box.checked = all.checked; });
    });
  });
})();
