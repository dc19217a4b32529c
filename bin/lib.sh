# Shared helpers for the project's scripts. Sourced, not run.

# Vaadin 25 needs Java 21+, but the machine's default `java` is 17.
# Pick a JDK >= 21 without asking the user to set JAVA_HOME.
efs_select_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* ; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "No JDK >= 21 found (looked at JAVA_HOME and /usr/lib/jvm). Install one, e.g. Temurin 21 or 25." >&2
  return 1
}

# Browser tests drive Debian's chromium (Playwright's own browser download cannot work offline).
efs_ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "Installing Debian's chromium for the browser tests..." >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
}

# The production jar (./efs package): Vaadin production mode, built in target/production so that target/classes
# stays in dev mode for ./efs run and the tests.
EFS_JAR=target/production/efs.jar
efs_package() {
  ./mvnw -B -q -Pproduction package -Dmaven.test.skip=true "$@"
}
