#!/usr/bin/env bash
# Start CUPS with a cups-pdf queue named PDF whose output lands in one known folder.
#
# Shared by .ci/run and by the `cups_pdf_queue` test fixture (tests/services.py), so a
# developer who runs pytest as root gets the same printer as CI. Idempotent: a running
# cupsd is reused, an existing queue is re-enabled, the configuration is rewritten only
# when it differs.
#
# Usage: start-cups.sh [OUTPUT_DIR]   (default: $PACKSTATION_CUPS_PDF_DIR, else
#        /var/spool/cups-pdf/out). Prints the output folder on its last line.
# Needs root: it writes /etc/cups/cups-pdf.conf and starts the system scheduler.
set -euo pipefail

queue=PDF
output_dir=${1:-${PACKSTATION_CUPS_PDF_DIR:-/var/spool/cups-pdf/out}}
conf=/etc/cups/cups-pdf.conf

fail() { echo "start-cups: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "must run as root (it configures and starts the system's cupsd)"
[[ -x /usr/sbin/cupsd ]] || fail "cupsd is not installed (Debian: cups cups-client cups-bsd)"
[[ -f $conf ]] || fail "$conf is missing (Debian: printer-driver-cups-pdf)"
command -v lpstat >/dev/null || fail "lpstat is missing (Debian: cups-client)"

# cups-pdf reads its configuration at every job, so no restart is needed after this.
# Every user's jobs (root's in CI, anonymous ones too) go to the same folder, named
# "job_<id>-<title>.pdf" with the title given to `lp -t`, readable by the tests even when
# they do not run as the user who printed.
set_key() {
    local key=$1 value=$2
    if grep -Fxq "$key $value" "$conf"; then
        return
    fi
    if grep -Eq "^#?${key}[[:space:]]" "$conf"; then
        sed -i -E "s|^#?${key}[[:space:]].*\$|${key} ${value}|" "$conf"
    else
        printf '%s %s\n' "$key" "$value" >>"$conf"
    fi
}
set_key Out "$output_dir"
set_key AnonDirName "$output_dir"
set_key Label 1
set_key TitlePref 1
set_key UserUMask 0022
mkdir -p "$output_dir"
# Sticky and world-writable like cups-pdf's own ANONYMOUS folder: the backend writes
# as the printing user (or "nobody" for anonymous jobs).
chmod 1777 "$output_dir"

scheduler_running() { LANG=C lpstat -r 2>/dev/null | grep -q "scheduler is running"; }

if ! scheduler_running; then
    # Without -f, cupsd forks into the background and returns once it is listening.
    /usr/sbin/cupsd
    for _ in $(seq 1 100); do
        scheduler_running && break
        sleep 0.1
    done
    scheduler_running || fail "cupsd did not start; see /var/log/cups/error_log"
fi

if ! lpstat -p "$queue" >/dev/null 2>&1; then
    ppd=$(lpinfo -m 2>/dev/null | awk '/cups-pdf\/CUPS-PDF_opt\.ppd/ {print $1; exit}')
    [[ -n $ppd ]] || ppd=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF/ {print $1; exit}')
    [[ -n $ppd ]] || fail "no CUPS-PDF driver found by 'lpinfo -m' (Debian: printer-driver-cups-pdf)"
    lpadmin -p "$queue" -v cups-pdf:/ -E -m "$ppd"
fi
# A test that disabled the queue and died before re-enabling it must not leave it held.
cupsenable "$queue"
cupsaccept "$queue"

echo "$output_dir"
