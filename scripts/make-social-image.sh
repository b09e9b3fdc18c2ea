#!/usr/bin/env bash
# Makes static/social.png, the default picture of link previews (og:image,
# twitter:image): 1200×630, drawn by headless Chromium from the page below in
# the repository's own Noto Naskh Arabic. Run once after changing the design;
# the PNG is committed, so builds never need Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r static/fonts "$work/fonts"
cat >"$work/social.html" <<'HTML'
<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<style>
@font-face { font-family: "Naskh"; font-weight: 400; src: url("fonts/noto-naskh-arabic-arabic-400-normal.woff2"); }
@font-face { font-family: "Naskh"; font-weight: 700; src: url("fonts/noto-naskh-arabic-arabic-700-normal.woff2"); }
html, body { margin: 0; width: 1200px; height: 630px; overflow: hidden; }
body { background: #8e1b1b; color: #fbfaf7; font-family: "Naskh", serif; display: flex; align-items: center; }
.card { margin-inline: 96px; display: flex; align-items: center; gap: 72px; }
.mark { width: 220px; height: 220px; flex: none; }
h1 { font-size: 120px; font-weight: 700; margin: 0; line-height: 1.4; }
p { font-size: 52px; margin: 0; opacity: .9; }
.rule { height: 6px; width: 180px; background: #fbfaf7; opacity: .6; margin-block: 24px; border-radius: 3px; }
</style>
</head>
<body>
<div class="card">
<svg class="mark" viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="6" fill="#fbfaf7"/><path d="M8 9h16M8 14h16M14 19h10M11 24h13" stroke="#8e1b1b" stroke-width="2.5" stroke-linecap="round"/></svg>
<div>
<h1>أرشيف الأخبار</h1>
<div class="rule"></div>
<p>الأشخاص · الأماكن · المصادر</p>
</div>
</div>
</body>
</html>
HTML
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=1200,630 --virtual-time-budget=2000 \
  --screenshot="$work/social.png" "file://$work/social.html" >/dev/null 2>&1
if command -v optipng >/dev/null 2>&1; then optipng -quiet -o5 "$work/social.png"; fi
cp "$work/social.png" static/social.png
echo "wrote static/social.png"
