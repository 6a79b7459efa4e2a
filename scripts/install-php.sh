#!/usr/bin/env bash
# Installs Debian's PHP for the WordPress plugin tests (php -S runs a real WordPress on SQLite; no database server).
# Idempotent: does nothing when php has the sqlite3, pdo_sqlite, xml and mbstring modules. Needs root (or sudo) and apt;
# waits up to 10 minutes for the dpkg lock (another install may be running).
set -euo pipefail
has_all() {
  command -v php >/dev/null 2>&1 || return 1
  local mods
  mods="$(php -m 2>/dev/null | tr 'A-Z' 'a-z')"
  for m in sqlite3 pdo_sqlite xml mbstring; do grep -qx "$m" <<<"$mods" || return 1; done
}
if has_all; then
  echo "php: $(php -r 'echo PHP_VERSION;')"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "PHP is missing and this is not root. Run as root: apt-get install -y php-cli php-sqlite3 php-xml php-mbstring" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq -o DPkg::Lock::Timeout=600
$SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 php-cli php-sqlite3 php-xml php-mbstring >/dev/null
echo "php installed: $(php -r 'echo PHP_VERSION;')"
