# Sourced by ./mvnw and ./lvslab: make JAVA_HOME point at a JDK 25 or newer.
# Order: JAVA_HOME if it is 25+, then `java` on PATH, then /usr/lib/jvm/*.
lvslab_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}
lvslab_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(lvslab_java_major "$JAVA_HOME/bin/java"); [ "${v:-0}" -ge 25 ] && return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    j=$(readlink -f "$(command -v javac)"); h=${j%/bin/javac}
    v=$(lvslab_java_major "$h/bin/java"); [ "${v:-0}" -ge 25 ] && { JAVA_HOME=$h; export JAVA_HOME; return 0; }
  fi
  for h in /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -x "$h/bin/javac" ] || continue
    v=$(lvslab_java_major "$h/bin/java"); [ "${v:-0}" -ge 25 ] && { JAVA_HOME=$h; export JAVA_HOME; return 0; }
  done
  echo "lvslab: no JDK 25 found (set JAVA_HOME, or install e.g. temurin-25-jdk)" >&2
  return 1
}
lvslab_find_jdk || exit 1
