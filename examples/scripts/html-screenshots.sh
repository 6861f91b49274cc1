#!/usr/bin/env bash
# Renders report.html in headless Chromium at a phone width (390 px) and a desktop width (1280 px),
# writes PNG screenshots and checks that the page does not overflow horizontally (tables scroll
# inside their own box instead).
#
#   examples/scripts/html-screenshots.sh [REPORT_HTML] [OUT_DIR]
#
# Without REPORT_HTML it runs the demo (building the jar when needed) and uses its report.html.
# OUT_DIR defaults to target/html-screenshots. Exits 0 with a message when Chromium is absent
# (Debian: apt-get install -y chromium), 1 when the page overflows at a width.
set -euo pipefail

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${2:-$ROOT/target/html-screenshots}

if [[ ! -x "$CHROMIUM" ]]; then
  echo "html-screenshots: $CHROMIUM not found; skipped (install it with: apt-get install -y chromium)"
  exit 0
fi

mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

REPORT=${1:-}
if [[ -z "$REPORT" ]]; then
  JAR="$ROOT/examples/target/sophia.jar"
  if [[ ! -f "$JAR" ]]; then
    (cd "$ROOT" && mvn -B -q package -DskipTests)
  fi
  # the demo exits with the gate's code (2: BLOCKED); its report is what we want
  java -jar "$JAR" demo --out "$WORK/demo" > "$WORK/demo.log" 2>&1 || true
  REPORT="$WORK/demo/report.html"
fi
if [[ ! -f "$REPORT" ]]; then
  echo "html-screenshots: no report at $REPORT" >&2
  exit 2
fi

chromium() {
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$(mktemp -d -p "$WORK")" "$@" 2>/dev/null
}

# Headless Chromium will not make a window narrower than 500 px, so each width is a frame of that
# width inside a harness page (grey beyond the frame's edge). The report's Content-Security-Policy
# forbids scripts, so a measuring copy drops it and adds one that posts the page's widths (and any
# element that sticks out of the viewport outside a box that scrolls) to the harness, whose DOM
# --dump-dom prints.
cp "$REPORT" "$WORK/report.html"
sed -e '/http-equiv="Content-Security-Policy"/d' "$REPORT" > "$WORK/probe.html"
cat >> "$WORK/probe.html" <<'JS'
<script>
  // inside a box that scrolls (or clips) horizontally, wide content is what we want, not overflow
  const inScrollBox = e => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  window.addEventListener('load', () => {
    const d = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > d.clientWidth + 1 && !inScrollBox(e))
      .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '')).join(',');
    parent.postMessage('viewport=' + d.clientWidth + ' scrollWidth=' + d.scrollWidth + ' wide=' + (wide || 'none'), '*');
  });
</script>
JS

HEIGHT=2400
status=0
for width in 390 1280; do
  window=$(( width < 500 ? 500 : width ))
  for page in report probe; do
    cat > "$WORK/$page-$width.html" <<HTML
<!DOCTYPE html><html><body style="margin:0;background:#8c959f">
<iframe src="$page.html" style="width:${width}px;height:${HEIGHT}px;border:0;background:#fff;display:block"></iframe>
<pre id="result"></pre>
<script>addEventListener('message', e => { document.getElementById('result').textContent = e.data; });</script>
</body></html>
HTML
  done
  png="$OUT/report-$width.png"
  chromium --window-size="$window,$HEIGHT" --virtual-time-budget=2000 --screenshot="$png" "file://$WORK/report-$width.html" > /dev/null
  line=$(chromium --window-size="$window,$HEIGHT" --virtual-time-budget=2000 --dump-dom "file://$WORK/probe-$width.html" \
    | grep -o 'viewport=[0-9]* scrollWidth=[0-9]* wide=[^<]*' || true)
  viewport=$(sed -n 's/.*viewport=\([0-9]*\).*/\1/p' <<< "$line")
  scroll=$(sed -n 's/.*scrollWidth=\([0-9]*\).*/\1/p' <<< "$line")
  if [[ "$viewport" != "$width" ]]; then
    echo "html-screenshots: ${width}px: could not measure the page (got '$line')" >&2
    status=1
  elif (( scroll > viewport )); then
    echo "html-screenshots: ${width}px: the page overflows ($line)" >&2
    status=1
  else
    echo "html-screenshots: ${width}px: no horizontal overflow ($line) -> $png"
  fi
done
exit $status
