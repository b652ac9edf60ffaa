// Set lang/dir before first paint from the saved choice, so an English user sees no RTL flash.
// A file of its own, not an inline script: the Content-Security-Policy runs only the site's own files.
try {
  if (localStorage.getItem('daftar.lang') === 'en') {
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
    document.title = 'Daftar — Judicial e-Services Offices Platform';
  }
} catch {}
