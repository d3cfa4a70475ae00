#!/usr/bin/env bash
# Installs what the test suite needs that a fresh machine may lack. Idempotent; does nothing
# when everything is there. Tests run headless (Monocle), so no display server is needed.
set -euo pipefail
need=()
command -v mvn >/dev/null || need+=(maven)
command -v javac >/dev/null || need+=(openjdk-17-jdk-headless)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  else
    echo "prepare-test-machine: please install: ${need[*]}" >&2; exit 1
  fi
fi
