#!/bin/sh
# Builds the k3s stand-in image $1 (a test double that looks like rancher/k3s from outside; see
# K3sStandIn) with no registry: a base image imported from a root file system (a Java runtime made
# by jlink from the JDK $3, the shared libraries it needs, busybox from Debian's busybox-static),
# then the classes and jars of the test class path $2 (':'-separated) on top, with /bin/k3s
# running the main class $4. The base image is $5 and is built once per JDK.
set -eu
image="$1"; classpath="$2"; java_home="$3"; main="$4"; base="$5"
docker image inspect "$image" >/dev/null 2>&1 && exit 0
busybox="$(command -v busybox || true)"
[ -n "$busybox" ] || { echo "busybox is not installed (apt-get install busybox-static)" >&2; exit 3; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! docker image inspect "$base" >/dev/null 2>&1; then
  root="$work/root"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc/rancher/k3s" "$root/var/lib/rancher/k3s/agent/images" "$root/opt"
  "$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.httpserver --strip-debug \
    --no-header-files --no-man-pages --output "$root/opt/java"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  for lib in $(find "$root/opt/java" -name '*.so' -o -path '*/bin/java' | xargs ldd 2>/dev/null \
      | awk '/=>/ && $3 ~ /^\// {print $3} /^\t\/lib64/ {print $1}' | sort -u); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  echo "root:x:0:0:root:/:/bin/sh" > "$root/etc/passwd"
  tar -C "$root" -c . | docker import --change 'LABEL io.mch.stand-in=k3s-base' - "$base" >/dev/null
  rm -rf "$root"
fi
mkdir -p "$work/ctx/cp"
entries=""
n=0
IFS=:
for entry in $classpath; do
  n=$((n + 1))
  [ -e "$entry" ] || continue
  if [ -d "$entry" ]; then
    cp -r "$entry" "$work/ctx/cp/$n"
    entries="$entries:/opt/stand-in/$n"
  else
    cp "$entry" "$work/ctx/cp/$n.jar"
    entries="$entries:/opt/stand-in/$n.jar"
  fi
done
unset IFS
cat > "$work/ctx/k3s" <<SCRIPT
#!/bin/sh
# A first line at once (the JVM takes seconds), with the token masked as k3s masks it.
echo "k3s stand-in (mch test double, not k3s): \$(echo "\$*" | sed 's/--token=[^ ]*/--token=********/')"
exec /opt/java/bin/java -Xss512k -Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 \
  -Djava.net.preferIPv4Stack=true -cp "${entries#:}" $main "\$@"
SCRIPT
chmod +x "$work/ctx/k3s"
cat > "$work/ctx/Dockerfile" <<DOCKERFILE
FROM $base
COPY cp /opt/stand-in/
COPY k3s /bin/k3s
LABEL io.mch.stand-in=k3s
ENTRYPOINT ["/bin/k3s"]
DOCKERFILE
docker build -q -t "$image" "$work/ctx" >/dev/null
