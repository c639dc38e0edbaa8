/**
 * The /trust page: served by the server itself (not the app), readable on any phone, with no
 * inline script (the CSP allows none). `trust.js` turns the key in the fragment into the link
 * that hands over to /connect, so the key never reaches the server or its logs.
 */
export const TRUST_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trust this scanner server</title>
<style>
  body { font: 17px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; background: #0f1115; color: #f3f4f6; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
  a.button { display: inline-block; min-height: 44px; line-height: 44px; padding: 0 1rem; margin: .25rem 0; border-radius: 8px; background: #2563eb; color: #fff; text-decoration: none; font-weight: 600; }
  .note { background: #1f2937; border-left: 4px solid #f59e0b; padding: .75rem 1rem; border-radius: 4px; }
  ol { padding-left: 1.25rem; } li { margin: .35rem 0; } code { overflow-wrap: anywhere; }
</style>
</head>
<body>
<main>
<h1>Trust this scanner server</h1>
<p class="note">This certificate only identifies <strong>this scanner server on this network</strong>.
It cannot vouch for any website: it is limited to this server's own names and to local network addresses.</p>

<h2>Android (Chrome)</h2>
<ol>
  <li><a class="button" href="/trust/closient-scanner-ca.crt" download>Download the certificate</a></li>
  <li>Open <strong>Settings → Security and privacy → More security settings → Encryption and credentials → Install a certificate → CA certificate</strong>.</li>
  <li>Tap <strong>Install anyway</strong>, then pick <code>closient-scanner-ca.crt</code> from Downloads.</li>
</ol>

<h2>iPhone and iPad (Safari)</h2>
<ol>
  <li><a class="button" href="/trust/closient-scanner.mobileconfig">Download the profile</a> and tap <strong>Allow</strong>.</li>
  <li>Open <strong>Settings → Profile Downloaded → Install</strong>, and enter the passcode.</li>
  <li>Open <strong>Settings → General → About → Certificate Trust Settings</strong> and turn on full trust for <strong>Closient Scanner</strong>.</li>
</ol>

<h2>Then</h2>
<p><a class="button" id="continue" href="/connect">Open the scanner</a></p>
<p id="no-key">If this device has no key yet, use the connect link or QR code the server printed when it first started.</p>
</main>
<script src="/trust/trust.js"></script>
</body>
</html>
`;

/** Carries the key from this page's fragment to /connect's, over the same HTTPS origin. */
export const TRUST_SCRIPT = `(function () {
  var params = new URLSearchParams(location.hash.slice(1));
  var key = params.get('key');
  if (!key) return;
  var link = document.getElementById('continue');
  link.href = '/connect#key=' + encodeURIComponent(key) + '&api=';
  document.getElementById('no-key').hidden = true;
  history.replaceState(null, '', location.pathname);
})();
`;
