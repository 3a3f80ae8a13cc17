#!/usr/bin/env bash
# Runs every Värn test — unit, HTTP, PostgreSQL and browser — on a Debian machine with the .NET SDK.
# Installs what the machine lacks (Chromium, LibreOffice, aiosmtpd, Node.js with oidc-provider, PostgreSQL) and starts a throwaway PostgreSQL cluster for the run.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=false
need_package() {
  if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Chromium for the browser tests (Playwright cannot download its own browser here).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium…"
  need_package chromium
fi
export VARN_TEST_CHROMIUM="${VARN_TEST_CHROMIUM:-$(command -v chromium)}"

# LibreOffice renders the exported Word files to PDF, and poppler reads the PDF's text, in the document tests.
if ! command -v soffice >/dev/null 2>&1; then
  echo "Installing LibreOffice Writer…"
  need_package libreoffice-writer-nogui
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  need_package poppler-utils
fi

# A real SMTP server for the e-mail tests: Debian's aiosmtpd, run by the system Python.
if ! /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1; then
  echo "Installing aiosmtpd…"
  need_package python3-aiosmtpd
fi

# A real OpenID Connect provider for the single sign-on tests: oidc-provider from the npm registry, run by Node.js.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js…"
  need_package nodejs npm
fi
if [ ! -d tests/OidcProvider/node_modules/oidc-provider ]; then
  echo "Installing the OpenID Connect provider for the tests…"
  npm ci --prefix tests/OidcProvider --no-audit --no-fund --loglevel=error >/dev/null
fi

# A real PostgreSQL server for the data tests, unless one is given.
if [ -z "${VARN_TEST_POSTGRES:-}" ]; then
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb" ]; then
    echo "Installing PostgreSQL…"
    need_package postgresql
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  fi
  bin=$(dirname "$initdb")
  pgdir=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$pgdir"
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { "$@"; }
  fi
  as_pg "$bin/initdb" -D "$pgdir/data" -A trust -U postgres --no-sync -E UTF8 >/dev/null
  as_pg "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  trap 'as_pg "$bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"' EXIT
  export VARN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
  echo "PostgreSQL for the tests on port $port."
fi

dotnet test Varn.slnx --nologo "$@"
