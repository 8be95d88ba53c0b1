#!/bin/sh
# Headless Chromium for tests/test_review.py (the review page opened in a real browser).
# Installs Debian's chromium package only when /usr/bin/chromium is missing; needs root (or sudo).
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium
