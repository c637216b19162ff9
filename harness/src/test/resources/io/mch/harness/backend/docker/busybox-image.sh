#!/bin/sh
# Builds the local test image $1 (e.g. mch/busybox:local) from Debian's busybox-static when the
# engine does not have it yet: no registry is needed, so Docker tests run on an offline machine.
# The image holds busybox with every applet linked in /bin, and /www/index.html for `httpd -h /www`.
set -eu
image="$1"
docker image inspect "$image" >/dev/null 2>&1 && exit 0
busybox="$(command -v busybox || true)"
[ -n "$busybox" ] || { echo "busybox is not installed (apt-get install busybox-static)" >&2; exit 3; }
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/www" "$root/tmp"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
echo "mch" > "$root/www/index.html"
tar -C "$root" -c . | docker import - "$image" >/dev/null
