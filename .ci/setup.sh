# Sourced by .ci/run: packages a fresh machine may lack.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for p in chromium:chromium unzip:unzip; do
    cmd=${p%%:*}; pkg=${p#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "ci: installing$missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null; } ||
      echo "ci: could not install$missing (tests needing them will say so)" >&2
  fi
fi
