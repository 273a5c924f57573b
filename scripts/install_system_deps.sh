#!/usr/bin/env bash
# Install the system programs that ingest needs, if they are missing:
#   tesseract (OCR) with English, Spanish and Thai data, and poppler-utils (pdftoppm);
#   with --browser also Debian's chromium, which the browser test drives through Playwright
#   (Playwright's own browser download is never used: it cannot work offline).
# Idempotent: does nothing when everything is already there. Debian/Ubuntu (apt-get).
set -euo pipefail

PACKAGES=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-tha poppler-utils)
LANGS=(eng spa tha)
BROWSER=0
for arg in "$@"; do
    case "$arg" in
        --browser) BROWSER=1 ;;
        *) printf 'install_system_deps: error: unknown option %s (known: --browser)\n' "$arg" >&2; exit 2 ;;
    esac
done
if [ "$BROWSER" -eq 1 ]; then
    PACKAGES+=(chromium)
fi

say() { printf 'install_system_deps: %s\n' "$*"; }
die() { printf 'install_system_deps: error: %s\n' "$*" >&2; exit 1; }

missing=()
if command -v tesseract >/dev/null 2>&1; then
    have_langs="$(tesseract --list-langs 2>&1 || true)"
    for lang in "${LANGS[@]}"; do
        if ! grep -qx "$lang" <<<"$have_langs"; then
            missing+=("tesseract language data '$lang'")
        fi
    done
else
    missing+=("tesseract")
fi
command -v pdftoppm >/dev/null 2>&1 || missing+=("pdftoppm")
if [ "$BROWSER" -eq 1 ] && ! command -v chromium >/dev/null 2>&1; then
    missing+=("chromium")
fi

if [ "${#missing[@]}" -eq 0 ]; then
    say "nothing to do: tesseract ($(tesseract --version 2>&1 | head -n1)) with ${LANGS[*]}, and pdftoppm are installed$([ "$BROWSER" -eq 1 ] && echo ', and chromium')"
    exit 0
fi
say "missing: ${missing[*]}"

command -v apt-get >/dev/null 2>&1 \
    || die "apt-get not found; install these packages by hand: ${PACKAGES[*]}"

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 \
        || die "not root and sudo is not available; as root run: apt-get install ${PACKAGES[*]}"
    SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
say "running: ${SUDO[*]:+${SUDO[*]} }apt-get update"
"${SUDO[@]}" apt-get update -q || die "apt-get update failed"
say "running: ${SUDO[*]:+${SUDO[*]} }apt-get install -y ${PACKAGES[*]}"
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" || die "apt-get install failed"

# Check the result rather than trusting the exit codes.
command -v tesseract >/dev/null 2>&1 || die "tesseract is still missing after the install"
command -v pdftoppm >/dev/null 2>&1 || die "pdftoppm is still missing after the install"
have_langs="$(tesseract --list-langs 2>&1 || true)"
for lang in "${LANGS[@]}"; do
    grep -qx "$lang" <<<"$have_langs" || die "tesseract language data '$lang' is still missing"
done
if [ "$BROWSER" -eq 1 ]; then
    command -v chromium >/dev/null 2>&1 || die "chromium is still missing after the install"
fi
say "installed: ${PACKAGES[*]}"
